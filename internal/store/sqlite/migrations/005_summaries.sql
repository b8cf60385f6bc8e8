-- marsad record, schema version 5: summary tables kept exact by the write
-- transaction (see internal/store/sqlstore/summary.go), so that counts of
-- the whole record read thousands of rows rather than every event.
CREATE TABLE record_stats (
  name TEXT NOT NULL,       -- documents, mentions, events, claims, figures, dup_groups
  shard INTEGER NOT NULL,   -- spreads concurrent writers (PostgreSQL); 0 here
  n INTEGER NOT NULL,
  PRIMARY KEY (name, shard)
);
INSERT INTO record_stats (name, shard, n)
  SELECT 'documents', 0, COUNT(*) FROM documents
  UNION ALL SELECT 'mentions', 0, COUNT(*) FROM mentions
  UNION ALL SELECT 'events', 0, COUNT(*) FROM events
  UNION ALL SELECT 'claims', 0, COUNT(*) FROM claims
  UNION ALL SELECT 'figures', 0, COUNT(*) FROM figures
  UNION ALL SELECT 'dup_groups', 0, COUNT(DISTINCT dup_group) FROM documents;

CREATE TABLE dup_groups (dup_group TEXT PRIMARY KEY, n INTEGER NOT NULL);
INSERT INTO dup_groups (dup_group, n) SELECT dup_group, COUNT(*) FROM documents GROUP BY dup_group;

CREATE TABLE event_days (
  day_lo INTEGER NOT NULL, day_hi INTEGER NOT NULL, type TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (day_lo, day_hi, type)
) WITHOUT ROWID;
INSERT INTO event_days (day_lo, day_hi, type, n)
  SELECT day_lo, day_hi, type, COUNT(*) FROM events WHERE day_lo IS NOT NULL GROUP BY day_lo, day_hi, type;

CREATE TABLE event_places (
  place_key TEXT NOT NULL, type TEXT NOT NULL,
  place_name TEXT, country TEXT, admin1 TEXT, lat REAL, lon REAL,
  n INTEGER NOT NULL
);
INSERT INTO event_places (place_key, type, place_name, country, admin1, lat, lon, n)
  SELECT place_key, type, place_name, country, admin1, lat, lon, COUNT(*) FROM events
  WHERE place_key IS NOT NULL GROUP BY place_key, type, place_name, country, admin1, lat, lon;
CREATE INDEX event_places_key ON event_places (place_key, type);
CREATE INDEX event_places_geo ON event_places (lat, lon);

-- The number of outlets is counted by skipping through this index.
CREATE INDEX documents_outlet ON documents (outlet);
