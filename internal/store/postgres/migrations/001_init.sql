-- marsad record, PostgreSQL schema version 1.
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  url TEXT, outlet TEXT, title TEXT,
  published TEXT,           -- RFC 3339, '' when unknown
  pub_day TEXT,             -- YYYY-MM-DD
  lang TEXT,
  hash TEXT NOT NULL,
  simhash BIGINT,          -- 64-bit SimHash as a signed integer
  band0 INTEGER, band1 INTEGER, band2 INTEGER, band3 INTEGER,
  dup_group TEXT NOT NULL,
  text TEXT,
  result TEXT,              -- the coded event.Result, JSON
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(text, ''))) STORED
);
CREATE INDEX documents_tsv ON documents USING GIN (tsv);
CREATE INDEX documents_band0 ON documents(band0) WHERE band0 IS NOT NULL;
CREATE INDEX documents_band1 ON documents(band1) WHERE band1 IS NOT NULL;
CREATE INDEX documents_band2 ON documents(band2) WHERE band2 IS NOT NULL;
CREATE INDEX documents_band3 ON documents(band3) WHERE band3 IS NOT NULL;

CREATE TABLE mentions (
  id TEXT PRIMARY KEY,      -- <document id>#<index>
  document_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  event_id TEXT NOT NULL,
  family TEXT NOT NULL,     -- merge family of the type
  type TEXT NOT NULL,
  day_lo INTEGER, day_hi INTEGER,   -- days since 1970-01-01; NULL when undated
  loose INTEGER NOT NULL,   -- undated or coarser than a week
  place_key TEXT,           -- precise place key, merge.PlaceKey
  modality TEXT NOT NULL,
  data TEXT NOT NULL        -- event.Event, JSON
);
CREATE INDEX mentions_document ON mentions(document_id);
CREATE INDEX mentions_event ON mentions(event_id, modality);
CREATE INDEX mentions_window ON mentions(family, loose, day_lo);
CREATE INDEX mentions_place ON mentions(family, place_key) WHERE place_key IS NOT NULL;

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  day_lo INTEGER, day_hi INTEGER,
  sort_day INTEGER NOT NULL,
  place_key TEXT, place_name TEXT, country TEXT, admin1 TEXT,
  lat DOUBLE PRECISION, lon DOUBLE PRECISION,
  modality TEXT NOT NULL,
  denied INTEGER NOT NULL, conflict INTEGER NOT NULL,
  n_mentions INTEGER NOT NULL, n_documents INTEGER NOT NULL,
  data TEXT NOT NULL        -- store.Event without claims, mentions, documents; JSON
);
CREATE INDEX events_sort ON events(sort_day, id);
CREATE INDEX events_type ON events(type, sort_day, id);
CREATE INDEX events_country ON events(country, admin1, sort_day);
CREATE INDEX events_place ON events(place_key, type);
CREATE INDEX events_geo ON events(lat, lon);
CREATE INDEX events_day ON events(day_lo, type);

CREATE TABLE event_actors (
  event_id TEXT NOT NULL,
  akey TEXT NOT NULL,       -- lower-cased code or name
  PRIMARY KEY (akey, event_id)
);
CREATE INDEX event_actors_event ON event_actors(event_id);

CREATE TABLE claims (
  event_id TEXT NOT NULL, ord INTEGER NOT NULL,
  mention_id TEXT NOT NULL, document_id TEXT NOT NULL,
  outlet TEXT, dup_group TEXT,
  speaker TEXT NOT NULL, speaker_kind TEXT,
  modality TEXT NOT NULL,
  what TEXT NOT NULL, value DOUBLE PRECISION NOT NULL, min_value DOUBLE PRECISION, max_value DOUBLE PRECISION,
  approx INTEGER NOT NULL,
  text TEXT, start_off INTEGER, end_off INTEGER,
  PRIMARY KEY (event_id, ord)
);
CREATE INDEX claims_speaker ON claims(speaker, event_id);
CREATE INDEX claims_document ON claims(document_id);

CREATE TABLE figures (
  document_id TEXT NOT NULL, idx INTEGER NOT NULL,
  what TEXT NOT NULL, value DOUBLE PRECISION NOT NULL,
  place_key TEXT, place_name TEXT, country TEXT, admin1 TEXT,
  lat DOUBLE PRECISION, lon DOUBLE PRECISION,
  day INTEGER, day_text TEXT,
  outlet TEXT, speaker TEXT,
  data TEXT NOT NULL,       -- event.Figure, JSON
  PRIMARY KEY (document_id, idx)
);
CREATE INDEX figures_place ON figures(place_key, day);
CREATE INDEX figures_what ON figures(what, day);
