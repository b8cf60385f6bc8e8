-- marsad record, schema version 8: candidates of loose mentions (undated or
-- dated coarser than a week) are looked up by family, place key and type,
-- then date, in this index alone.
CREATE INDEX mentions_place_candidates ON mentions (family, place_key, type, loose, day_lo, day_hi) WHERE place_key IS NOT NULL;
DROP INDEX mentions_place;
