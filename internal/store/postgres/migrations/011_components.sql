-- marsad record, schema version 11: each mention carries the label of its
-- component in the merge compatibility graph (merge.Closure): a merge reads
-- the stored components its new mentions touch by label instead of walking
-- them mention by mention. NULL for mentions stored before this version:
-- merging walks those as before and labels them as it goes.
ALTER TABLE mentions ADD COLUMN component TEXT;
CREATE INDEX mentions_component ON mentions (component);
