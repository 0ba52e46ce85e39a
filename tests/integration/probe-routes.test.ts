import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { GET as download } from "@/app/api/probe/download/route";
import { GET as ping } from "@/app/api/probe/ping/route";
import { POST as upload } from "@/app/api/probe/upload/route";
import { issueRunTicket, ticketHeader, verifyRunTicket } from "@/lib/connectivity/run-ticket";
import { probeLimits } from "@/lib/connectivity/schema";
import { startConnectivityTest } from "@/lib/connectivity/service";
import { db } from "@/lib/db";
import { createEligibleEmployees, seedJourney } from "../support/factories";

// The probe routes as the browser calls them (issue 13 points 13 and 15): no session, no
// proxy, only the run ticket in its header. Database and handlers are real.
const origin = "http://passerelle.test";
const start = (employeeId: string) => db().transaction((tx) => startConnectivityTest(tx, employeeId, null));
const withTicket = (ticket: string | null, init: RequestInit = {}) => ({ ...init, headers: { ...(ticket ? { [ticketHeader]: ticket } : {}), ...(init.headers as Record<string, string>) } });
const get = (path: string, ticket: string | null) => new Request(`${origin}${path}`, withTicket(ticket));
const post = (ticket: string | null, body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(`${origin}/api/probe/upload`, { ...withTicket(ticket, { method: "POST", headers }), body, duplex: "half" } as RequestInit);

/** A body that sends `chunks` pieces of `size` bytes, `gapMs` apart, then ends, or fails (a sender that went away). */
function slowBody(chunks: number, size: number, gapMs: number, fail = false): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    async pull(controller) {
      if (sent === chunks) return fail ? controller.error(new Error("aborted")) : controller.close();
      if (sent > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
      controller.enqueue(new Uint8Array(size));
      sent += 1;
    },
  });
}

beforeAll(seedJourney);

describe("run tickets", () => {
  test("good for its run until it expires; altered, forged or expired ones are nothing", () => {
    const now = Date.now();
    const ticket = issueRunTicket("7d0f2d6c-8a53-4c52-9e55-3d7a3f1a2b4c", "e1", 60_000, now);
    expect(verifyRunTicket(ticket, now)).toEqual({ testId: "7d0f2d6c-8a53-4c52-9e55-3d7a3f1a2b4c", employeeId: "e1", expiresAt: now + 60_000 });
    expect(verifyRunTicket(ticket, now + 60_000)).toBeNull();
    const [payload, signature] = ticket.split(".");
    const otherRun = Buffer.from(JSON.stringify({ t: "another", e: "e1", x: now + 60_000 })).toString("base64url");
    for (const bad of [`${otherRun}.${signature}`, `${payload}.${signature.slice(0, -2)}AA`, `${payload}.`, payload, `${ticket}.x`, "", "x".repeat(600)]) {
      expect(verifyRunTicket(bad, now)).toBeNull();
    }
  });
});

describe("the probe routes", () => {
  test("answer only with a valid ticket in its header; a ticket in the URL is not looked at", async () => {
    const [person] = await createEligibleEmployees(1);
    const { ticket } = await start(person.id);
    expect((await ping(get("/api/probe/ping", ticket))).status).toBe(204);
    expect((await ping(get("/api/probe/ping", null))).status).toBe(401);
    expect((await ping(get(`/api/probe/ping?ticket=${encodeURIComponent(ticket)}`, null))).status).toBe(401);
    expect((await ping(get("/api/probe/ping", issueRunTicket("x", person.id, -1)))).status).toBe(401);
    expect((await download(get("/api/probe/download?bytes=1000", null))).status).toBe(401);
    expect((await upload(post(null, new Uint8Array(10)))).status).toBe(401);
  });

  test("a ping never waits for the database: it answers while every pooled connection is busy", async () => {
    const [person] = await createEligibleEmployees(1);
    const { ticket } = await start(person.id);
    let databaseFree = false;
    // More sleepers than the pool has connections: anything that needs the pool now queues behind them.
    const busy = Promise.all(Array.from({ length: 12 }, () => db().execute(sql`select pg_sleep(2)`))).then(() => {
      databaseFree = true;
    });
    const statuses = [];
    for (let i = 0; i < 10; i += 1) statuses.push((await ping(get("/api/probe/ping", ticket))).status);
    expect(statuses).toEqual(Array(10).fill(204));
    expect(databaseFree).toBe(false);
    await busy;
  });

  test("download: an asked size exactly, otherwise a stream the browser stops; streams per run are capped", async () => {
    const [person] = await createEligibleEmployees(1);
    const { ticket } = await start(person.id);
    const sized = await download(get("/api/probe/download?bytes=100000", ticket));
    expect(sized.status).toBe(200);
    expect((await sized.arrayBuffer()).byteLength).toBe(100000);
    for (const bad of ["bytes=-5", `bytes=${probeLimits.maxDownloadBytes + 1}`, "bytes=lots"]) expect((await download(get(`/api/probe/download?${bad}`, ticket))).status).toBe(400);

    const open = [];
    for (let i = 0; i < probeLimits.maxStreamsPerRun; i += 1) open.push(await download(get("/api/probe/download", ticket)));
    expect(open.map((r) => r.status)).toEqual(Array(probeLimits.maxStreamsPerRun).fill(200));
    expect(open[0].headers.get("content-length")).toBeNull();
    const reader = open[0].body!.getReader();
    let read = 0;
    while (read < 1024 * 1024) read += (await reader.read()).value!.byteLength;
    expect((await download(get("/api/probe/download", ticket))).status).toBe(429);
    // Stopping streams frees their slots.
    await reader.cancel();
    for (const r of open.slice(1)) await r.body!.cancel();
    expect((await download(get("/api/probe/download?bytes=10", ticket))).status).toBe(200);
  });

  test("upload: stamped where the bytes arrive, first and last chunk apart; a stopped upload counts for what arrived", async () => {
    const [person] = await createEligibleEmployees(1);
    const { testId, ticket } = await start(person.id);
    const response = await upload(post(ticket, slowBody(5, 16 * 1024, 60)));
    expect(response.status).toBe(200);
    const { bytes, ms } = (await response.json()) as { bytes: number; ms: number };
    expect(bytes).toBe(5 * 16 * 1024);
    // Four gaps of 60 ms between the first and the last chunk (timers never fire early).
    expect(ms).toBeGreaterThanOrEqual(4 * 60 - 5);

    await upload(post(ticket, slowBody(3, 16 * 1024, 20, true)));
    const rows = (await db().execute(sql`
      select bytes::int as bytes, extract(epoch from last_byte_at - first_byte_at) * 1000 > 0 as spread
        from connectivity_uploads where test_id = ${testId} order by bytes desc`)) as unknown as { bytes: number; spread: boolean }[];
    expect(rows).toEqual([{ bytes: 5 * 16 * 1024, spread: true }, { bytes: 3 * 16 * 1024, spread: true }]);
  });

  test("the browser's last question (are my uploads in?) is answered by any instance, not only the one receiving them", async () => {
    const [person] = await createEligibleEmployees(1);
    const { testId, ticket } = await start(person.id);
    // A second instance: the same route code with its own process state (what `npm start`'s
    // workers or instances behind a load balancer each have), on the same database.
    const holder = globalThis as { __passerelleProbeStreams?: unknown };
    const own = holder.__passerelleProbeStreams;
    delete holder.__passerelleProbeStreams;
    vi.resetModules();
    const other = await import("@/app/api/probe/upload/route");
    holder.__passerelleProbeStreams = own;

    let pulled = 0;
    let reading: () => void = () => {};
    const started = new Promise<void>((resolve) => (reading = resolve));
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (pulled === 6) return controller.close();
        if (pulled > 0) await new Promise((resolve) => setTimeout(resolve, 80));
        controller.enqueue(new Uint8Array(16 * 1024));
        pulled += 1;
        if (pulled === 2) reading();
      },
    });
    const uploading = upload(post(ticket, body));
    await started;
    // Asked of the other instance while this one is still receiving: it answers once the upload is recorded.
    expect((await other.GET(get("/api/probe/upload", ticket))).status).toBe(204);
    const rows = (await db().execute(sql`select count(*)::int as n, coalesce(sum(bytes), 0)::int as bytes from connectivity_uploads where test_id = ${testId}`)) as unknown as { n: number; bytes: number }[];
    expect(rows[0]).toMatchObject({ bytes: 6 * 16 * 1024 });
    expect((await uploading).status).toBe(200);
  });

  test("upload: past the byte cap, declared or counted, is refused without being kept", async () => {
    const [person] = await createEligibleEmployees(1);
    const { testId, ticket } = await start(person.id);
    expect((await upload(post(ticket, new Uint8Array(10), { "content-length": String(probeLimits.maxUploadBytes + 1) }))).status).toBe(413);
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    expect((await upload(post(ticket, endless))).status).toBe(413);
    expect(sent).toBeLessThan(probeLimits.maxUploadBytes + 8 * chunk.byteLength);
    const rows = (await db().execute(sql`select count(*)::int as n from connectivity_uploads where test_id = ${testId}`)) as unknown as { n: number }[];
    expect(rows[0].n).toBe(0);
  });

  test("a valid ticket for an abandoned run, or one naming someone else's run, stores nothing", async () => {
    const [owner, other] = await createEligibleEmployees(2);
    const first = await start(owner.id);
    await start(owner.id);
    expect((await upload(post(first.ticket, new Uint8Array(1000)))).status).toBe(409);
    const theirs = await start(other.id);
    const mixed = issueRunTicket(theirs.testId, owner.id, 60_000);
    expect((await upload(post(mixed, new Uint8Array(1000)))).status).toBe(409);
    const rows = (await db().execute(sql`select count(*)::int as n from connectivity_uploads where test_id in (${first.testId}, ${theirs.testId})`)) as unknown as { n: number }[];
    expect(rows[0].n).toBe(0);
  });
});

describe("counting an upload body", () => {
  test("a request lasting past the warm-up is kept as two parts, split at the first chunk after it", async () => {
    const { countBody } = await import("@/lib/connectivity/probe-body");
    const counted = await countBody(slowBody(6, 1000, 30), { maxBytes: 1e6, maxMs: 10_000, splitAfterMs: 70 });
    expect(counted.ending).toBe("complete");
    expect(counted.bytes).toBe(6000);
    expect(counted.parts).toHaveLength(2);
    expect(counted.parts[0].bytes + counted.parts[1].bytes).toBe(6000);
    expect(counted.parts[1].firstMs - counted.parts[0].firstMs).toBeGreaterThanOrEqual(70);
    expect(counted.parts[1].firstMs).toBeGreaterThan(counted.parts[0].lastMs);
  });

  test("a sender that stalls is cut off at the time cap", async () => {
    const { countBody } = await import("@/lib/connectivity/probe-body");
    const stalled = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new Uint8Array(10)) });
    const counted = await countBody(stalled, { maxBytes: 1e6, maxMs: 100, splitAfterMs: 1000 });
    expect(counted).toMatchObject({ ending: "too_long", bytes: 10 });
  });
});
