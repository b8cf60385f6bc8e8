-- marsad record, schema version 3: counts per day and type read an index
-- only.
CREATE INDEX events_count ON events (day_lo, type, day_hi, sort_day);
