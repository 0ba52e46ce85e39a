-- The dashboard's open tickets by age read the hours at its windows' edges (a day ago, three days
-- ago) from the tickets: through this index alone, where the status index took a skip scan and a
-- visit of every ticket of those hours, resolved ones included.
CREATE INDEX "tickets_open_created_idx" ON "tickets" USING btree ("created_at","category") WHERE status not in ('resolved', 'closed');