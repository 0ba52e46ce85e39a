import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "@/lib/db";
import { funnel, sinceYesterday, ticketsByAge } from "@/lib/admin/dashboard";
import { stuck } from "@/lib/admin/funnel";
import { createEmployee, createUserWithSession, seedJourney } from "../support/factories";

test("the funnel counts each step cumulatively, per site, and who is stuck where", async () => {
  await seedJourney();
  const [site] = (await db().execute(sql`insert into sites (code, name, city, canton) values ('FNL', 'Funnel site', 'Bern', 'BE') returning id`)) as unknown as { id: string }[];
  const people = [];
  for (let i = 0; i < 5; i += 1) people.push(await createEmployee({ siteId: site.id }));
  // 0: roster only. 1: signed in. 2: eligible. 3: eligible + VDI seat issued. 4: everything.
  for (const p of people.slice(1)) await createUserWithSession(p);
  for (const p of people.slice(2)) await db().execute(sql`insert into onboarding_cases (employee_id, eligibility, connectivity) values (${p.id}, 'eligible', ${p === people[4] ? "good" : "not_tested"})`);
  const [vdi] = (await db().execute(sql`select id from resource_pools where kind = 'vdi_seat'`)) as unknown as { id: string }[];
  for (const p of people.slice(3)) await db().execute(sql`insert into allocations (employee_id, pool_id, kind, status, issued_at) values (${p.id}, ${vdi.id}, 'vdi_seat', 'issued', now())`);
  await db().execute(sql`insert into mfa_tokens (employee_id, type, status, secret_enc) values (${people[4].id}, 'totp', 'active', 'x')`);
  const { groups, overall } = await funnel("site");
  const mine = groups.find((g) => g.group === "Funnel site")!.counts;
  expect(mine).toEqual({ roster: 5, invited: 4, signed_in: 4, eligible: 3, device: 2, token: 1, connectivity: 1, ready: 1 });
  expect(stuck(mine)).toEqual({ roster: 1, invited: 0, signed_in: 1, eligible: 1, device: 1, token: 0, connectivity: 0, ready: 0 });
  expect(overall.roster).toBeGreaterThanOrEqual(5);
  expect((await sinceYesterday()).signedIn).toBeGreaterThanOrEqual(4);
  expect(Array.isArray(await ticketsByAge())).toBe(true);
});

test("invitation waves send N a day to people in scope, once each, and feed the funnel", async () => {
  const { createWave, sendDueInvitations, waveProgress, setWaveStatus } = await import("@/lib/roster/waves");
  const [unit] = (await db().execute(sql`insert into org_units (code, name) values ('WAV', 'Wave unit') returning id`)) as unknown as { id: string }[];
  const people: Awaited<ReturnType<typeof createEmployee>>[] = [];
  for (let i = 0; i < 5; i += 1) people.push(await createEmployee({ orgUnitId: unit.id, language: i === 0 ? "de" : "en" }));
  await createUserWithSession(people[4]); // already signed in: not invited again
  const admin = await createEmployee();
  const text = (lang: string) => ({ subject: `Welcome ${lang} {firstName}`, body: `Hello {firstName},\n\nSign in: {link}` });
  const wave = await db().transaction((tx) => createWave(tx, admin.id, { name: "Wave 1", siteId: "", orgUnitId: unit.id, perDay: 3, template: { fr: text("fr"), de: text("de"), en: text("en") } }));
  const [first, second] = await Promise.all([db().transaction((tx) => sendDueInvitations(tx)), db().transaction((tx) => sendDueInvitations(tx))]);
  expect(first.sent + second.sent).toBe(3);
  expect((await db().transaction((tx) => sendDueInvitations(tx))).sent).toBe(0); // today's share is sent
  const mails = (await db().execute(sql`select to_address, subject, text_body from outbox where subject like 'Welcome %' order by to_address`)) as unknown as { to_address: string; subject: string; text_body: string }[];
  expect(mails).toHaveLength(3);
  expect(mails.find((m) => m.to_address === people[0].workEmail)?.subject).toBe(`Welcome de ${people[0].firstName}`);
  expect(mails[0].text_body).toMatch(/Sign in: http:\/\/.+\/signin/);
  const [progress] = (await waveProgress()).filter((w) => w.id === wave.id);
  expect(progress).toMatchObject({ inScope: 5, invited: 3, today: 3, status: "active" });
  await db().transaction((tx) => setWaveStatus(tx, wave.id, "paused"));
  expect((await funnel("unit")).groups.find((g) => g.group === "Wave unit")!.counts).toMatchObject({ roster: 5, invited: 4, signed_in: 1 });
});

test("the burn-down counts who was still waiting at the end of each day, and the activations", async () => {
  const { queueHistory } = await import("@/lib/admin/dashboard");
  const [laptop] = (await db().execute(sql`select id from resource_pools where kind = 'laptop'`)) as unknown as { id: string }[];
  const before = await queueHistory(3);
  const [a, b] = [await createEmployee(), await createEmployee()];
  // a: asked two days ago, got it yesterday. b: asked yesterday, still waiting.
  await db().execute(sql`insert into allocations (employee_id, pool_id, kind, status, requested_at, reserved_at) values
    (${a.id}, ${laptop.id}, 'laptop', 'reserved', now() - interval '2 days', now() - interval '1 day'),
    (${b.id}, ${laptop.id}, 'laptop', 'waiting', now() - interval '1 day', null)`);
  const after = await queueHistory(3);
  expect(after.map((d) => d.laptop - before.find((x) => x.day === d.day)!.laptop)).toEqual([1, 1, 1]);
  expect(after.map((d) => d.activated - before.find((x) => x.day === d.day)!.activated)).toEqual([0, 1, 0]);
});
