-- 0011: office staff accounts and the office audit (Sqlite). Passwords: Argon2id, the parameters beside the hash.
CREATE TABLE staff_accounts (
  user_name        TEXT PRIMARY KEY,
  display_name     TEXT NOT NULL,
  role             TEXT NOT NULL,              -- Administrator, Reviewer, Viewer (Clerk reserved)
  password_hash    BLOB NOT NULL,
  password_salt    BLOB NOT NULL,
  kdf_memory_kib   INTEGER NOT NULL,
  kdf_iterations   INTEGER NOT NULL,
  kdf_parallelism  INTEGER NOT NULL,
  disabled         INTEGER NOT NULL DEFAULT 0,
  failed_logins    INTEGER NOT NULL DEFAULT 0,
  locked_until     TEXT,
  created_at       TEXT NOT NULL,
  changed_at       TEXT NOT NULL
);
-- who viewed personal data or changed anything, what and when (append only: the program never updates or deletes)
CREATE TABLE office_audit (
  entry_id  INTEGER PRIMARY KEY AUTOINCREMENT,
  at        TEXT NOT NULL,
  user_name TEXT NOT NULL,
  action    TEXT NOT NULL,
  subject   TEXT NOT NULL,
  detail    TEXT NOT NULL
);
CREATE INDEX office_audit_by_subject ON office_audit(subject);
