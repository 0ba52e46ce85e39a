import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import type { CurrentPerson } from "@/lib/roster/queries";
import { db } from "@/lib/db";
import { defaultRhtSettings } from "@/lib/settings/schemas";
import { createEmployee, seedJourney } from "../support/factories";
import { refusal, refused } from "../support/refusal";

// Issue 14 point 8: the cantonal office authorises short-time work per unit and period.
// HR sets a unit's own first and last day; without one, the company setting applies.
// The session is the one thing replaced: roles, zod, domain, audit and database run for real.
const current: { person: CurrentPerson | null } = { person: null };
vi.mock("@/lib/auth/session", () => ({ getCurrentPerson: async () => current.person }));

const { setUnitAuthorisationAction } = await import("@/lib/rht/unit-authorisation-actions");
const { setUnitAuthorisation, unitAuthorisation } = await import("@/lib/rht/unit-authorisation");

async function as(roles: Role[]) {
  const e = await createEmployee();
  current.person = { userId: randomUUID(), employeeId: e.id, number: e.number, firstName: e.firstName, lastName: e.lastName, email: e.workEmail!, locale: "en", language: "en", roles };
  return e;
}
const unit = async (code: string) => ((await db().execute(sql`insert into org_units (code, name) values (${code}, ${`Unit ${code}`}) returning id`)) as unknown as { id: string }[])[0].id;
const close = (unitId: string, month: string, status: "approved" | "locked") => db().execute(sql`insert into rht_periods (org_unit_id, month, status) values (${unitId}, ${`${month}-01`}::date, ${status})`);
const stored = async (unitId: string) =>
  ((await db().execute(sql`select rht_authorized_from::text as "from", rht_authorized_until::text as until from org_units where id = ${unitId}`)) as unknown as { from: string | null; until: string | null }[])[0];
const audits = async (unitId: string) =>
  (await db().execute(sql`select details from audit_log where action = 'rht.unit_authorisation' and target_id = ${unitId} order by id`)) as unknown as { details: Record<string, unknown> }[];

beforeAll(async () => {
  await seedJourney();
  // The company authorises March to August 2026.
  await db().execute(sql`insert into settings (key, value) values ('rht', ${JSON.stringify({ ...defaultRhtSettings, authorizedFrom: "2026-03-01", authorizedUntil: "2026-08-31" })}::jsonb)
                         on conflict (key) do update set value = excluded.value`);
});

describe("a unit's own short-time work authorisation", () => {
  test("without its own, the unit has the company's; HR sets its own, audited; clearing returns to the company's", async () => {
    const u = await unit("UA1");
    await as(["employee", "hr"]);
    expect(await unitAuthorisation(u)).toMatchObject({ from: "2026-03-01", until: "2026-08-31", source: "company" });

    expect(await setUnitAuthorisationAction({ unitId: u, source: "unit", from: "2026-04-16", until: "2026-09-30" })).toMatchObject({ ok: true });
    expect(await stored(u)).toEqual({ from: "2026-04-16", until: "2026-09-30" });
    expect(await unitAuthorisation(u)).toMatchObject({ from: "2026-04-16", until: "2026-09-30", source: "unit" });

    // An open end is the unit's own too (authorised until further notice), not the company's last day.
    expect(await setUnitAuthorisationAction({ unitId: u, source: "unit", from: "2026-04-16", until: "" })).toMatchObject({ ok: true });
    expect(await unitAuthorisation(u)).toMatchObject({ from: "2026-04-16", until: null, source: "unit" });

    expect(await setUnitAuthorisationAction({ unitId: u, source: "company", from: "2026-01-01", until: "" })).toMatchObject({ ok: true });
    expect(await stored(u)).toEqual({ from: null, until: null });
    expect(await unitAuthorisation(u)).toMatchObject({ from: "2026-03-01", until: "2026-08-31", source: "company" });

    expect((await audits(u)).map((a) => [a.details.from, a.details.until])).toEqual([
      ["2026-04-16", "2026-09-30"],
      ["2026-04-16", null],
      [null, null],
    ]);
  });

  test("a last day before the first, an impossible date or an own authorisation without dates are field errors", async () => {
    const u = await unit("UA2");
    await as(["employee", "hr"]);
    expect(await setUnitAuthorisationAction({ unitId: u, source: "unit", from: "2026-05-10", until: "2026-05-09" })).toMatchObject({
      ok: false,
      fieldErrors: { until: ["authorisationEndsBeforeStart"] },
    });
    expect(await setUnitAuthorisationAction({ unitId: u, source: "unit", from: "2026-02-30", until: "" })).toMatchObject({ ok: false, fieldErrors: { from: ["dateInvalid"] } });
    expect(await setUnitAuthorisationAction({ unitId: u, source: "unit", from: "", until: "" })).toMatchObject({ ok: false, fieldErrors: { from: ["authorisationDateRequired"] } });
    // The domain refuses it too, next to the field, for any other caller.
    await expect(db().transaction((tx) => setUnitAuthorisation(tx, u, { from: "2026-05-10", until: "2026-05-09" }))).rejects.toMatchObject({ key: "authorisationEndsBeforeStart", field: "until" });
    expect(await stored(u)).toEqual({ from: null, until: null });
    expect(await audits(u)).toEqual([]);
  });

  test("a change that would alter an approved or locked month is refused, naming the month; other changes pass", async () => {
    const u = await unit("UA3");
    await as(["employee", "hr"]);
    await close(u, "2026-04", "locked");
    await close(u, "2026-06", "approved");
    const set = (from: string | null, until: string | null) => db().transaction((tx) => setUnitAuthorisation(tx, u, { from, until }));

    // Company: March–August. Starting on 16 April changes locked April.
    expect(await setUnitAuthorisationAction({ unitId: u, source: "unit", from: "2026-04-16", until: "2026-08-31" })).toEqual({
      ok: false,
      formError: "authorisationMonthLocked",
      values: { month: "2026-04" },
      // The text names the month too: the browser shows it as the server wrote it.
      messages: { authorisationMonthLocked: expect.stringContaining("2026-04") },
    });
    // Ending on 20 June changes approved June (it could be reopened first).
    await expect(set("2026-03-01", "2026-06-20")).rejects.toMatchObject({ key: "authorisationMonthApproved", values: { month: "2026-06" } });
    // Moving only the last day within months that are still open passes; so does its way back.
    expect(await refusal(set("2026-03-01", "2026-07-15"))).toBe("accepted");
    expect(await refusal(set("2026-03-01", "2026-08-31"))).toBe("accepted");
    // Ending in February instead of August changes every month between, the first closed one is named.
    await expect(set("2026-01-01", "2026-02-28")).rejects.toMatchObject({ key: "authorisationMonthLocked", values: { month: "2026-04" } });
    // Returning to the company's (the same days) changes no month at all.
    expect(await refusal(set(null, null))).toBe("accepted");
    expect(await stored(u)).toEqual({ from: null, until: null });
  });

  test("only HR may set it; nothing changes otherwise", async () => {
    const u = await unit("UA4");
    for (const roles of [["employee"], ["employee", "it_agent"], ["employee", "admin"]] as Role[][]) {
      await as(roles);
      expect(await setUnitAuthorisationAction({ unitId: u, source: "unit", from: "2026-04-01", until: "" })).toEqual(refused("forbidden"));
    }
    current.person = null;
    expect(await setUnitAuthorisationAction({ unitId: u, source: "unit", from: "2026-04-01", until: "" })).toEqual(refused("unauthenticated"));
    expect(await stored(u)).toEqual({ from: null, until: null });
    expect(await audits(u)).toEqual([]);
  });

  test("an unknown unit is refused", async () => {
    await as(["employee", "hr"]);
    expect(await setUnitAuthorisationAction({ unitId: randomUUID(), source: "unit", from: "2026-04-01", until: "" })).toEqual(refused("unitNotFound"));
  });
});
