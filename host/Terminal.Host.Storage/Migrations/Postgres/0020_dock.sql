-- 0020: what the dock link keeps at the district besides records (PostgreSQL).
-- Packages that failed verification: kept whole with the reason, never committed, never receipted (the terminal keeps them too).
CREATE TABLE dock_quarantine (
  terminal_id    TEXT NOT NULL REFERENCES terminals(terminal_id),
  sequence       BIGINT NOT NULL,
  sha256         TEXT NOT NULL,
  package_id     TEXT NOT NULL,
  reason         TEXT NOT NULL,   -- Chinese, as shown to the office staff
  quarantined_at TEXT NOT NULL,
  bytes          BYTEA NOT NULL,   -- the package as received (still sealed for the district)
  PRIMARY KEY (terminal_id, sequence, sha256)
);
-- The pushes the office queued for a terminal, sent at its dockings in position order until applied.
CREATE TABLE dock_pushes (
  push_id     TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL REFERENCES terminals(terminal_id),
  position    BIGINT NOT NULL UNIQUE,
  kind        BIGINT NOT NULL,
  body        BYTEA NOT NULL,      -- JSON, as sent
  queued_at   TEXT NOT NULL,
  answered_at TEXT,
  status      TEXT NOT NULL DEFAULT 'pending', -- pending, applied, refused (refused ones are sent again)
  answer      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dock_pushes_by_terminal ON dock_pushes(terminal_id, status, position);
