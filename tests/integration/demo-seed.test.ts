import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { seedDemo } from "@/db/seed/demo";
import { db } from "@/lib/db";
import { loadPersonByUserId } from "@/lib/roster/queries";
import { passerelleAdapter } from "@/lib/auth/adapter";

test("the demo company is seeded once, with realistic gaps and the four role accounts", async () => {
  const key = { encryptionKey: Buffer.alloc(32, 1) };
  const [first, second] = await Promise.all([seedDemo(db(), key), seedDemo(db(), key)]);
  expect([first.seeded, second.seeded].sort()).toEqual([false, true]);
  expect(Math.max(first.employees, second.employees)).toBe(2000);

  const [facts] = (await db().execute(sql`
    select count(*)::int as total,
           count(distinct org_unit_id)::int as units,
           count(distinct site_id)::int as sites,
           count(*) filter (where work_email is null)::int as without_work,
           count(*) filter (where private_email is not null)::int as with_private,
           count(distinct contract_type)::int as contracts,
           count(*) filter (where avs_number !~ '^756\\.\\d{4}\\.\\d{4}\\.\\d{2}$')::int as bad_avs,
           count(*) filter (where phone is not null)::int as with_phone,
           count(*) filter (where phone !~ '^\\+417[6-9]\\d{7}$')::int as bad_phone
      from employees`)) as unknown as Record<string, number>[];
  expect(facts.total).toBe(2000);
  expect(facts.units).toBe(12);
  expect(facts.sites).toBe(3);
  expect(facts.without_work).toBeGreaterThan(50);
  expect(facts.with_private).toBeGreaterThan(100);
  expect(facts.contracts).toBe(5);
  expect(facts.bad_avs).toBe(0);
  expect(facts.with_phone).toBeGreaterThan(500);
  expect(facts.bad_phone).toBe(0);

  const adapter = passerelleAdapter();
  const expected = {
    "employee@demo.test": ["employee"],
    "it@demo.test": ["employee", "it_agent"],
    "hr@demo.test": ["employee", "hr"],
    "admin@demo.test": ["employee", "admin"],
  };
  for (const [email, roles] of Object.entries(expected)) {
    const user = await adapter.createUser({ email, emailVerified: new Date() });
    expect((await loadPersonByUserId(user.id))?.roles).toEqual(roles);
  }
});
