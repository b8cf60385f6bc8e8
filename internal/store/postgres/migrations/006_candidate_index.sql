-- marsad record, schema version 6: the merge's candidate query (family,
-- date window, then type, place key or name, site and coordinates) reads
-- this index alone and fetches only the rows that pass; the list filter
-- on modality can start from the mentions that have it.
CREATE INDEX mentions_candidates ON mentions (family, loose, day_lo, day_hi, type, place_key, pname, site, lat, lon);
DROP INDEX mentions_window;
CREATE INDEX mentions_modality ON mentions (modality, event_id);
