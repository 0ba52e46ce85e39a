import "server-only";
import { rawClient } from "@/db/client";
import { csvLine } from "@/lib/csv/write";
import { db } from "@/lib/db";
import { rosterColumns } from "./import-rows";

/** HR-only fields never leave through the admin's export; the import leaves missing columns alone. */
const hrOnly = new Set(["avs_number", "birth_date", "avs_monthly_wage"]);
export const exportedRosterColumns = rosterColumns.filter((c) => !hrOnly.has(c));

/** The active roster in the import's own format (so export → edit → import works), streamed. */
export function rosterCsv(): ReadableStream<Uint8Array> {
  const client = rawClient(db());
  const encoder = new TextEncoder();
  const rows = client`
    select e.number as employee_number, e.first_name, e.last_name, e.work_email, e.private_email, e.phone, o.code as org_unit, o.name as org_unit_name,
           s.code as site, s.name as site_name, s.city as site_city, s.canton as site_canton, e.job_family, e.contract_type::text,
           e.employment_rate, round(e.weekly_minutes / 60.0, 2)::text as weekly_hours, e.language::text, m.number as manager_number,
           case when e.notice_given then 'yes' else 'no' end as notice_given, e.employed_from::text, e.employed_until::text
      from employees e left join org_units o on o.id = e.org_unit_id left join sites s on s.id = e.site_id left join employees m on m.id = e.manager_id
     where e.active order by e.number`
    .cursor(1000)
    [Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine([...exportedRosterColumns])}`));
        return;
      }
      const next = await rows.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map((r: Record<string, string | number | null>) => csvLine(exportedRosterColumns.map((c) => r[c] ?? null))).join("")));
    },
    async cancel() {
      await rows.return?.();
    },
  });
}
