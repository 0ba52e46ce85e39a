-- The employees' statement trigger (0027) found the changed people by joining its two transition
-- tables on id. PL/pgSQL plans that query once per connection, with the sizes of the first
-- statement it serves: after a one-person update, the cached plan was a nested loop, and a roster
-- import's 15,000-person update then compared every old row with every new one (10 s of a 11 s
-- import, bench/admin.ts). Set differences have no join to choose: a person whose tracked columns
-- changed is in new_rows EXCEPT old_rows (with the new unit) and in old_rows EXCEPT new_rows (with
-- the old one), hashed or sorted whatever the plan, and EXCEPT compares nulls as equal, as IS
-- DISTINCT FROM did. Same units bumped as before.
CREATE OR REPLACE FUNCTION rht_bump_by_employees() RETURNS trigger AS $$
BEGIN
  -- Separate queries: a trigger knows only the transition tables of its own event.
  IF TG_OP = 'INSERT' THEN
    PERFORM rht_bump(array(SELECT DISTINCT org_unit_id::text FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rht_bump(array(SELECT DISTINCT org_unit_id::text FROM old_rows));
  ELSE
    PERFORM rht_bump(array(
      SELECT DISTINCT c.org_unit_id::text FROM (
        (SELECT id, org_unit_id, number, first_name, last_name, site_id, contract_type, employment_rate, weekly_minutes, notice_given, employed_from, employed_until, active FROM new_rows
         EXCEPT
         SELECT id, org_unit_id, number, first_name, last_name, site_id, contract_type, employment_rate, weekly_minutes, notice_given, employed_from, employed_until, active FROM old_rows)
        UNION ALL
        (SELECT id, org_unit_id, number, first_name, last_name, site_id, contract_type, employment_rate, weekly_minutes, notice_given, employed_from, employed_until, active FROM old_rows
         EXCEPT
         SELECT id, org_unit_id, number, first_name, last_name, site_id, contract_type, employment_rate, weekly_minutes, notice_given, employed_from, employed_until, active FROM new_rows)) c));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
