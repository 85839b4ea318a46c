-- 0012: the district's initial data (初始数据) as imported from the roster CSV (Postgres): who is expected where,
-- for expected counts per street and point and the list of people not yet seen.
CREATE TABLE roster_entries (
  id_number        TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  street           TEXT NOT NULL,
  collection_point TEXT NOT NULL,
  imported_at      TEXT NOT NULL
);
CREATE INDEX roster_by_point ON roster_entries(collection_point);
CREATE INDEX roster_by_street ON roster_entries(street);
