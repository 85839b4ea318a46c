-- 0071: ID cards the office flags (Postgres): reported lost (挂失) or otherwise not to be trusted, each with the reason.
-- A record collected with such a number is flagged CardFlagged (the 证件 queue) at ingest, and when a number is
-- added here; taking a number off resolves those flags in the name of who took it off. The office audit keeps who
-- added and removed what.
CREATE TABLE flagged_cards (
  id_number  TEXT PRIMARY KEY,
  reason     TEXT NOT NULL,
  flagged_by TEXT NOT NULL,
  flagged_at TEXT NOT NULL
);
