-- The dashboard's active sessions, kept like its other figures (0021): each session counts in the
-- hour its end falls in (UTC), appended to admin_rollup_deltas by one trigger run per statement,
-- folded by the worker. Readers take the hours after the current one from the rollups and the
-- sessions ending within the current hour from this index: 11,000 sessions were read on every view.
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires");
--> statement-breakpoint
-- No join: each transition table is read alone (a renewal's old end leaves, its new end comes).
CREATE OR REPLACE FUNCTION admin_session_deltas() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO admin_rollup_deltas (figure, at, n) SELECT 'sessions', date_trunc('hour', expires, 'UTC'), count(*) FROM new_rows GROUP BY 2;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO admin_rollup_deltas (figure, at, n) SELECT 'sessions', date_trunc('hour', expires, 'UTC'), -count(*) FROM old_rows GROUP BY 2;
  ELSE
    INSERT INTO admin_rollup_deltas (figure, at, n)
    SELECT 'sessions', at, sum(n) FROM (
      SELECT date_trunc('hour', expires, 'UTC') AS at, -1 AS n FROM old_rows
      UNION ALL SELECT date_trunc('hour', expires, 'UTC'), 1 FROM new_rows) x
     GROUP BY at HAVING sum(n) <> 0;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER sessions_admin_deltas_insert AFTER INSERT ON sessions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_session_deltas();
--> statement-breakpoint
CREATE TRIGGER sessions_admin_deltas_update AFTER UPDATE ON sessions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_session_deltas();
--> statement-breakpoint
CREATE TRIGGER sessions_admin_deltas_delete AFTER DELETE ON sessions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION admin_session_deltas();
--> statement-breakpoint
-- The sessions there already, in the same transaction as the triggers.
INSERT INTO admin_rollups (figure, at, n) SELECT 'sessions', date_trunc('hour', expires, 'UTC'), count(*) FROM sessions GROUP BY 2;
