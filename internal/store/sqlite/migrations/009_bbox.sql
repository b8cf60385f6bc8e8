-- marsad record, schema version 9: an R*Tree over the events' coordinates,
-- kept by triggers, so that a list filtered by a small bounding box starts
-- from the events inside it (32-bit boxes round outwards: the exact bounds
-- are checked on events).
CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);
INSERT INTO events_rtree (id, min_lat, max_lat, min_lon, max_lon)
  SELECT rowid, lat, lat, lon, lon FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL;
CREATE TRIGGER events_rtree_insert AFTER INSERT ON events WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN
  INSERT INTO events_rtree (id, min_lat, max_lat, min_lon, max_lon) VALUES (new.rowid, new.lat, new.lat, new.lon, new.lon);
END;
CREATE TRIGGER events_rtree_delete AFTER DELETE ON events BEGIN
  DELETE FROM events_rtree WHERE id = old.rowid;
END;
