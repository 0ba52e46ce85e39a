// The device storm over HTTP (bench/device-storm.ts), the issue's own yardstick: 2,000 POSTs at
// once to the bare Next.js JSON route, then 2,000 people's device requests at once as their
// browsers send them (the server action by its id, each with its session cookie), each until the
// page shows the outcome (the page asked for again when the answer did not bring it), then the same
// again with nothing to decide, then 500 other people at once. The outcome is checked as in
// process: exactly the free laptops reserved, the rest queued, never overbooked.
import type { CurrentPerson } from "../../lib/roster/queries";
import { atOnce, untilAnswered, type Timed } from "./at-once";
import { post, refreshPage, serverActionCarriesPage, serverActionId, serverActionRequest, serverActionResult } from "./browser-requests";
import { fmt } from "./measure";
import type { NextServer } from "./next-server";
import { cpuPerRequest } from "./process-cpu";

type Answer = { ok: true; data: { status: string; created: boolean } } | { ok: false; formError: string };

export type StormWorld = {
  cookieOf: Map<string, string>;
  postgresPid: number;
  /** The laptops reserved and queued among these people. */
  laptopsOf(among: CurrentPerson[]): Promise<{ reserved: number; waiting: number }>;
  /** The laptop pool: capacity, in-use count and the rows it counts. */
  laptopPool(): Promise<{ capacity: number; in_use: number; held: number }>;
  /** These people's devices given back (their queue places too). */
  release(among: CurrentPerson[]): Promise<unknown>;
  /** The pool's in-use count recomputed, then `n` laptops free. */
  freeLaptops(n: number): Promise<void>;
  /** How many of these people have exactly one mail, and how many mails they have in all. */
  mailsTo(among: CurrentPerson[]): Promise<{ one: number; total: number }>;
  /** The actions' receipts forgotten (as after their few minutes): asking again is a new call. */
  forgetReceipts(): Promise<unknown>;
};

export type StormCrowd = {
  /** People who already asked: each server's warm-up asks again for them (nothing to decide). */
  warmers: CurrentPerson[];
  stormers: CurrentPerson[];
  bursters: CurrentPerson[];
  free: number;
  burstFree: number;
};

/** Runs the storm and the burst against `app` and `bare`; prints two lines, returns what went wrong. */
export async function stormOverHttp(label: string, app: NextServer, bare: NextServer, world: StormWorld, crowd: StormCrowd): Promise<string[]> {
  const { cookieOf } = world;
  const { warmers, stormers, bursters, free, burstFree } = crowd;
  const problems: string[] = [];
  const actionId = serverActionId(process.cwd(), "lib/devices/actions.ts", "requestDeviceAction");
  // A connection refused or reset, or "busy": the person sends again at once (counted).
  let resent = 0;
  const sentAgain = () => (resent += 1);
  let pagesAskedAgain = 0;
  const ask = (person: CurrentPerson) => {
    const { headers, body } = serverActionRequest(app.url, actionId, cookieOf.get(person.employeeId)!, [{ path: "laptop" }]);
    return untilAnswered(async () => {
      const answer = await post(`${app.url}/device`, headers, body);
      const result = serverActionResult<Answer>(answer);
      if (!result.ok && result.formError === "busy") return null;
      // Until the page shows the outcome: a form whose action's answer did not bring the page
      // asked for it again (router.refresh()), as the browser did before 2026-12-03.
      if (result.ok && !serverActionCarriesPage(answer)) {
        pagesAskedAgain += 1;
        await refreshPage(`${app.url}/device`, headers.cookie);
      }
      return result;
    }, sentAgain);
  };
  const bareRequest = untilAnswered(async () => ((await post(`${bare.url}/api/bare`, { "content-type": "application/json" }, '{"kind":"laptop"}')).status === 200 ? true : null), sentAgain);
  // What each request cost the server, PostgreSQL and this process (the browsers), in ms of CPU.
  const measured = async <T>(run: () => Promise<Timed<T>>, server: NextServer = app) => {
    const before = resent;
    const result = await cpuPerRequest([server.pid, world.postgresPid], run);
    return { ...result, resent: resent - before, cpu: `${result.cpuMs.map((ms) => fmt(ms, 1)).join(" / ")} ms` };
  };
  const refused = (answers: Answer[]) => answers.flatMap((a) => (a.ok ? [] : [a.formError]));

  // Warm-up: each server's code optimised by three rounds of 500 at once.
  for (let round = 0; round < 3; round++) {
    await atOnce(warmers.map(() => bareRequest));
    await world.forgetReceipts();
    await atOnce(warmers.map(ask));
  }
  // Nobody waiting any more (the queue would take the free laptops first), then `free` free.
  await world.release(warmers);
  await world.freeLaptops(free);
  const bareRun = await measured(() => atOnce(stormers.map(() => bareRequest)), bare);
  const askedBefore = pagesAskedAgain;
  const run = await measured(() => atOnce(stormers.map(ask)));
  const askedAgain = pagesAskedAgain - askedBefore;
  const taken = await world.laptopsOf(stormers);
  const pool = await world.laptopPool();
  if (refused(run.results).length > 0) problems.push(`${label}: ${refused(run.results).length} refused (${[...new Set(refused(run.results))].join(", ")})`);
  if (taken.reserved !== free || taken.waiting !== stormers.length - free) problems.push(`${label}: ${taken.reserved} reserved and ${taken.waiting} queued, expected ${free} and ${stormers.length - free}`);
  if (pool.in_use !== pool.held || pool.in_use > pool.capacity) problems.push(`${label}: overbooked or miscounted: ${JSON.stringify(pool)}`);
  // Each person told once (a laptop reserved, or their place in the queue): no mail lost, none twice.
  const mails = await world.mailsTo(stormers);
  if (mails.one !== stormers.length || mails.total !== stormers.length) problems.push(`${label}: ${mails.total} mails, ${mails.one} of ${stormers.length} people with exactly one`);
  await world.forgetReceipts();
  const again = await measured(() => atOnce(stormers.map(ask)));
  if (again.results.some((a) => !a.ok || a.data.created)) problems.push(`${label}: asking again changed something or was refused`);
  const ratio = run.rps / bareRun.rps;
  console.log(
    `device storm over HTTP${label}, ${fmt(stormers.length)} requests at once, ${fmt(free)} free: ${fmt(run.rps)} req/s = ${fmt(ratio, 2)}× the bare JSON route ` +
      `(${fmt(bareRun.rps)} req/s, p95 ${fmt(bareRun.p95)} ms) (target ≥ 0.3×) ${ratio >= 0.3 ? "OK" : "SLOW"}; ${fmt(run.rps / again.rps, 2)}× the same action with nothing to decide ` +
      `(${fmt(again.rps)} req/s); p50 ${fmt(run.p50)} ms, p95 ${fmt(run.p95)} ms, max ${fmt(run.max)} ms; ${taken.reserved} reserved, ${taken.waiting} queued, ` +
      `in use ${pool.in_use} of ${pool.capacity}; one mail each; sent again (busy, refused or reset): ${run.resent} (bare route: ${bareRun.resent}); ` +
      `${askedAgain === 0 ? "each answer brought its page" : `the page asked for again after ${fmt(askedAgain)} answers`}; ` +
      `CPU a request, server / PostgreSQL / browsers: ${run.cpu} (nothing to decide ${again.cpu}; bare route ${bareRun.cpu})`,
  );

  await world.release(stormers);
  await world.freeLaptops(burstFree);
  const burstRun = await measured(() => atOnce(bursters.map(ask)));
  const burstTaken = await world.laptopsOf(bursters);
  if (refused(burstRun.results).length > 0 || burstTaken.reserved !== burstFree) problems.push(`burst over HTTP${label}: ${burstTaken.reserved} reserved, refused ${refused(burstRun.results).join(", ")}`);
  console.log(
    `device requests over HTTP${label}, ${fmt(bursters.length)} at once (${fmt(burstFree)} free): ${fmt(burstRun.rps)} req/s, p50 ${fmt(burstRun.p50)} ms, p95 ${fmt(burstRun.p95)} ms, ` +
      `max ${fmt(burstRun.max)} ms (sent again: ${burstRun.resent}) (target p95 < 2,000 ms) ${burstRun.p95 < 2000 ? "OK" : "SLOW"}`,
  );
  return problems;
}
