-- marsad record, schema version 4: what merging compares is kept beside
-- each mention, so that candidate mentions are selected in SQL (type,
-- date window, place key or name, site radius) and compared without
-- decoding their evidence. mkey is merge.Key of the event as JSON (NULL
-- for mentions stored before this version: the store reads data instead).
ALTER TABLE mentions ADD COLUMN mkey TEXT;
ALTER TABLE mentions ADD COLUMN pname TEXT;   -- lower-cased name of a precise place
ALTER TABLE mentions ADD COLUMN lat REAL;
ALTER TABLE mentions ADD COLUMN lon REAL;
ALTER TABLE mentions ADD COLUMN site INTEGER NOT NULL DEFAULT 0;  -- location precision is "site"
UPDATE mentions SET
  pname = CASE WHEN place_key IS NOT NULL THEN NULLIF(lower(json_extract(data, '$.location.name')), '') END,
  lat = json_extract(data, '$.location.lat'),
  lon = json_extract(data, '$.location.lon'),
  site = coalesce(json_extract(data, '$.location.precision') = 'site', 0);
