// Issue 16: no page's query reads tickets, timesheet days, allocations or the outbox whole at
// crisis scale. Checked on what the database did, not on a plan: its own count of sequential
// scans of each large table (pg_stat_user_tables) before and after a page's load. Backends report
// their counts at the end of a transaction at most once a second, and when idle after 10 s: the
// reading after a page waits for that, so every request's scans are in it.
import type postgres from "postgres";

/** The tables: a sequential scan of one of them while a page is loaded fails the line. */
export const crisisTables = ["tickets", "timesheet_days", "allocations", "outbox"];

export type ScanCounts = Map<string, number>;

/** Sequential scans so far of the tables and of every other table over 10,000 rows. */
export async function tableScans(sql: postgres.Sql): Promise<ScanCounts> {
  const rows = await sql`
    select s.relname, s.seq_scan::bigint::float8 as n from pg_stat_user_tables s join pg_class c on c.oid = s.relid
     where s.relname in ${sql(crisisTables)} or c.reltuples > 10000`;
  return new Map(rows.map((r) => [r.relname as string, Number(r.n)]));
}

/**
 * What scanned a large table since `before` (taken before a page's load, read after the next 10 s
 * run, when the app's idle connections have reported): the tables decide, the others inform.
 */
export async function scansSince(sql: postgres.Sql, before: ScanCounts): Promise<{ ok: boolean; text: string }> {
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const after = await tableScans(sql);
  const grown = [...after].map(([table, n]) => [table, n - (before.get(table) ?? 0)] as const).filter(([, n]) => n > 0);
  const named = grown.filter(([table]) => crisisTables.includes(table));
  const others = grown.filter(([table]) => !crisisTables.includes(table));
  const list = (scans: (readonly [string, number])[]) => scans.map(([table, n]) => `${table} ${n}`).join(", ");
  return {
    ok: named.length === 0,
    text:
      `sequential scans of ${crisisTables.join(", ")} while it was loaded: ${named.length === 0 ? "none" : list(named)}` +
      (others.length > 0 ? `; of other tables over 10,000 rows: ${list(others)}` : "") +
      ` (target none): ${named.length === 0 ? "OK" : "SCANS"}`,
  };
}
