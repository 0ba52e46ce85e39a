import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Tx } from "../client";
import { caseSnapshot } from "../../lib/onboarding/snapshot";
import { defaultSlaSettings, slaSettingsSchema } from "../../lib/settings/schemas";
import { hash32, weighted, type Clock } from "./rollout-clock";
import type { Steps } from "./rollout-steps";
import type { Story } from "./rollout-people";

// IT's queue on day 3: the tickets the portal raised (eligibility reviews, gateways the
// self-test could not reach, no internet at home) and people's "I need help", each with the
// events its life so far would have written (lib/tickets/service.ts, lib/triage/service.ts):
// claimed, answered, answered back (reopened, SLA restarted), resolved.

type Category = "eligibility_review" | "gateway_unreachable" | "no_connectivity" | "help_request" | "device_problem" | "token_problem";
type Event = { kind: string; actor: string | null; public: boolean; body: string | null; details: Record<string, unknown> | null; at: Date };
type Plan = { id: string; story: Story; category: Category; priority: "normal" | "high"; summary: string; createdAt: Date; phone: string | null; words?: string };

const helpWords: Record<"help_request" | "device_problem" | "token_problem", Record<"fr" | "de" | "en", string[]>> = {
  help_request: {
    fr: ["Je ne sais pas comment me connecter au VPN depuis chez moi.", "Mon manager me demande d'être joignable, comment faire avec Teams ?"],
    de: ["Ich weiss nicht, wie ich mich von zu Hause mit dem VPN verbinde.", "Wie erreiche ich meine Kunden über Teams?"],
    en: ["I don't know how to connect to the VPN from home.", "How do I reach my customers over Teams?"],
  },
  device_problem: {
    fr: ["L'ordinateur portable ne démarre plus après la mise à jour.", "Le chargeur n'était pas dans le carton."],
    de: ["Der Laptop startet nach dem Update nicht mehr.", "Das Ladegerät war nicht im Karton."],
    en: ["The laptop no longer starts after the update.", "The charger was not in the box."],
  },
  token_problem: {
    fr: ["Les codes de l'application ne sont pas acceptés.", "J'ai changé de téléphone et je n'ai plus mes codes."],
    de: ["Die Codes aus der App werden nicht angenommen.", "Ich habe ein neues Telefon und keine Codes mehr."],
    en: ["The codes from the app are not accepted.", "I changed phones and no longer have my codes."],
  },
};
const replies: Record<"fr" | "de" | "en", string[]> = {
  fr: ["Merci, pouvez-vous nous envoyer une capture d'écran du message d'erreur ?", "Nous regardons cela. Êtes-vous disponible demain matin pour un appel ?"],
  de: ["Danke, können Sie uns einen Screenshot der Fehlermeldung schicken?", "Wir schauen uns das an. Sind Sie morgen Vormittag für einen Anruf erreichbar?"],
  en: ["Thanks, could you send us a screenshot of the error message?", "We are looking into it. Are you free for a call tomorrow morning?"],
};
const answers: Record<"fr" | "de" | "en", string> = { fr: "Oui, je suis là toute la journée.", de: "Ja, ich bin den ganzen Tag erreichbar.", en: "Yes, I am available all day." };

export async function seedTickets(tx: Tx, clock: Clock, stories: Story[], steps: Map<string, Steps>, agents: string[], incidentIsp: string): Promise<void> {
  const plans: Plan[] = [];
  const add = (story: Story, category: Category, priority: Plan["priority"], summary: string, createdAt: Date, extra: Partial<Plan> = {}) =>
    plans.push({ id: randomUUID(), story, category, priority, summary, createdAt, phone: null, ...extra });
  for (const story of stories) {
    const own = steps.get(story.id);
    if (story.decision?.outcome === "review") add(story, "eligibility_review", "normal", `Eligibility review: ${story.decision.ruleId}`, story.decision.at);
    if (own?.test?.result.verdict === "gateway_unreachable") add(story, "gateway_unreachable", "high", "Self-test: no VPN gateway reachable on TCP 443", new Date(own.test.startedAt.getTime() + 30_000));
    if (own?.noInternetAt) add(story, "no_connectivity", "high", "No internet at home and no 4G coverage", own.noInternetAt, { phone: story.phone });
    // "I need help" from the status page, the person's last step so far.
    if (story.signedInAt && story.decision?.outcome !== "not_eligible" && story.draw() < 0.06) {
      const category = weighted(story.draw(), [["help_request", 50], ["device_problem", own?.token ? 25 : 0], ["token_problem", own?.token ? 25 : 0]] as const);
      const list = helpWords[category][story.language];
      add(story, category, "normal", '"I need help" from the status page', clock.toward(story.last, 0.05 + 0.3 * story.draw()), {
        words: list[Math.floor(story.draw() * list.length)],
        phone: story.draw() < 0.4 ? story.phone : null,
      });
    }
  }
  plans.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  const [setting] = (await tx.execute(sql`select value from settings where key = 'sla_hours'`)) as unknown as { value: unknown }[];
  const sla = slaSettingsSchema.safeParse(setting?.value).data ?? defaultSlaSettings;
  const hours = (p: Plan["priority"]) => sla[p] * 3_600_000;
  const tickets = [];
  const events: (Event & { ticket: string })[] = [];
  for (const plan of plans) {
    const { story } = plan;
    const log: Event[] = [{ kind: "opened", actor: story.id, public: false, body: plan.summary, details: null, at: plan.createdAt }];
    if (plan.words) log.push({ kind: "employee_message", actor: story.id, public: true, body: plan.words, details: null, at: new Date(plan.createdAt.getTime() + 1) });
    // Every change after the opening bumps the version; the person's first words do not.
    let version = 1;
    let status = "new";
    let assignee: string | null = null;
    let slaDue = new Date(plan.createdAt.getTime() + hours(plan.priority));
    let resolvedAt: Date | null = null;
    const at = (from: Date, minutes: number) => new Date(Math.min(from.getTime() + minutes * 60_000, clock.now.getTime() - 60_000));
    const age = clock.now.getTime() - plan.createdAt.getTime();
    // The incident's tickets wait for IT to see they share a cause.
    const grouped = plan.category === "gateway_unreachable" && steps.get(story.id)?.test?.isp === incidentIsp;
    if (!grouped && age > 2 * 3_600_000 && story.draw() < 0.55) {
      assignee = agents[hash32(story.number) % agents.length];
      let last = at(plan.createdAt, 10 + story.draw() * 120);
      log.push({ kind: "claimed", actor: assignee, public: false, body: null, details: null, at: last });
      status = "in_progress";
      version += 1;
      if (story.draw() < 0.5) {
        const list = replies[story.language];
        last = at(last, 10 + story.draw() * 90);
        log.push({ kind: "reply", actor: assignee, public: true, body: list[Math.floor(story.draw() * list.length)], details: null, at: last });
        status = "waiting_for_employee";
        version += 1;
        if (story.draw() < 0.4 && clock.now.getTime() - last.getTime() > 3_600_000) {
          last = at(last, 30 + story.draw() * 240);
          log.push({ kind: "employee_message", actor: story.id, public: true, body: answers[story.language], details: null, at: last });
          log.push({ kind: "reopened", actor: story.id, public: false, body: null, details: null, at: last });
          status = "in_progress";
          version += 1;
          slaDue = new Date(last.getTime() + hours(plan.priority));
        }
      }
      if (age > 20 * 3_600_000 && story.draw() < 0.35) {
        last = at(last, 20 + story.draw() * 300);
        log.push({ kind: "status", actor: assignee, public: false, body: null, details: { from: status, to: "resolved" }, at: last });
        status = "resolved";
        version += 1;
        resolvedAt = last;
      }
    }
    tickets.push({
      id: plan.id, employee_id: story.id, category: plan.category, status, priority: plan.priority, summary: plan.summary, phone: plan.phone, assignee,
      version, sla_due_at: slaDue, created_at: plan.createdAt, updated_at: log[log.length - 1].at, resolved_at: resolvedAt,
    });
    for (const e of log) events.push({ ...e, ticket: plan.id });
  }

  // Numbers in the order the tickets were raised, as they are when raised one by one.
  await tx.execute(sql`
    insert into tickets (id, employee_id, category, status, priority, summary, snapshot, contact_phone, assignee_employee_id, version, sla_due_at, created_at, updated_at, resolved_at)
    select x.id, x.employee_id, x.category::ticket_category, x.status::ticket_status, x.priority::ticket_priority, x.summary, '{}'::jsonb, x.phone, x.assignee, x.version,
           x.sla_due_at, x.created_at, x.updated_at, x.resolved_at
      from jsonb_to_recordset(${JSON.stringify(tickets.map((t, n) => ({ ...t, n })))}::jsonb) as x(id uuid, employee_id uuid, category text, status text, priority text, summary text,
           phone text, assignee uuid, version int, sla_due_at timestamptz, created_at timestamptz, updated_at timestamptz, resolved_at timestamptz, n bigint)
     order by x.n`);
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  await tx.execute(sql`
    insert into ticket_events (ticket_id, at, actor_employee_id, kind, public, body, details)
    select x.ticket, x.at, x.actor, x.kind, x.public, x.body, x.details
      from jsonb_to_recordset(${JSON.stringify(events.map((e, n) => ({ ...e, n })))}::jsonb) as x(ticket uuid, at timestamptz, actor uuid, kind text, public boolean, body text, details jsonb, n bigint)
     order by x.n`);
  // The case as IT sees it on the ticket, taken when it was raised (each person's last step so far).
  for (const t of tickets) {
    const snapshot = { ...(await caseSnapshot(tx, t.employee_id)), takenAt: t.created_at.toISOString() };
    await tx.execute(sql`update tickets set snapshot = ${JSON.stringify(snapshot)}::jsonb where id = ${t.id}`);
  }
}
