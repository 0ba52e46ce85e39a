import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createDb } from "@/db/client";
import { db } from "@/lib/db";
import { createWave, sendDueInvitations } from "@/lib/roster/waves";
import { createEmployee } from "../support/factories";

// An invitation wave's daily number is a limit like the activation waves: the
// background worker of every instance sends at once, and the day's count must hold.

const instances: ReturnType<typeof createDb>[] = [];
beforeAll(() => {
  for (let i = 0; i < 2; i += 1) instances.push(createDb(process.env.DATABASE_URL!, { max: 10 }));
});
afterAll(async () => {
  await Promise.all(instances.map((i) => i.sql.end({ timeout: 5 })));
});

test("twenty workers on two instances sending at once invite exactly the wave's daily number", async () => {
  const [unit] = (await db().execute(sql`insert into org_units (code, name) values ('RACE', 'Race unit') returning id`)) as unknown as { id: string }[];
  for (let i = 0; i < 120; i += 1) await createEmployee({ orgUnitId: unit.id });
  const admin = await createEmployee();
  const text = { subject: "Welcome {firstName}", body: "Sign in: {link}" };
  const wave = await db().transaction((tx) => createWave(tx, admin.id, { name: "Race", siteId: "", orgUnitId: unit.id, perDay: 10, template: { fr: text, de: text, en: text } }));
  // Each round: many workers at once; between rounds, the day's share must already be spent.
  for (let round = 0; round < 3; round += 1) {
    const runs = await Promise.all(Array.from({ length: 20 }, (_, i) => instances[i % 2].db.transaction((tx) => sendDueInvitations(tx))));
    expect(runs.reduce((a, r) => a + r.sent, 0)).toBe(round === 0 ? 10 : 0);
  }
  const [{ n }] = (await db().execute(sql`select count(*)::int as n from invitations where wave_id = ${wave.id}`)) as unknown as { n: number }[];
  expect(n).toBe(10);
}, 60_000);
