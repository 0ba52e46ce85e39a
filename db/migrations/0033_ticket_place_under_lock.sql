-- A ticket's copy of its person's site and unit (0020) is read under a share lock on the person's
-- row. Without it, a ticket raised while another transaction moved its person kept the old place:
-- the copy read the person as before the move, and the move's rewrite of the person's tickets did
-- not see the new ticket yet. Now a move waits for a ticket being raised (and rewrites it once that
-- commits), and a ticket being raised waits for a move in progress (and copies the new place).
-- A share lock does not hold back other tickets or reads, only a change of that person's row.
CREATE OR REPLACE FUNCTION tickets_copy_person_place() RETURNS trigger AS $$
BEGIN
  SELECT e.site_id, e.org_unit_id INTO NEW.site_id, NEW.org_unit_id FROM employees e WHERE e.id = NEW.employee_id FOR SHARE;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
