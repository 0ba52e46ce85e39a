import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ActionError } from "@/lib/auth/action-error";
import { db } from "@/lib/db";
import { queuePlace } from "@/lib/devices/queue-dates";
import { requestRouter } from "@/lib/devices/service";
import { getCaseSteps, lockCase } from "@/lib/onboarding/queries";
import { getSetting } from "@/lib/settings/queries";
import { raiseTicket } from "@/lib/tickets/service";
import { latencyStats, receivedKbps } from "./line-stats";
import { issueRunTicket } from "./run-ticket";
import { connectivitySettingsSchema, defaultConnectivitySettings, probePlan, type ConnectivitySettings, type ProbePlan } from "./schema";
import { connectivityVerdict, defaultThresholds, storedUdpOk, udpOutcomeOf, type UdpOutcome, type VerdictResult } from "./verdict";

/** A run must be finished within this time; later results are refused, and its ticket expires with it. */
const runMinutes = 10;
/**
 * At most this many upload parts are kept per run (a request is one or two parts). The browser
 * sizes its requests to last the whole upload phase, so a run has a handful; this leaves room
 * for a line whose upload is much faster than its download.
 */
export const maxUploadsPerTest = 64;

export async function connectivitySettings(tx: DbOrTx = db()): Promise<ConnectivitySettings> {
  return getSetting("connectivity", connectivitySettingsSchema, defaultConnectivitySettings, tx);
}

export type TestPlan = {
  testId: string;
  /** The run's probe ticket: the browser sends it in a header with every probe request. */
  ticket: string;
  plan: ProbePlan;
  stun: ConnectivitySettings["stun"];
  gateways: { id: string; name: string; url: string }[];
};

/** Starts a run; a run still going in another tab is abandoned, so only one counts. */
export async function startConnectivityTest(tx: DbOrTx, employeeId: string, isp: string | null): Promise<TestPlan> {
  await lockCase(tx, employeeId);
  await tx.execute(sql`update connectivity_tests set status = 'abandoned' where employee_id = ${employeeId} and status = 'running'`);
  const [row] = (await tx.execute(sql`
    insert into connectivity_tests (employee_id, isp) values (${employeeId}, ${isp}) returning id`)) as unknown as { id: string }[];
  const settings = await connectivitySettings(tx);
  const ticket = issueRunTicket(row.id, employeeId, runMinutes * 60_000);
  return { testId: row.id, ticket, plan: probePlan, stun: settings.stun, gateways: settings.gateways };
}

/**
 * One upload request as the server received it (its first and last chunk); refused for a run
 * that is not this person's running one, or past the per-run cap.
 */
export async function recordUpload(testId: string, employeeId: string, bytes: number, firstByteAt: Date, lastByteAt: Date): Promise<boolean> {
  return recordUploadParts(testId, employeeId, [{ bytes, firstMs: firstByteAt.getTime(), lastMs: lastByteAt.getTime() }]);
}

/** The parts of one upload request (lib/connectivity/probe-body.ts), all or none, in one statement. */
export async function recordUploadParts(testId: string, employeeId: string, parts: { bytes: number; firstMs: number; lastMs: number }[]): Promise<boolean> {
  const inserted = await db().execute(sql`
    insert into connectivity_uploads (test_id, bytes, first_byte_at, last_byte_at)
    select ${testId}, p.bytes, p.first_byte_at, p.last_byte_at
      from jsonb_to_recordset(${JSON.stringify(parts.map((p) => ({ bytes: p.bytes, first_byte_at: new Date(p.firstMs).toISOString(), last_byte_at: new Date(p.lastMs).toISOString() })))}::jsonb)
           as p(bytes bigint, first_byte_at timestamptz, last_byte_at timestamptz)
     where exists (select 1 from connectivity_tests where id = ${testId} and employee_id = ${employeeId} and status = 'running')
       and (select count(*) from connectivity_uploads where test_id = ${testId}) + ${parts.length} <= ${maxUploadsPerTest}
    returning id`);
  return inserted.length > 0;
}

export type TestResultInput = {
  testId: string;
  latencySamples: number[];
  downloadKbps: number | null;
  udp: UdpOutcome;
  gateways: { id: string; reachable: boolean; ms: number | null }[];
};

/**
 * Finishes a run: the server computes upload speed from what it received and
 * the verdict from everything. What the portal cannot solve goes to IT, one
 * ticket per person and category however often the test is run.
 */
export async function completeConnectivityTest(tx: DbOrTx, employeeId: string, input: TestResultInput): Promise<VerdictResult & { testId: string }> {
  await lockCase(tx, employeeId);
  const [test] = (await tx.execute(sql`
    select id, (started_at > now() - make_interval(mins => ${runMinutes})) as fresh from connectivity_tests
     where id = ${input.testId} and employee_id = ${employeeId} and status = 'running'
       for update`)) as unknown as { id: string; fresh: boolean }[];
  // Someone else's run, a finished one, or a made-up id: the same refusal.
  if (!test) throw new ActionError("testNotFound");
  if (!test.fresh) throw new ActionError("testExpired");

  const settings = await connectivitySettings(tx);
  const known = new Set(settings.gateways.map((g) => g.id));
  const gateways = input.gateways.filter((g) => known.has(g.id));
  const received = (await tx.execute(sql`
    select bytes::float as bytes, extract(epoch from first_byte_at)::float * 1000 as "firstMs", extract(epoch from last_byte_at)::float * 1000 as "lastMs"
      from connectivity_uploads where test_id = ${test.id}`)) as unknown as { bytes: number; firstMs: number; lastMs: number }[];
  // Measured where the bytes arrived, after the same warm-up as the download.
  const uploadKbps = receivedKbps(received, probePlan.graceMs);
  const { latencyMs, jitterMs } = latencyStats(input.latencySamples);
  const steps = await getCaseSteps(employeeId, tx);
  const result = connectivityVerdict({ latencyMs, jitterMs, downloadKbps: input.downloadKbps, uploadKbps, udp: input.udp, gateways }, steps.path, settings.thresholds ?? defaultThresholds);

  await tx.execute(sql`
    update connectivity_tests
       set status = 'completed', completed_at = now(), latency_ms = ${latencyMs}, jitter_ms = ${jitterMs},
           download_kbps = ${input.downloadKbps}, upload_kbps = ${uploadKbps}, udp_ok = ${storedUdpOk(input.udp)},
           gateways = ${JSON.stringify(gateways)}::jsonb, verdict = ${result.verdict}, recommendation = ${result.recommendation},
           limits = ${JSON.stringify(result.limits)}::jsonb
     where id = ${test.id}`);
  await tx.execute(sql`update onboarding_cases set connectivity = ${result.verdict}, updated_at = now() where employee_id = ${employeeId}`);

  if (result.verdict === "gateway_unreachable" && steps.path !== "vdi") {
    await raiseTicket(tx, { employeeId, category: "gateway_unreachable", priority: "high", summary: "Self-test: no VPN gateway reachable on TCP 443", actorEmployeeId: employeeId });
  }
  return { ...result, testId: test.id };
}

export type TestHistoryItem = {
  id: string;
  startedAt: Date;
  isp: string | null;
  verdict: VerdictResult["verdict"] | null;
  recommendation: VerdictResult["recommendation"] | null;
  limits: string[];
  latencyMs: number | null;
  jitterMs: number | null;
  downloadKbps: number | null;
  uploadKbps: number | null;
  /** null when the browser could not test UDP (see `udp`). */
  udpOk: boolean | null;
  udp: UdpOutcome;
};

export async function listConnectivityTests(employeeId: string, limit = 10): Promise<TestHistoryItem[]> {
  const rows = (await db().execute(sql`
    select id, started_at as "startedAt", isp, verdict, recommendation, coalesce(limits, '[]'::jsonb) as limits,
           latency_ms as "latencyMs", jitter_ms as "jitterMs", download_kbps as "downloadKbps", upload_kbps as "uploadKbps", udp_ok as "udpOk"
      from connectivity_tests where employee_id = ${employeeId} and status = 'completed'
     order by started_at desc limit ${limit}`)) as unknown as (TestHistoryItem & { startedAt: string })[];
  return rows.map((r) => ({ ...r, startedAt: new Date(r.startedAt), udp: udpOutcomeOf(r.udpOk) }));
}

export type NoInternetInput = { coverage: "no"; phone?: string } | { coverage: "yes"; street: string; postcode: string; city: string; phone?: string };

/**
 * No usable connection at home. With 4G coverage: a 4G router, shipped home.
 * Without: IT takes it over (high priority).
 */
export async function reportNoInternet(tx: DbOrTx, employeeId: string, input: NoInternetInput): Promise<{ outcome: "router" | "ticket"; ticket?: number; status?: string }> {
  await lockCase(tx, employeeId);
  if (input.coverage === "yes") {
    const address = { street: input.street, postcode: input.postcode, city: input.city, ...(input.phone ? { phone: input.phone } : {}) };
    const router = await requestRouter(tx, employeeId, address);
    await tx.execute(sql`update onboarding_cases set connectivity = 'router_requested', updated_at = now() where employee_id = ${employeeId}`);
    return { outcome: "router", status: router.status };
  }
  await tx.execute(sql`update onboarding_cases set connectivity = 'no_internet', updated_at = now() where employee_id = ${employeeId}`);
  const ticket = await raiseTicket(tx, { employeeId, category: "no_connectivity", priority: "high", summary: "No internet at home and no 4G coverage", actorEmployeeId: employeeId, contactPhone: input.phone ?? null });
  return { outcome: "ticket", ticket: ticket.number };
}

/** Retention: test results are kept 30 days. */
export async function purgeOldConnectivityTests(): Promise<number> {
  const rows = await db().execute(sql`delete from connectivity_tests where started_at < now() - interval '30 days' returning id`);
  return rows.length;
}

/** The person's 4G router: its status and, while queued, their place and expected date (issue 17 point 2), as /device gives them for a laptop. */
export type RouterRequest = { status: "waiting" | "reserved" | "issued"; requestedAt: Date; position: number | null; expectedDate: Date | null } | null;

export async function getRouterRequest(employeeId: string): Promise<RouterRequest> {
  const tx = db();
  const [row] = (await tx.execute(sql`
    select id, status, requested_at as "requestedAt" from allocations
     where employee_id = ${employeeId} and kind = 'router_4g' and status in ('waiting', 'reserved', 'issued')`)) as unknown as { id: string; status: "waiting" | "reserved" | "issued"; requestedAt: string }[];
  if (!row) return null;
  const place = row.status === "waiting" ? await queuePlace(tx, { id: row.id, kind: "router_4g" }) : { position: null, expectedDate: null };
  return { status: row.status, requestedAt: new Date(row.requestedAt), ...place };
}
