-- The IT queue's name search at crisis scale (issue 16, point 2): the trigram index of 0019 is on
-- "first last first" as written, and the search asked for it with ILIKE beside the number and
-- address tests. At 15,000 people PostgreSQL judged that index dearer than reading every employee
-- and lower-casing three strings each (a sequential scan: 11–13 ms of an 18–31 ms search). On the
-- lower-cased text the index is cheap to use and the four tests become one BitmapOr of four index
-- scans (1.5 ms). ILIKE compares lower-cased text too, so the search finds the same people.
CREATE INDEX IF NOT EXISTS "employees_name_lower_trgm_idx" ON "employees" USING gin (lower(first_name || ' ' || last_name || ' ' || first_name) gin_trgm_ops);
--> statement-breakpoint
DROP INDEX IF EXISTS "employees_name_trgm_idx";
