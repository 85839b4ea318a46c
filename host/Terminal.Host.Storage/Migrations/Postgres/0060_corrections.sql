-- 0060: the correction round trip (数据补缺, Postgres). A reviewer's problem or missing decision on version N of a record
-- makes an item of the record's collection point; the point's terminals get the open items at each docking; a version
-- > N arriving corrects it; a reviewer closes it (or withdraws it before). The times of each step are kept.
CREATE TABLE correction_items (
  item_id            TEXT PRIMARY KEY,
  record_id          TEXT NOT NULL,
  version            BIGINT NOT NULL,            -- the reviewed version N
  collection_point   TEXT NOT NULL,               -- the record's, whose terminals get the item
  kind               TEXT NOT NULL,               -- Problem, Missing
  fields             TEXT NOT NULL,               -- form field ids, one a line
  note               TEXT NOT NULL,               -- the reviewer's, to the field worker
  reviewer           TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  state              TEXT NOT NULL,               -- Pending 待发送, Sent 已下发, Corrected 已补正, Closed 已关闭, Withdrawn 已撤销
  sent_terminal      TEXT,                        -- the first terminal that applied a list holding it
  sent_at            TEXT,
  corrected_version  BIGINT,
  corrected_terminal TEXT,
  corrected_at       TEXT,
  done_by            TEXT,                        -- who closed or withdrew it
  done_at            TEXT,
  done_note          TEXT,
  UNIQUE (record_id, version),
  FOREIGN KEY (record_id, version) REFERENCES records(record_id, version)
);
CREATE INDEX correction_items_by_point ON correction_items(collection_point, state);
CREATE INDEX correction_items_by_state ON correction_items(state, created_at);
-- The parts of the correction lists sent to terminals, until answered: a list is the terminal's once all its parts are applied.
CREATE TABLE correction_sends (
  push_id     TEXT PRIMARY KEY,
  send_id     TEXT NOT NULL,
  terminal_id TEXT NOT NULL REFERENCES terminals(terminal_id),
  part        BIGINT NOT NULL,
  parts       BIGINT NOT NULL,
  digest      TEXT NOT NULL,                      -- of the whole list (its item ids)
  item_ids    TEXT NOT NULL,                      -- this part's, one a line
  sent_at     TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'pending',    -- pending, applied, refused
  answer      TEXT NOT NULL DEFAULT '',
  answered_at TEXT
);
CREATE INDEX correction_sends_by_send ON correction_sends(send_id);
-- The list each terminal last applied whole (no row: it holds none), so an idle docking does not send it again.
CREATE TABLE correction_lists (
  terminal_id TEXT PRIMARY KEY REFERENCES terminals(terminal_id),
  digest      TEXT NOT NULL,
  items       BIGINT NOT NULL,
  applied_at  TEXT NOT NULL
);
-- A second copy of a record version already held, with other content or from another terminal (two terminals corrected
-- the same item before docking): kept whole, never over the first; the first is flagged VersionConflict for the reviewer.
CREATE TABLE record_version_copies (
  terminal_id    TEXT NOT NULL REFERENCES terminals(terminal_id),
  sequence       BIGINT NOT NULL,
  record_id      TEXT NOT NULL,
  version        BIGINT NOT NULL,
  content_sha256 TEXT NOT NULL,
  canonical      BYTEA NOT NULL,
  strokes        BYTEA NOT NULL,
  received_at    TEXT NOT NULL,
  PRIMARY KEY (terminal_id, sequence),
  FOREIGN KEY (record_id, version) REFERENCES records(record_id, version)
);
CREATE INDEX record_version_copies_by_record ON record_version_copies(record_id, version);
