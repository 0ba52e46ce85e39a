-- The IT queue's name search at crisis scale (issue 16, point 2). GIN indexes keep new entries
-- in a "pending list" that every search reads in full until a vacuum folds it in. After a bulk
-- write of employees (a roster import, a seed) the trigram index of 0019 answered a search in
-- 5–8 ms instead of 0.1 ms, and PostgreSQL, counting the pending pages, read all 15,000
-- employees instead (11–13 ms of a 14–31 ms search; 5 ms once vacuumed). Employees change
-- seldom, so their entries go straight into the index; what is pending now is folded in.
ALTER INDEX "employees_name_trgm_idx" SET (fastupdate = off);
--> statement-breakpoint
SELECT gin_clean_pending_list('employees_name_trgm_idx');
