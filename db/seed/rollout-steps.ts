import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Tx } from "../client";
import { connectivityVerdict, storedUdpOk, type UdpOutcome, type VerdictResult } from "../../lib/connectivity/verdict";
import { newTotpSecret } from "../../lib/tokens/totp";
import { seal } from "../../lib/tokens/secret-box";
import { hash32, weighted, type Clock } from "./rollout-clock";
import type { Allocation } from "./rollout-devices";
import type { Story } from "./rollout-people";

// The token and connectivity steps of the people who asked for a device (a person in the
// queue may already set up both). Verdicts come from the self-test's own rule
// (lib/connectivity/verdict.ts) applied to the seeded measurements.

export type Test = { isp: string; startedAt: Date; latencyMs: number | null; jitterMs: number | null; downloadKbps: number | null; uploadKbps: number | null; udp: UdpOutcome; gatewaysUp: boolean; result: VerdictResult };
export type Steps = { token?: { status: "active" | "pending_verification"; createdAt: Date; activatedAt?: Date }; test?: Test; noInternetAt?: Date };

/** People who ran the self-test and whose gateways did not answer from one provider: a suggested incident. */
export const incidentIsp = "quickline";
const incidentSize = 6;

const isps: [string, number][] = [["swisscom", 38], ["sunrise", 20], ["salt", 14], ["quickline", 5], ["init7", 6], ["wingo", 6], ["yallo", 5], ["other:Netplus", 3], ["other:SAK", 3]];

type Profile = "good" | "limited" | "udp_blocked" | "udp_untested" | "gateway_unreachable" | "offline" | "no_internet";

function measure(story: Story, profile: Profile): Omit<Test, "isp" | "startedAt" | "result"> {
  const r = () => story.draw();
  const span = (lo: number, hi: number) => Math.round(lo + (hi - lo) * r());
  if (profile === "offline" || profile === "no_internet") return { latencyMs: null, jitterMs: null, downloadKbps: null, uploadKbps: null, udp: "untested", gatewaysUp: false };
  const slow = profile === "limited";
  return {
    latencyMs: slow ? span(90, 220) : span(9, 45),
    jitterMs: slow ? span(20, 60) : span(1, 12),
    downloadKbps: slow ? span(2_500, 8_500) : span(18_000, 160_000),
    uploadKbps: slow ? span(600, 1_700) : span(4_000, 45_000),
    udp: profile === "udp_blocked" ? "blocked" : profile === "udp_untested" ? "untested" : "open",
    gatewaysUp: profile !== "gateway_unreachable",
  };
}

export async function seedTokensAndTests(tx: Tx, clock: Clock, stories: Story[], allocations: Map<string, Allocation>, encryptionKey: Buffer): Promise<Map<string, Steps>> {
  const steps = new Map<string, Steps>();
  for (const story of stories) {
    if (!allocations.has(story.id) || story.draw() >= 0.82) continue;
    const createdAt = clock.toward(story.last, 0.01 + 0.1 * story.draw());
    const active = story.draw() < 0.9;
    const activatedAt = active ? new Date(createdAt.getTime() + (1 + Math.floor(story.draw() * 5)) * 60_000) : undefined;
    if (activatedAt && activatedAt >= clock.now) continue;
    steps.set(story.id, { token: { status: active ? "active" : "pending_verification", createdAt, activatedAt } });
    story.last = activatedAt ?? createdAt;
  }
  // The incident: the first laptop users (by a stable hash) whose self-test found no gateway, all with one provider.
  const tested = stories.filter((s) => steps.get(s.id)?.token?.status === "active" && s.draw() < 0.85);
  const byHash = tested.filter((s) => allocations.get(s.id)!.kind === "laptop").sort((a, b) => hash32(`gw:${a.number}`) - hash32(`gw:${b.number}`));
  const forced = new Map<string, [Profile, string]>(byHash.slice(0, incidentSize + 2).map((s, i) => [s.id, ["gateway_unreachable", i < incidentSize ? incidentIsp : i === incidentSize ? "swisscom" : "salt"]]));
  for (const story of tested) {
    const path = allocations.get(story.id)!.kind === "laptop" ? "laptop" : "vdi";
    const [profile, isp] = forced.get(story.id) ?? [
      weighted<Profile>(story.draw(), [["good", 64], ["limited", 16], ["udp_blocked", 11], ["udp_untested", 2], ["offline", 3], ["no_internet", 4]]),
      weighted(story.draw(), isps),
    ];
    const startedAt = clock.toward(story.last, 0.01 + 0.2 * story.draw());
    const m = measure(story, profile);
    const result = connectivityVerdict({ ...m, gateways: [{ reachable: m.gatewaysUp }, { reachable: m.gatewaysUp }] }, path);
    const own = steps.get(story.id)!;
    own.test = { ...m, isp, startedAt, result };
    story.last = new Date(startedAt.getTime() + 30_000);
    // No usable internet at home and no 4G coverage: the person says so, IT takes it over.
    if (profile === "no_internet") own.noInternetAt = story.last = clock.toward(story.last, 0.02);
  }
  await insertTokens(tx, stories, steps, encryptionKey);
  await insertTests(tx, stories, steps);
  return steps;
}

async function insertTokens(tx: Tx, stories: Story[], steps: Map<string, Steps>, encryptionKey: Buffer) {
  const rows = stories.flatMap((s) => {
    const token = steps.get(s.id)?.token;
    return token ? [{ employee_id: s.id, status: token.status, secret: seal(newTotpSecret(), encryptionKey), created_at: token.createdAt, activated_at: token.activatedAt ?? null }] : [];
  });
  await tx.execute(sql`
    insert into mfa_tokens (employee_id, type, status, secret_enc, created_at, activated_at)
    select x.employee_id, 'totp', x.status::mfa_status, x.secret, x.created_at, x.activated_at
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(employee_id uuid, status text, secret text, created_at timestamptz, activated_at timestamptz)`);
  // Ten recovery codes per activated token, as verifyTotp issues them; nobody knows these.
  const codes = rows.filter((r) => r.status === "active").flatMap((r) => Array.from({ length: 10 }, () => ({ employee_id: r.employee_id, hash: randomBytes(32).toString("hex"), at: r.activated_at })));
  await tx.execute(sql`
    insert into recovery_codes (employee_id, code_hash, created_at)
    select x.employee_id, x.hash, x.at from jsonb_to_recordset(${JSON.stringify(codes)}::jsonb) as x(employee_id uuid, hash text, at timestamptz)`);
}

async function insertTests(tx: Tx, stories: Story[], steps: Map<string, Steps>) {
  const rows = stories.flatMap((s) => {
    const test = steps.get(s.id)?.test;
    if (!test) return [];
    const ms = (up: boolean, base: number) => (up && test.latencyMs !== null ? test.latencyMs + base : null);
    return [{
      employee_id: s.id,
      isp: test.isp,
      latency: test.latencyMs,
      jitter: test.jitterMs,
      down: test.downloadKbps,
      up: test.uploadKbps,
      udp: storedUdpOk(test.udp),
      gateways: [{ id: "zrh", reachable: test.gatewaysUp, ms: ms(test.gatewaysUp, 6) }, { id: "lsn", reachable: test.gatewaysUp, ms: ms(test.gatewaysUp, 9) }],
      verdict: test.result.verdict,
      recommendation: test.result.recommendation,
      limits: test.result.limits,
      started_at: test.startedAt,
      connectivity: steps.get(s.id)!.noInternetAt ? "no_internet" : test.result.verdict,
      updated_at: steps.get(s.id)!.noInternetAt ?? new Date(test.startedAt.getTime() + 30_000),
    }];
  });
  await tx.execute(sql`
    insert into connectivity_tests (employee_id, status, isp, latency_ms, jitter_ms, download_kbps, upload_kbps, udp_ok, gateways, verdict, recommendation, limits, started_at, completed_at)
    select x.employee_id, 'completed', x.isp, x.latency, x.jitter, x.down, x.up, x.udp, x.gateways, x.verdict::connectivity_verdict, x.recommendation, x.limits,
           x.started_at, x.started_at + interval '30 seconds'
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(employee_id uuid, isp text, latency int, jitter int, down int, up int, udp boolean, gateways jsonb,
           verdict text, recommendation text, limits jsonb, started_at timestamptz)`);
  await tx.execute(sql`
    update onboarding_cases c set connectivity = x.connectivity::connectivity_status, updated_at = x.updated_at
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(employee_id uuid, connectivity text, updated_at timestamptz)
     where c.employee_id = x.employee_id`);
}
