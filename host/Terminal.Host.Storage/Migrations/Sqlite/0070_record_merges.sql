-- 0070: merged duplicates (Sqlite). A reviewer keeps one record of a person collected twice (保留) and merges the
-- others into it: every merged record stays stored whole (versions, photos, signatures, flags, audit), and this
-- row says it is no longer counted while the merge stands. Undoing a merge (撤销合并) fills undone_*; no row is
-- ever deleted, so the trail of who merged and who undid stays.
CREATE TABLE record_merges (
  merge_id         TEXT PRIMARY KEY,
  merged_record_id TEXT NOT NULL,                -- not counted while the merge stands
  kept_record_id   TEXT NOT NULL,                -- the record counted for the person
  id_number        TEXT NOT NULL,                -- the ID number both carried when merged
  note             TEXT NOT NULL,                -- the reviewer's reason
  merged_by        TEXT NOT NULL,
  merged_at        TEXT NOT NULL,
  undone_by        TEXT,
  undone_at        TEXT,
  undo_note        TEXT
);
-- a record is merged into at most one other at a time (two reviewers merging it at once: the second is refused)
CREATE UNIQUE INDEX record_merges_standing ON record_merges(merged_record_id) WHERE undone_at IS NULL;
CREATE INDEX record_merges_by_kept ON record_merges(kept_record_id);
