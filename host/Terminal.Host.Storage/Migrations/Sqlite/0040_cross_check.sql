-- 0040: cross-checks against other departments' lists (Sqlite). A department's column mapping is saved once and reused;
-- each imported list is a run, and every discrepancy the matcher found is a review item a reviewer works with a note.
CREATE TABLE cross_check_mappings (
  department TEXT PRIMARY KEY,               -- PublicSecurity, CivilAffairs, HumanResources, MedicalInsurance, MilitaryDepartment
  mapping    TEXT NOT NULL,                  -- the ColumnMapping as JSON (field → the column's heading)
  saved_by   TEXT NOT NULL,
  saved_at   TEXT NOT NULL
);
CREATE TABLE cross_check_runs (
  run_id      TEXT PRIMARY KEY,
  department  TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  list_rows   INTEGER NOT NULL,
  subjects    INTEGER NOT NULL,                -- the district's subjects it was matched against
  imported_by TEXT NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE cross_check_items (
  run_id      TEXT NOT NULL REFERENCES cross_check_runs(run_id),
  position    INTEGER NOT NULL,
  kind        TEXT NOT NULL,                 -- a ReviewKind name
  record_id   TEXT,                          -- the subject's record, null when the person was not found
  list_row    INTEGER,                         -- the row of the department's file, null for a subject missing from it
  description TEXT NOT NULL,                 -- Chinese, what differs and what to check
  state       TEXT NOT NULL,                 -- Open 待处理, Verified 已核实, Corrected 已更正
  note        TEXT,
  worked_by   TEXT,
  worked_at   TEXT,
  PRIMARY KEY (run_id, position)
);
CREATE INDEX cross_check_items_by_state ON cross_check_items(state);
