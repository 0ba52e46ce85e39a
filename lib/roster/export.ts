import "server-only";
import { rawClient } from "@/db/client";
import { csvLine } from "@/lib/csv/write";
import { db } from "@/lib/db";
import { allowLongWork } from "@/lib/db/long-work";
import { rosterColumns } from "./import-rows";

/** HR-only fields never leave through the admin's export; the import leaves missing columns alone. */
const hrOnly = new Set(["avs_number", "birth_date", "avs_monthly_wage"]);
export const exportedRosterColumns = rosterColumns.filter((c) => !hrOnly.has(c));

/**
 * The active roster in the import's own format (so export → edit → import works), streamed as
 * the reader takes it. The cursor runs in a read-only transaction that allows long work: a
 * download over a slow home link outlasts a web request's few seconds of statement time
 * (lib/db/long-work.ts). A download stopped halfway ends the transaction at once.
 */
export function rosterCsv(): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  // A few batches ahead at most: the cursor waits for the reader, memory stays flat.
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>(undefined, undefined, { highWaterMark: 2 });
  const writer = writable.getWriter();
  const send = async (text: string) => {
    await writer.ready;
    await writer.write(encoder.encode(text));
  };
  void db()
    .transaction(
      async (tx) => {
        await allowLongWork(tx);
        await send(`\uFEFF${csvLine([...exportedRosterColumns])}`);
        const rows = rawClient(tx)`
          select e.number as employee_number, e.first_name, e.last_name, e.work_email, e.private_email, e.phone, o.code as org_unit, o.name as org_unit_name,
                 s.code as site, s.name as site_name, s.city as site_city, s.canton as site_canton, e.job_family, e.contract_type::text,
                 e.employment_rate, round(e.weekly_minutes / 60.0, 2)::text as weekly_hours, e.language::text, m.number as manager_number,
                 case when e.notice_given then 'yes' else 'no' end as notice_given, e.employed_from::text, e.employed_until::text
            from employees e left join org_units o on o.id = e.org_unit_id left join sites s on s.id = e.site_id left join employees m on m.id = e.manager_id
           where e.active order by e.number`.cursor(1000);
        for await (const batch of rows) {
          await send(batch.map((r: Record<string, string | number | null>) => csvLine(exportedRosterColumns.map((c) => r[c] ?? null))).join(""));
        }
        await writer.close();
      },
      { accessMode: "read only" },
    )
    // The reader went away (its cancel errors our writes) or the database failed: the transaction
    // is rolled back and the download ends with an error rather than a silently short file.
    .catch((error: unknown) => writer.abort(error).catch(() => {}));
  return readable;
}
