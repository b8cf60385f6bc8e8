-- marsad record, schema version 2: the place filter matches names
-- case-insensitively through an index.
CREATE INDEX events_place_name ON events (lower(place_name));
CREATE INDEX figures_place_name ON figures (lower(place_name));
