-- 0010: what the ingest checks found (Sqlite). A record that fails a rule, is a duplicate, or whose photo or signature
-- does not match is kept and flagged here, never dropped. records.flags keeps the codes for lists.
CREATE TABLE record_flags (
  record_id         TEXT NOT NULL,
  version           INTEGER NOT NULL,
  position          INTEGER NOT NULL,
  code              TEXT NOT NULL,             -- an IssueCode name, or one of the ingest's own (DuplicateAcrossTerminals...)
  severity          TEXT NOT NULL,             -- Error, Warning, Notice
  field_id          TEXT,                      -- the form's field id, or null for the record as a whole
  message           TEXT NOT NULL,             -- Chinese, says what to fix
  related_record_id TEXT,                      -- the other record of a duplicate
  flagged_at        TEXT NOT NULL,
  resolved_by       TEXT,                      -- the office account that checked it
  resolved_at       TEXT,
  PRIMARY KEY (record_id, version, position),
  FOREIGN KEY (record_id, version) REFERENCES records(record_id, version)
);
CREATE INDEX record_flags_by_related ON record_flags(related_record_id);
ALTER TABLE records ADD COLUMN street TEXT;    -- personal.street, for progress per street
CREATE INDEX records_by_street ON records(street);
