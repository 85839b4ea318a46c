-- 0080: an administrator releases a quarantined package for a new check (SQLite). The row stays, marked released: the
-- next docking fetches the package again and verifies it anew (once the cause is fixed: the host upgraded, the right
-- district key restored); if it fails again it is quarantined again, the release cleared. Who released what is also
-- in the office audit.
ALTER TABLE dock_quarantine ADD COLUMN released_at TEXT;
ALTER TABLE dock_quarantine ADD COLUMN released_by TEXT;
