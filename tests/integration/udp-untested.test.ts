import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { topIspFailures } from "@/lib/admin/dashboard";
import { completeConnectivityTest, listConnectivityTests, startConnectivityTest, type TestResultInput } from "@/lib/connectivity/service";
import { db } from "@/lib/db";
import { getCaseSteps } from "@/lib/onboarding/queries";
import { createEligibleEmployees, seedJourney } from "../support/factories";
import { getNextAction } from "../support/next-action";

beforeAll(seedJourney);

/** One finished run of `employeeId` on provider `isp` with the given UDP outcome; everything else is fine. */
async function run(employeeId: string, isp: string, udp: TestResultInput["udp"]) {
  const { testId } = await db().transaction((tx) => startConnectivityTest(tx, employeeId, isp));
  return db().transaction((tx) =>
    completeConnectivityTest(tx, employeeId, { testId, latencySamples: [12, 14, 13], downloadKbps: 40_000, udp, gateways: [{ id: "zrh", reachable: true, ms: 20 }] }),
  );
}

const figuresOf = async (isp: string) => (await topIspFailures(100)).find((row) => row.isp === isp);

test("a run whose browser could not test UDP never feeds the per-provider figures, as blocked or as not blocked", async () => {
  // A provider name of this test's own, so other runs in the database do not count.
  const isp = `other:udp-${randomUUID().slice(0, 8)}`;
  const [a, b, c] = await createEligibleEmployees(3);

  expect(await run(a.id, isp, "untested")).toMatchObject({ verdict: "udp_untested", recommendation: "ssl" });
  expect(await run(b.id, isp, "untested")).toMatchObject({ verdict: "udp_untested" });
  // Nothing known about this provider yet: it is not listed at all.
  expect(await figuresOf(isp)).toBeUndefined();

  expect(await run(c.id, isp, "blocked")).toMatchObject({ verdict: "udp_blocked" });
  // One run tested UDP, and it was blocked: 1 of 1, not 1 of 3.
  expect(await figuresOf(isp)).toEqual({ isp, tests: 1, failed: 1, verdicts: { udp_blocked: 1 } });

  // A run that did test UDP counts again (its speed verdict is another matter: no upload was sent here).
  await run(a.id, isp, "open");
  const figures = await figuresOf(isp);
  expect(figures).toMatchObject({ tests: 2, verdicts: { udp_blocked: 1 } });
  expect(Object.keys(figures!.verdicts)).not.toContain("udp_untested");
});

test("the outcome is stored for the guide and IT; the step works on the SSL profile and opens no ticket", async () => {
  const [person] = await createEligibleEmployees(1);
  const result = await run(person.id, "swisscom", "untested");
  const [row] = (await db().execute(sql`select udp_ok, verdict::text as verdict, recommendation from connectivity_tests where id = ${result.testId}`)) as unknown as Record<string, unknown>[];
  expect(row).toEqual({ udp_ok: null, verdict: "udp_untested", recommendation: "ssl" });
  const [latest] = await listConnectivityTests(person.id, 1);
  expect(latest).toMatchObject({ verdict: "udp_untested", udpOk: null, udp: "untested" });
  expect((await getCaseSteps(person.id)).connectivity).toBe("udp_untested");
  // Nothing for IT to do: a browser without WebRTC is not a case.
  const tickets = (await db().execute(sql`select 1 from tickets where employee_id = ${person.id}`)) as unknown as unknown[];
  expect(tickets).toHaveLength(0);
  // The connection step counts as done: the next step is no longer this test.
  expect((await getNextAction(person.id)).step).not.toBe("connectivity");
});
