import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { completeConnectivityTest, maxUploadsPerTest, purgeOldConnectivityTests, recordUpload, reportNoInternet, startConnectivityTest, type TestResultInput } from "@/lib/connectivity/service";
import { db } from "@/lib/db";
import { getCaseSteps } from "@/lib/onboarding/queries";
import { createEligibleEmployees, seedJourney } from "../support/factories";
import { refusal } from "../support/refusal";

const start = (employeeId: string) => db().transaction((tx) => startConnectivityTest(tx, employeeId, "salt"));
const complete = (employeeId: string, input: TestResultInput) => db().transaction((tx) => completeConnectivityTest(tx, employeeId, input));
const results = (testId: string, over: Partial<TestResultInput> = {}): TestResultInput => ({
  testId,
  latencySamples: [12, 14, 13, 15],
  downloadKbps: 40_000,
  udp: "open",
  gateways: [{ id: "zrh", reachable: true, ms: 20 }, { id: "lsn", reachable: true, ms: 25 }],
  ...over,
});

beforeAll(seedJourney);

describe("the connectivity self-test", () => {
  test("upload speed comes from what the server received; the verdict is stored on the case", async () => {
    const [person] = await createEligibleEmployees(1);
    const { testId, plan, stun, gateways } = await start(person.id);
    expect(plan.pings).toBeGreaterThan(0);
    expect(stun).toEqual({ host: "127.0.0.1", port: 3478 });
    expect(gateways.map((g) => g.id)).toEqual(["zrh", "lsn"]);
    const t0 = new Date("2026-11-25T10:00:00.000Z");
    expect(await recordUpload(testId, person.id, 1_000_000, t0, new Date(t0.getTime() + 500))).toBe(true);
    expect(await recordUpload(testId, person.id, 1_000_000, new Date(t0.getTime() + 100), new Date(t0.getTime() + 1000))).toBe(true);
    const verdict = await complete(person.id, results(testId));
    expect(verdict).toMatchObject({ verdict: "good", recommendation: "ipsec", limits: [] });
    const [row] = (await db().execute(sql`select upload_kbps, latency_ms, jitter_ms, isp, status from connectivity_tests where id = ${testId}`)) as unknown as Record<string, unknown>[];
    // 2 MB in 1 s as a line rate (payload × 1.06 overhead); latency is the lowest round trip.
    expect(row).toEqual({ upload_kbps: 16_960, latency_ms: 12, jitter_ms: 2, isp: "salt", status: "completed" });
    expect((await getCaseSteps(person.id)).connectivity).toBe("good");
  });

  test("another person's run, a finished run or a made-up id is refused and changes nothing", async () => {
    const [owner, intruder] = await createEligibleEmployees(2);
    const { testId } = await start(owner.id);
    expect(await refusal(complete(intruder.id, results(testId)))).toBe("testNotFound");
    expect(await recordUpload(testId, intruder.id, 1000, new Date(), new Date())).toBe(false);
    expect(await refusal(complete(owner.id, results("00000000-0000-4000-8000-000000000000")))).toBe("testNotFound");
    await complete(owner.id, results(testId));
    expect(await refusal(complete(owner.id, results(testId, { udp: "blocked" })))).toBe("testNotFound");
    const [row] = (await db().execute(sql`select udp_ok from connectivity_tests where id = ${testId}`)) as unknown as { udp_ok: boolean }[];
    expect(row.udp_ok).toBe(true);
  });

  test("a second run started at once abandons the first; a stale run is refused", async () => {
    const [person] = await createEligibleEmployees(1);
    const [first, second] = await Promise.all([start(person.id), start(person.id)]);
    const statuses = (await db().execute(sql`select id, status from connectivity_tests where employee_id = ${person.id}`)) as unknown as { id: string; status: string }[];
    expect(statuses.filter((s) => s.status === "running")).toHaveLength(1);
    const running = statuses.find((s) => s.status === "running")!.id;
    const abandoned = [first.testId, second.testId].find((id) => id !== running)!;
    expect(await refusal(complete(person.id, results(abandoned)))).toBe("testNotFound");
    await db().execute(sql`update connectivity_tests set started_at = now() - interval '11 minutes' where id = ${running}`);
    expect(await refusal(complete(person.id, results(running)))).toBe("testExpired");
  });

  test("uploads beyond the per-run cap are refused", async () => {
    const [person] = await createEligibleEmployees(1);
    const { testId } = await start(person.id);
    const accepted = [];
    for (let i = 0; i < maxUploadsPerTest + 2; i += 1) accepted.push(await recordUpload(testId, person.id, 1000, new Date(), new Date()));
    expect(accepted.filter(Boolean)).toHaveLength(maxUploadsPerTest);
  });

  test("UDP blocked recommends the SSL profile and opens no ticket; repeated unreachable gateways open one", async () => {
    const [person] = await createEligibleEmployees(1);
    let run = await start(person.id);
    expect(await complete(person.id, results(run.testId, { udp: "blocked" }))).toMatchObject({ verdict: "udp_blocked", recommendation: "ssl" });
    for (let i = 0; i < 3; i += 1) {
      run = await start(person.id);
      const down = [{ id: "zrh", reachable: false, ms: null }, { id: "lsn", reachable: false, ms: null }];
      expect((await complete(person.id, results(run.testId, { gateways: down }))).verdict).toBe("gateway_unreachable");
    }
    const tickets = (await db().execute(sql`select category, priority, snapshot from tickets where employee_id = ${person.id}`)) as unknown as { category: string; priority: string; snapshot: { connectivity: { verdict: string; isp: string } } }[];
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ category: "gateway_unreachable", priority: "high", snapshot: { connectivity: { verdict: "gateway_unreachable", isp: "salt" } } });
  });

  test("no internet: with 4G a router is reserved and shipped; without, one high-priority ticket", async () => {
    const [withCoverage, without] = await createEligibleEmployees(2);
    const router = await db().transaction((tx) => reportNoInternet(tx, withCoverage.id, { coverage: "yes", street: "Rue du Four 3", postcode: "1950", city: "Sion" }));
    expect(router).toEqual({ outcome: "router", status: "reserved" });
    const [allocation] = (await db().execute(sql`select status, handover_method, shipping_address from allocations where employee_id = ${withCoverage.id} and kind = 'router_4g'`)) as unknown as Record<string, unknown>[];
    expect(allocation).toEqual({ status: "reserved", handover_method: "ship", shipping_address: { street: "Rue du Four 3", postcode: "1950", city: "Sion" } });
    expect((await getCaseSteps(withCoverage.id)).connectivity).toBe("router_requested");

    const first = await db().transaction((tx) => reportNoInternet(tx, without.id, { coverage: "no" }));
    const again = await db().transaction((tx) => reportNoInternet(tx, without.id, { coverage: "no" }));
    expect(again.ticket).toBe(first.ticket);
    const tickets = (await db().execute(sql`select category, priority from tickets where employee_id = ${without.id}`)) as unknown as Record<string, string>[];
    expect(tickets).toEqual([{ category: "no_connectivity", priority: "high" }]);
  });
});

test("results older than 30 days are purged, newer ones kept", async () => {
  const [person] = await createEligibleEmployees(1);
  await db().execute(sql`
    insert into connectivity_tests (employee_id, status, started_at) values
      (${person.id}, 'completed', now() - interval '31 days'),
      (${person.id}, 'completed', now() - interval '29 days')`);
  expect(await purgeOldConnectivityTests()).toBeGreaterThanOrEqual(1);
  const left = (await db().execute(sql`select count(*)::int as n from connectivity_tests where employee_id = ${person.id}`)) as unknown as { n: number }[];
  expect(left[0].n).toBe(1);
});
