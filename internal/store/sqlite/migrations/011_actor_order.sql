-- marsad record, schema version 11: each event's actor keys carry the event's sort day, so
-- that the events of one actor are read in date order from one index
-- (akey, sort_day, event_id) and a page stops after its last row, instead
-- of scanning every event in date order and probing the actor for each.
ALTER TABLE event_actors ADD COLUMN sort_day INTEGER;
UPDATE event_actors SET sort_day = (SELECT e.sort_day FROM events e WHERE e.id = event_actors.event_id);
CREATE INDEX event_actors_order ON event_actors (akey, sort_day, event_id);
