-- marsad record, schema version 4: what merging compares is kept beside
-- each mention, so that candidate mentions are selected in SQL (type,
-- date window, place key or name, site radius) and compared without
-- decoding their evidence. mkey is merge.Key of the event as JSON (NULL
-- for mentions stored before this version: the store reads data instead).
ALTER TABLE mentions
  ADD COLUMN mkey TEXT,
  ADD COLUMN pname TEXT,    -- lower-cased name of a precise place
  ADD COLUMN lat DOUBLE PRECISION,
  ADD COLUMN lon DOUBLE PRECISION,
  ADD COLUMN site INTEGER NOT NULL DEFAULT 0;  -- location precision is "site"
UPDATE mentions SET
  pname = CASE WHEN place_key IS NOT NULL THEN NULLIF(lower(data::jsonb #>> '{location,name}'), '') END,
  lat = (data::jsonb #>> '{location,lat}')::double precision,
  lon = (data::jsonb #>> '{location,lon}')::double precision,
  site = CASE WHEN data::jsonb #>> '{location,precision}' = 'site' THEN 1 ELSE 0 END;
