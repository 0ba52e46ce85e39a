import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { isBigJump } from "@/lib/admin/big-change";
import { ActionError } from "@/lib/auth/action-error";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db";
import { renderEmailHtml } from "@/lib/mail/layout";
import { enqueueEmail } from "@/lib/mail/outbox";
import { contactAddressSql } from "./queries";
import { defaultWavePerDay, type WaveInput } from "./wave-schema";

const today = sql`(now() at time zone 'Europe/Zurich')::date`;

export async function createWave(tx: DbOrTx, actorId: string, input: WaveInput): Promise<{ id: string }> {
  // 20,000 typed for 200 would invite everyone at once, and mail cannot be called back.
  if (input.confirmed === false && isBigJump(defaultWavePerDay, input.perDay)) throw new ActionError("bigChangeUnconfirmed", "perDay");
  const [row] = (await tx.execute(sql`
    insert into invitation_waves (name, site_id, org_unit_id, per_day, template, created_by)
    values (${input.name}, ${input.siteId || null}, ${input.orgUnitId || null}, ${input.perDay}, ${JSON.stringify(input.template)}::jsonb, ${actorId})
    returning id`)) as unknown as { id: string }[];
  return row;
}

export async function setWaveStatus(tx: DbOrTx, waveId: string, status: "active" | "paused"): Promise<void> {
  const rows = await tx.execute(sql`update invitation_waves set status = ${status} where id = ${waveId} and status <> 'done' returning id`);
  if (rows.length === 0) throw new ActionError("waveNotFound");
}

/** Fills {firstName} and {link} in an admin's text (plain text, never markup). */
export const fillTemplate = (text: string, values: { firstName: string; link: string }) => text.replaceAll("{firstName}", values.firstName).replaceAll("{link}", values.link);

/**
 * Sends today's share of every active wave: people in scope with an address, never
 * invited and never signed in, by employee number, up to the wave's daily number.
 * A wave being sent by another instance is skipped (SKIP LOCKED); a person is invited
 * once (primary key), whatever the waves.
 */
export async function sendDueInvitations(tx: DbOrTx): Promise<{ sent: number }> {
  const waves = (await tx.execute(sql`
    select w.id, w.site_id, w.org_unit_id, w.per_day, w.template
      from invitation_waves w where w.status = 'active' order by w.created_at for update of w skip locked`)) as unknown as {
    id: string;
    site_id: string | null;
    org_unit_id: string | null;
    per_day: number;
    template: Record<"fr" | "de" | "en", { subject: string; body: string }>;
  }[];
  const link = new URL("/signin", env().PUBLIC_URL).toString();
  let sent = 0;
  for (const wave of waves) {
    // Counted in a new statement, after the lock: the locking statement's snapshot may
    // predate the commit of the worker that held the wave just before (lib/devices/pools.ts).
    const [{ sent_today }] = (await tx.execute(sql`
      select count(*)::int as sent_today from invitations where wave_id = ${wave.id} and day = ${today}`)) as unknown as { sent_today: number }[];
    const room = wave.per_day - sent_today;
    if (room <= 0) continue;
    const invited = (await tx.execute(sql`
      with candidates as (
        select e.id from employees e
         where e.active and coalesce(e.work_email, e.private_email) is not null
           and (${wave.site_id}::uuid is null or e.site_id = ${wave.site_id}::uuid)
           and (${wave.org_unit_id}::uuid is null or e.org_unit_id = ${wave.org_unit_id}::uuid)
           and not exists (select 1 from invitations i where i.employee_id = e.id)
           and not exists (select 1 from users u where u.employee_id = e.id)
         order by e.number limit ${room})
      insert into invitations (employee_id, wave_id, day) select id, ${wave.id}, ${today} from candidates
      on conflict do nothing
      returning employee_id`)) as unknown as { employee_id: string }[];
    if (invited.length === 0) {
      await tx.execute(sql`update invitation_waves set status = 'done' where id = ${wave.id}`);
      continue;
    }
    const people = (await tx.execute(sql`
      select e.first_name, ${contactAddressSql("e")} as address, coalesce(u.locale::text, e.language::text) as locale
        from employees e left join users u on u.employee_id = e.id
       where e.id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(invited.map((i) => i.employee_id))}::jsonb))`)) as unknown as { first_name: string; address: string; locale: "fr" | "de" | "en" }[];
    for (const person of people) {
      const text = wave.template[person.locale] ?? wave.template.fr;
      const body = fillTemplate(text.body, { firstName: person.first_name, link });
      await enqueueEmail(tx, {
        to: person.address,
        subject: fillTemplate(text.subject, { firstName: person.first_name, link }),
        text: body,
        html: renderEmailHtml({ lang: person.locale, heading: fillTemplate(text.subject, { firstName: person.first_name, link }), paragraphs: body.split(/\n{2,}/), action: { label: "Passerelle", url: link }, footer: "Passerelle" }),
      });
    }
    sent += people.length;
  }
  return { sent };
}

export type WaveProgress = { id: string; name: string; site: string | null; orgUnit: string | null; perDay: number; status: "active" | "paused" | "done"; inScope: number; invited: number; today: number; signedIn: number; createdAt: Date };

/** Each wave with its progress: people in scope, invited so far and today, and how many of them signed in. */
export async function waveProgress(tx: DbOrTx = db()): Promise<WaveProgress[]> {
  return (await tx.execute(sql`
    select w.id, w.name, s.name as site, o.name as "orgUnit", w.per_day as "perDay", w.status::text as status, w.created_at as "createdAt",
           (select count(*) from employees e where e.active and coalesce(e.work_email, e.private_email) is not null
              and (w.site_id is null or e.site_id = w.site_id) and (w.org_unit_id is null or e.org_unit_id = w.org_unit_id))::int as "inScope",
           (select count(*) from invitations i where i.wave_id = w.id)::int as invited,
           (select count(*) from invitations i where i.wave_id = w.id and i.day = ${today})::int as today,
           (select count(*) from invitations i join users u on u.employee_id = i.employee_id where i.wave_id = w.id)::int as "signedIn"
      from invitation_waves w left join sites s on s.id = w.site_id left join org_units o on o.id = w.org_unit_id
     order by w.created_at desc`)) as unknown as WaveProgress[];
}

export async function sitesAndUnits(tx: DbOrTx = db()) {
  const sites = (await tx.execute(sql`select id, name from sites order by name`)) as unknown as { id: string; name: string }[];
  const units = (await tx.execute(sql`select id, name from org_units order by name`)) as unknown as { id: string; name: string }[];
  return { sites, units };
}
