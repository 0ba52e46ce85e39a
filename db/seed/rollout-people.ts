import { sql } from "drizzle-orm";
import type { Tx } from "../client";
import { evaluateEligibility, ruleSetSchema, type Decision } from "../../lib/eligibility/rules";
import type { EligibilityAnswers } from "../../lib/eligibility/schema";
import { hash32, prng, weighted, type Clock } from "./rollout-clock";

// Who the demo roll-out reached so far: the invitation waves (as lib/roster/waves.ts sends
// them: by employee number, `perDay` a working day), who signed in, and who answered the
// eligibility questions (decided by the rules engine itself, lib/eligibility/rules.ts).

/** Units the roll-out works in. FIN, PUR, LEG, HR and IT stay fresh: the e2e specs use their people. */
export const rolloutUnits = ["DIR", "SAL", "CC", "MKT", "RND", "LOG", "PRD"] as const;

/** Never part of the roll-out: the demo accounts and the e2e suite's office workers (e2e/fixtures.ts). */
export const untouchable = sql`(e.number like 'D%' or (e.work_email like '%@transalpina.test' and e.job_family in ('finance', 'procurement', 'legal') and e.contract_type = 'permanent'))`;

type WavePlan = { unit: string; name: string; perDay: number; start: "pilot" | "d1" | "d2" | "d3" | null };
const wavePlans: WavePlan[] = [
  { unit: "DIR", name: "Pilote – Direction", perDay: 30, start: "pilot" },
  { unit: "SAL", name: "Vague 1 – Ventes", perDay: 100, start: "d1" },
  { unit: "CC", name: "Vague 2 – Service clients", perDay: 120, start: "d1" },
  { unit: "MKT", name: "Vague 3 – Marketing & Communication", perDay: 60, start: "d2" },
  { unit: "RND", name: "Vague 4 – Recherche & Développement", perDay: 80, start: "d3" },
  // Planned for day 4: created, not started.
  { unit: "LOG", name: "Vague 5 – Logistique", perDay: 100, start: null },
];

const template = {
  fr: { subject: "Passerelle : préparez votre télétravail", body: "Bonjour {firstName},\n\nTransalpina passe au télétravail. Connectez-vous à Passerelle pour demander votre équipement :\n{link}\n\nVotre cellule de crise" },
  de: { subject: "Passerelle: Homeoffice vorbereiten", body: "Guten Tag {firstName}\n\nTransalpina stellt auf Homeoffice um. Melden Sie sich bei Passerelle an und beantragen Sie Ihre Ausrüstung:\n{link}\n\nIhr Krisenstab" },
  en: { subject: "Passerelle: get ready to work from home", body: "Hello {firstName},\n\nTransalpina is moving to telework. Sign in to Passerelle to request your equipment:\n{link}\n\nYour crisis cell" },
};

/** The working days a wave sends on, from its first day through day 3. */
function sendDays(clock: Clock, start: WavePlan["start"]): string[] {
  if (!start) return [];
  const all = [clock.pilot, ...between(clock.pilot, clock.d1), clock.d1, clock.d2, clock.d3];
  return all.slice(all.indexOf(clock[start]));
}
function between(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); ; ) {
    d = new Date(d.getTime() + 86_400_000);
    const iso = d.toISOString().slice(0, 10);
    if (iso >= to) return days;
    if (![0, 6].includes(d.getUTCDay())) days.push(iso);
  }
}

/** Creates the waves and the invitations they have sent so far. */
export async function seedWaves(tx: Tx, clock: Clock): Promise<void> {
  for (const plan of wavePlans) {
    const days = sendDays(clock, plan.start);
    const created = days.length > 0 ? new Date(clock.window(days[0]).t0.getTime() - 45 * 60_000) : clock.toward(clock.window(clock.d3).t0, 0.5);
    const [wave] = (await tx.execute(sql`
      insert into invitation_waves (name, org_unit_id, per_day, template, status, created_at)
      select ${plan.name}, id, ${plan.perDay}, ${JSON.stringify(template)}::jsonb, ${plan.start ? "active" : "paused"}::wave_status, ${created.toISOString()}::timestamptz
        from org_units where code = ${plan.unit}
      returning id`)) as unknown as { id: string }[];
    if (days.length === 0) continue;
    const schedule = days.map((day, idx) => ({ idx, day, t0: clock.window(day).t0.toISOString() }));
    // As sendDueInvitations picks them: people in scope with an address, by number, perDay a day.
    await tx.execute(sql`
      with scope as (
        select e.id, row_number() over (order by e.number) - 1 as rn
          from employees e join invitation_waves w on w.id = ${wave.id} and e.org_unit_id = w.org_unit_id
         where e.active and coalesce(e.work_email, e.private_email) is not null and not ${untouchable})
      insert into invitations (employee_id, wave_id, sent_at, day)
      select s.id, ${wave.id}, d.t0 + make_interval(secs => (s.rn % ${plan.perDay})::int), d.day
        from scope s join jsonb_to_recordset(${JSON.stringify(schedule)}::jsonb) as d(idx int, day date, t0 timestamptz) on d.idx = s.rn / ${plan.perDay}`);
    // A wave that has invited everyone in its scope is done (the worker says so at its next run).
    await tx.execute(sql`
      update invitation_waves w set status = 'done'
       where w.id = ${wave.id} and not exists (
         select 1 from employees e where e.org_unit_id = w.org_unit_id and e.active and coalesce(e.work_email, e.private_email) is not null
            and not ${untouchable} and not exists (select 1 from invitations i where i.employee_id = e.id))`);
  }
}

export type Person = {
  id: string;
  number: string;
  firstName: string;
  lastName: string;
  unit: string;
  siteId: string;
  siteCode: string;
  jobFamily: string;
  contractType: string;
  language: "fr" | "de" | "en";
  phone: string | null;
  address: string;
  invitedAt: Date;
  /** The wave's day of the invitation (Zurich). */
  invitedDay: string;
};

export type Story = Person & {
  draw: () => number;
  /** The instant of the person's latest step so far. */
  last: Date;
  signedInAt?: Date;
  decision?: Decision & { answers: EligibilityAnswers; at: Date };
  device?: { kind: "laptop" | "vdi_seat"; requestedAt: Date };
};

/** Everyone invited, with a stable random stream each (from their number), in number order. */
export async function invitedPeople(tx: Tx): Promise<Story[]> {
  const rows = (await tx.execute(sql`
    select e.id, e.number, e.first_name as "firstName", e.last_name as "lastName", o.code as unit, e.site_id as "siteId", s.code as "siteCode",
           e.job_family as "jobFamily", e.contract_type::text as "contractType", e.language::text as language, e.phone,
           lower(coalesce(e.work_email, e.private_email)) as address, i.sent_at as "invitedAt", i.day::text as "invitedDay"
      from invitations i join employees e on e.id = i.employee_id join org_units o on o.id = e.org_unit_id join sites s on s.id = e.site_id
     order by e.number`)) as unknown as (Person & { invitedAt: string | Date })[];
  return rows.map((r) => {
    const invitedAt = new Date(r.invitedAt);
    return { ...r, invitedAt, last: invitedAt, draw: prng(hash32(`rollout:${r.number}`)) };
  });
}

/** Share of people who signed in, by how long ago their invitation went out. */
function signInRate(clock: Clock, invitedDay: string): number {
  if (invitedDay < clock.d1) return 0.95;
  return invitedDay === clock.d1 ? 0.88 : invitedDay === clock.d2 ? 0.72 : 0.45;
}

function answersFor(story: Story): EligibilityAnswers {
  const onSiteJob = ["production_operator", "warehouse", "driver", "maintenance", "lab_technician"].includes(story.jobFamily);
  return {
    workFromHome: weighted(story.draw(), [["yes", 74], ["partly", 19], ["no", 7]]),
    confidentialPaper: story.draw() < 0.05 ? "yes" : "no",
    onSiteEquipment: story.draw() < (onSiteJob ? 0.5 : 0.04) ? "yes" : "no",
    homeWorkspace: story.draw() < 0.05 ? "no" : "yes",
  };
}

/** Sign-ins (users, contact address) and eligibility answers decided by the active rules. */
export async function seedSignInsAndEligibility(tx: Tx, clock: Clock, stories: Story[]): Promise<void> {
  const [ruleSet] = (await tx.execute(sql`select version, rules from eligibility_rule_sets where active`)) as unknown as { version: number; rules: unknown }[];
  const rules = ruleSetSchema.parse(ruleSet.rules);
  for (const story of stories) {
    if (story.draw() >= signInRate(clock, story.invitedDay)) continue;
    story.signedInAt = clock.toward(story.invitedAt, 0.02 + 0.5 * story.draw() ** 2);
    story.last = story.signedInAt;
    if (story.draw() >= 0.92) continue; // signed in, not answered yet
    const answers = answersFor(story);
    const at = clock.toward(story.last, 0.01 + 0.05 * story.draw());
    const decision = evaluateEligibility(rules, { answers, employee: { jobFamily: story.jobFamily, contractType: story.contractType, siteCode: story.siteCode } });
    story.decision = { ...decision, answers, at };
    story.last = at;
  }
  const signedIn = stories.filter((s) => s.signedInAt);
  await tx.execute(sql`
    insert into users (id, email, name, email_verified, employee_id, created_at)
    select gen_random_uuid()::text, x.email, x.name, x.at, x.id, x.at
      from jsonb_to_recordset(${JSON.stringify(signedIn.map((s) => ({ id: s.id, email: s.address, name: `${s.firstName} ${s.lastName}`, at: s.signedInAt })))}::jsonb)
           as x(id uuid, email text, name text, at timestamptz)`);
  // The address the link went to becomes the contact address (lib/auth/adapter.ts).
  await tx.execute(sql`
    update employees e set contact_email = case when lower(e.work_email) = x.email then e.work_email else e.private_email end
      from jsonb_to_recordset(${JSON.stringify(signedIn.map((s) => ({ id: s.id, email: s.address })))}::jsonb) as x(id uuid, email text)
     where e.id = x.id`);
  const decided = stories.filter((s) => s.decision);
  await tx.execute(sql`
    insert into onboarding_cases (employee_id, eligibility, eligibility_answers, eligibility_rule_id, eligibility_reason, eligibility_rules_version, eligibility_decided_at, created_at, updated_at)
    select x.id, x.outcome::eligibility_status, x.answers, x.rule_id, x.reason, ${ruleSet.version}, x.at, x.at, x.at
      from jsonb_to_recordset(${JSON.stringify(
        decided.map((s) => ({ id: s.id, outcome: s.decision!.outcome, answers: s.decision!.answers, rule_id: s.decision!.ruleId, reason: s.decision!.reason, at: s.decision!.at })),
      )}::jsonb) as x(id uuid, outcome text, answers jsonb, rule_id text, reason jsonb, at timestamptz)`);
}
