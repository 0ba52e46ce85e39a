import { createHmac } from "node:crypto";
import http from "node:http";
import { expect, officeWorkers, test } from "./fixtures";

// The probe routes of the production build (issue 13 points 13, 15, 16), outside proxy.ts:
// only a run ticket in its header opens them, and an upload reaches its route as it arrives.

/** A run ticket as the server issues one (lib/connectivity/run-ticket.ts), signed with the e2e server's secret. */
function ticketFor(testId: string, employeeId: string, ttlMs = 600_000): string {
  const key = createHmac("sha256", "e2e-secret-that-is-long-enough-for-next-auth").update("passerelle:probe-run-ticket:v1").digest();
  const payload = Buffer.from(JSON.stringify({ t: testId, e: employeeId, x: Date.now() + ttlMs })).toString("base64url");
  return `${payload}.${createHmac("sha256", key).update(payload).digest("base64url")}`;
}

/**
 * POSTs an upload the way a slow line delivers it: `chunks` pieces `gapMs` apart. With `abortAfter`
 * the sender goes away after that many pieces (the browser stopping the test when its time is up).
 */
function slowUpload(ticket: string, chunks: number, size: number, gapMs: number, abortAfter?: number): Promise<{ status: number; body: string } | "aborted"> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${process.env.E2E_BASE_URL}/api/probe/upload`, { method: "POST", headers: { "x-probe-ticket": ticket, "content-type": "application/octet-stream" } });
    request.on("response", (response) => {
      let body = "";
      response.on("data", (d) => (body += d));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", (error) => (abortAfter === undefined ? reject(error) : resolve("aborted")));
    let sent = 0;
    const next = () => {
      if (abortAfter !== undefined && sent === abortAfter) {
        request.destroy();
        return resolve("aborted");
      }
      if (sent === chunks) return void request.end();
      request.write(Buffer.alloc(size, sent));
      sent += 1;
      setTimeout(next, gapMs);
    };
    next();
  });
}

test("probe routes open only with the run's ticket in its header, within their limits", async ({ playwright, sql }) => {
  const [email] = await officeWorkers(sql, 1, 5);
  const [{ id: employeeId }] = await sql`select id from employees where work_email = ${email}`;
  const [run] = await sql`insert into connectivity_tests (employee_id) values (${employeeId}) returning id`;
  const ticket = ticketFor(run.id, employeeId);
  const api = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
  try {
    for (const path of ["/api/probe/ping", "/api/probe/download?bytes=1000"]) {
      expect((await api.get(path)).status()).toBe(401);
      expect((await api.get(path, { headers: { "x-probe-ticket": ticketFor(run.id, employeeId, -1000) } })).status()).toBe(401);
      expect((await api.get(path, { headers: { "x-probe-ticket": `${ticket.split(".")[0]}.forged` } })).status()).toBe(401);
    }
    expect((await api.post("/api/probe/upload", { data: "x" })).status()).toBe(401);

    const withTicket = { headers: { "x-probe-ticket": ticket } };
    expect((await api.get("/api/probe/ping", withTicket)).status()).toBe(204);
    const download = await api.get("/api/probe/download?bytes=100000", withTicket);
    expect(download.status()).toBe(200);
    expect((await download.body()).length).toBe(100000);
    expect((await api.get("/api/probe/download?bytes=999999999999", withTicket)).status()).toBe(400);
    expect((await api.get("/api/probe/download?bytes=-5", withTicket)).status()).toBe(400);
    expect((await api.post("/api/probe/upload", { ...withTicket, data: Buffer.alloc(65 * 1024 * 1024) })).status()).toBe(413);
    const upload = await api.post("/api/probe/upload", { ...withTicket, data: Buffer.alloc(256 * 1024) });
    expect(upload.status()).toBe(200);
    expect(await upload.json()).toMatchObject({ bytes: 256 * 1024 });
  } finally {
    await api.dispose();
  }
});

test("an upload is stamped as its bytes arrive: a slow body's first and last chunk are apart, a stopped one still counts", async ({ sql }) => {
  const [email] = await officeWorkers(sql, 1, 6);
  const [{ id: employeeId }] = await sql`select id from employees where work_email = ${email}`;
  const [run] = await sql`insert into connectivity_tests (employee_id) values (${employeeId}) returning id`;
  const ticket = ticketFor(run.id, employeeId);

  // Five pieces 250 ms apart: the last leaves a second after the first. A body held before the
  // route saw it would have its first and last chunk at the same instant; a busy server may be
  // late for the first one, so only one gap is required.
  const slow = await slowUpload(ticket, 5, 32 * 1024, 250);
  expect(slow).not.toBe("aborted");
  const { status, body } = slow as { status: number; body: string };
  expect(status).toBe(200);
  const { bytes, ms } = JSON.parse(body) as { bytes: number; ms: number };
  expect(bytes).toBe(5 * 32 * 1024);
  expect(ms).toBeGreaterThanOrEqual(250);

  expect(await slowUpload(ticket, 10, 32 * 1024, 250, 3)).toBe("aborted");
  // The browser asks once its uploads are stopped: the answer waits until the server has recorded them.
  expect((await fetch(`${process.env.E2E_BASE_URL}/api/probe/upload`, { headers: { "x-probe-ticket": ticket } })).status).toBe(204);
  const rows = await sql`
    select bytes::int as bytes, extract(epoch from last_byte_at - first_byte_at) * 1000 as ms
      from connectivity_uploads where test_id = ${run.id} order by first_byte_at`;
  expect(rows.map((r) => r.bytes)).toEqual([5 * 32 * 1024, 3 * 32 * 1024]);
  expect(Number(rows[0].ms)).toBeGreaterThanOrEqual(250);
});
