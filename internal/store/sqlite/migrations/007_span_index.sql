-- marsad record, schema version 7: counts over a date range read events
-- spanning at most a week from day_lo >= from - 7 and longer ones apart
-- (see CountEvents), through this index, which also holds what the counts
-- group and filter by.
CREATE INDEX events_span ON events ((day_hi - day_lo > 7), day_lo, type, day_hi, place_key, place_name, lat, lon, country, admin1);
