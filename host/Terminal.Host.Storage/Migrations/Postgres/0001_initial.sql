-- 0001: the district database (PostgreSQL). Dates and times are ISO 8601 text; hashes lower-case hex.
CREATE TABLE collection_points (
  code            TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  streets         TEXT NOT NULL,            -- comma-separated 9-digit street codes
  expected_count  BIGINT NOT NULL DEFAULT 0 -- subjects expected from the initial data
);
CREATE TABLE terminals (
  terminal_id      TEXT PRIMARY KEY,
  collection_point TEXT NOT NULL REFERENCES collection_points(code),
  public_key       BYTEA NOT NULL,
  provisioned_at   TEXT NOT NULL,
  last_docked_at   TEXT
);
CREATE TABLE operators (
  operator_id  TEXT PRIMARY KEY,
  terminal_id  TEXT NOT NULL REFERENCES terminals(terminal_id),
  display_name TEXT NOT NULL
);
CREATE TABLE records (
  record_id        TEXT NOT NULL,
  version          INTEGER NOT NULL,
  terminal_id      TEXT NOT NULL REFERENCES terminals(terminal_id),
  sequence         BIGINT NOT NULL,
  form_version     TEXT NOT NULL,
  id_number        TEXT,
  name             TEXT,
  categories       INTEGER NOT NULL,
  collection_point TEXT NOT NULL,
  collected_on     TEXT NOT NULL,
  content_sha256   TEXT NOT NULL,
  canonical        BYTEA NOT NULL,
  flags            TEXT NOT NULL DEFAULT '',
  received_at      TEXT NOT NULL,
  PRIMARY KEY (record_id, version),
  UNIQUE (terminal_id, sequence)
);
CREATE INDEX records_by_id_number ON records(id_number);
CREATE INDEX records_by_name ON records(name);
CREATE INDEX records_by_point ON records(collection_point);
CREATE TABLE photos (
  sha256     TEXT PRIMARY KEY,
  media_type TEXT NOT NULL,
  length     BIGINT NOT NULL,
  bytes      BYTEA NOT NULL
);
CREATE TABLE record_photos (
  record_id TEXT NOT NULL,
  version   INTEGER NOT NULL,
  position  INTEGER NOT NULL,
  kind      TEXT NOT NULL,
  sha256    TEXT NOT NULL REFERENCES photos(sha256),
  PRIMARY KEY (record_id, version, position),
  FOREIGN KEY (record_id, version) REFERENCES records(record_id, version)
);
CREATE TABLE signatures (
  record_id      TEXT NOT NULL,
  version        INTEGER NOT NULL,
  content_sha256 TEXT NOT NULL,
  strokes        BYTEA NOT NULL,
  image_sha256   TEXT NOT NULL,
  signed_at      TEXT NOT NULL,
  PRIMARY KEY (record_id, version),
  FOREIGN KEY (record_id, version) REFERENCES records(record_id, version)
);
CREATE TABLE audit_entries (
  terminal_id   TEXT NOT NULL REFERENCES terminals(terminal_id),
  sequence      BIGINT NOT NULL,
  action        TEXT NOT NULL,
  at            TEXT NOT NULL,
  entry_sha256  TEXT NOT NULL,
  previous_sha256 TEXT NOT NULL,
  body          BYTEA NOT NULL,
  PRIMARY KEY (terminal_id, sequence)
);
