-- The time a consolidation's outputs say they were made ("Lập lúc"). A consolidation of data
-- unchanged since the last one says the same time, so that its files are the same files and are
-- not delivered again (OPERATIONS.md, Distribution). Null for consolidations made before.
ALTER TABLE consolidation ADD COLUMN generated_at TIMESTAMPTZ;
