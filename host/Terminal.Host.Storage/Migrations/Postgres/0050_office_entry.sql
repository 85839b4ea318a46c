-- 0050: records entered by hand at the office (PostgreSQL). The office enters under a pseudo-terminal per collection
-- point (OFFICE-<point>, no key: it can never dock), so the records take the same path, checks and flags as docked
-- ones; this table says who entered each version, how the ID card was read, and keeps the signed paper form's scan.
CREATE TABLE record_provenance (
  record_id    TEXT NOT NULL,
  version      INTEGER NOT NULL,
  office_user  TEXT NOT NULL,               -- the clerk's account
  card_source  TEXT NOT NULL CHECK (card_source IN ('reader', 'typed')),
  scan_sha256  TEXT NOT NULL REFERENCES photos(sha256), -- the signed paper form (signature evidence)
  entered_at   TEXT NOT NULL,
  PRIMARY KEY (record_id, version),
  FOREIGN KEY (record_id, version) REFERENCES records(record_id, version)
);
