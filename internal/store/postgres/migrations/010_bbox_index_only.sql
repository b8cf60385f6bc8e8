-- marsad record, schema version 10: the point index without a predicate,
-- so that counting the events in a box reads the index alone (an index-only
-- scan), not the events' rows.
DROP INDEX events_point;
CREATE INDEX events_point ON events USING gist (point(lon, lat));
