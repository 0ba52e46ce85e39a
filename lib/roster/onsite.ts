import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ActionError } from "@/lib/auth/action-error";
import { db } from "@/lib/db";
import { offeredDays } from "./onsite-rules";

/** Zurich's today, as a UTC midnight date (what the day arithmetic expects). */
export const zurichToday = (now = new Date()) => new Date(`${new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Zurich" }).format(now)}T00:00:00Z`);

export async function volunteeredDays(employeeId: string, tx: DbOrTx = db()): Promise<string[]> {
  const rows = (await tx.execute(sql`select day::text from onsite_volunteers where employee_id = ${employeeId} and day > (now() at time zone 'Europe/Zurich')::date order by day`)) as unknown as { day: string }[];
  return rows.map((r) => r.day);
}

/** Replaces the person's volunteer days within the offered window; days outside it are refused. */
export async function setVolunteerDays(tx: DbOrTx, employeeId: string, days: string[], now = new Date()): Promise<{ days: number }> {
  const offered = offeredDays(zurichToday(now));
  const wanted = [...new Set(days)];
  if (wanted.some((d) => !offered.includes(d))) throw new ActionError("dayNotOffered", "days");
  await tx.execute(sql`
    delete from onsite_volunteers where employee_id = ${employeeId}
       and day in (select value::date from jsonb_array_elements_text(${JSON.stringify(offered)}::jsonb))
       and day not in (select value::date from jsonb_array_elements_text(${JSON.stringify(wanted)}::jsonb))`);
  await tx.execute(sql`
    insert into onsite_volunteers (employee_id, day) select ${employeeId}, value::date from jsonb_array_elements_text(${JSON.stringify(wanted)}::jsonb)
    on conflict do nothing`);
  return { days: wanted.length };
}

export type OnsitePerson = { number: string; name: string; orgUnit: string | null; workEmail: string | null; privateEmail: string | null; reason: "not_eligible" | "volunteer" };
export type OnsiteSite = { site: string; people: OnsitePerson[] };

/**
 * Who is on site on a day, per site: people whose work cannot be done from home
 * (not eligible) and volunteers for that day, with how to reach them.
 */
export async function onsiteRoster(day: string, tx: DbOrTx = db()): Promise<OnsiteSite[]> {
  const rows = (await tx.execute(sql`
    select coalesce(s.name, '–') as site, e.number, e.last_name || ' ' || e.first_name as name, o.name as "orgUnit",
           e.work_email as "workEmail", e.private_email as "privateEmail",
           case when c.eligibility = 'not_eligible' then 'not_eligible' else 'volunteer' end as reason
      from employees e
      left join sites s on s.id = e.site_id left join org_units o on o.id = e.org_unit_id
      left join onboarding_cases c on c.employee_id = e.id
     where e.active and (c.eligibility = 'not_eligible' or exists (select 1 from onsite_volunteers v where v.employee_id = e.id and v.day = ${day}::date))
     order by s.name, reason, e.last_name, e.first_name`)) as unknown as (OnsitePerson & { site: string })[];
  const sites = new Map<string, OnsitePerson[]>();
  for (const { site, ...person } of rows) sites.set(site, [...(sites.get(site) ?? []), person]);
  return [...sites.entries()].map(([site, people]) => ({ site, people }));
}
