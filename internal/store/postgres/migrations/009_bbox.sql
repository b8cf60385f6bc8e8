-- marsad record, schema version 9: a GiST index over the events'
-- coordinates, so that a list filtered by a small bounding box starts from
-- the events inside it.
CREATE INDEX events_point ON events USING gist (point(lon, lat)) WHERE lat IS NOT NULL AND lon IS NOT NULL;
