-- 0030: the reviewer's decision on a flagged record version (Postgres): accepted, problem data or missing data, with
-- the note and the fields concerned. One decision per version: a new version comes back into the queues.
CREATE TABLE review_decisions (
  record_id   TEXT NOT NULL,
  version     BIGINT NOT NULL,
  decision    TEXT NOT NULL,                   -- Accepted, Problem, Missing
  note        TEXT NOT NULL,
  fields      TEXT NOT NULL,                   -- form field ids, one a line
  decided_by  TEXT NOT NULL,
  decided_at  TEXT NOT NULL,
  PRIMARY KEY (record_id, version),
  FOREIGN KEY (record_id, version) REFERENCES records(record_id, version)
);
CREATE INDEX review_decisions_by_decision ON review_decisions(decision);
