import { EventEmitter } from "node:events";
import http from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bypassesAdmission, createAdmission, installAdmission, type Admission } from "@/lib/http/admission";

/** A request and its response as the queue sees them: events and three flags. */
function exchange() {
  const request = Object.assign(new EventEmitter(), { destroyed: false }) as unknown as IncomingMessage;
  const response = Object.assign(new EventEmitter(), { destroyed: false, writableEnded: false }) as unknown as ServerResponse & EventEmitter;
  return {
    request,
    response,
    finish: () => {
      Object.assign(response, { writableEnded: true });
      response.emit("finish");
    },
    clientLeaves: () => {
      Object.assign(request, { destroyed: true });
      Object.assign(response, { destroyed: true });
      response.emit("close");
    },
  };
}

/** Timers the test fires by hand: no clock, no flakiness on a busy machine. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let id = 0;
  return {
    set: (fn: () => void) => (pending.set(++id, fn), id),
    clear: (timer: unknown) => void pending.delete(timer as number),
    fireAll: () => [...pending.entries()].forEach(([key, fn]) => (pending.delete(key), fn())),
    count: () => pending.size,
  };
}

function queue(limit: number) {
  const timers = manualTimers();
  const admission = createAdmission({ limit, holdMs: 1_000, timers });
  const started: string[] = [];
  const send = (name: string, into: Admission = admission) => {
    const x = exchange();
    into.admit(x.request, x.response, () => started.push(name));
    return x;
  };
  return { admission, timers, started, send };
}

describe("admission: first come, first served once busy", () => {
  test("up to the limit start at once; the rest wait and start in arrival order as places free", () => {
    const { admission, started, send } = queue(2);
    const a = send("a");
    const b = send("b");
    send("c");
    send("d");
    expect(started).toEqual(["a", "b"]);
    expect(admission.stats()).toEqual({ active: 2, waiting: 2 });
    b.finish();
    expect(started).toEqual(["a", "b", "c"]);
    a.finish();
    expect(started).toEqual(["a", "b", "c", "d"]);
    expect(admission.stats()).toEqual({ active: 2, waiting: 0 });
  });

  test("a newcomer does not overtake those already waiting", () => {
    const { started, send } = queue(1);
    const a = send("a");
    send("b");
    a.finish();
    send("c");
    expect(started).toEqual(["a", "b"]);
  });

  test("a response that ends twice (finish, then close) frees one place only", () => {
    const { admission, send } = queue(2);
    const a = send("a");
    send("b");
    a.finish();
    a.response.emit("close");
    expect(admission.stats()).toEqual({ active: 1, waiting: 0 });
  });

  test("a client that leaves frees its place; one that left while waiting is never started", () => {
    const { admission, started, send } = queue(1);
    const a = send("a");
    const b = send("b");
    send("c");
    b.clientLeaves();
    a.clientLeaves();
    expect(started).toEqual(["a", "c"]);
    expect(admission.stats()).toEqual({ active: 1, waiting: 0 });
  });

  test("a long request (a download, a lock wait) gives its place up after holdMs and runs on", () => {
    const { admission, timers, started, send } = queue(1);
    const download = send("download");
    send("page");
    expect(started).toEqual(["download"]);
    timers.fireAll();
    expect(started).toEqual(["download", "page"]);
    download.finish();
    expect(admission.stats()).toEqual({ active: 1, waiting: 0 });
  });

  test("a handler that throws at once frees its place", () => {
    const { admission } = queue(1);
    const x = exchange();
    expect(() =>
      admission.admit(x.request, x.response, () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(admission.stats()).toEqual({ active: 0, waiting: 0 });
  });

  test.each([
    ["/_next/static/chunks/app.js", true],
    ["/_next/image?url=x", true],
    ["/api/health", true],
    ["/api/probe/download?bytes=1000", true],
    ["/api/probe/ping", true],
    ["/", false],
    ["/it?q=x", false],
    ["/api/healthy", false],
    ["/hr/export?month=2026-11", false],
    ["/api/imports/roster", false],
  ])("%s never waits: %s", (url, bypass) => {
    expect(bypassesAdmission(url)).toBe(bypass);
  });
});

describe("admission in a real HTTP server", () => {
  let server: http.Server;
  let url = "";
  const order: string[] = [];
  const held: (() => void)[] = [];
  let admission: Admission;

  beforeAll(async () => {
    // The queue of this test process's servers: one place, a second's hold (never reached here).
    admission = installAdmission(createAdmission({ limit: 1, holdMs: 60_000 }));
    server = http.createServer((request, response) => {
      order.push(request.url!);
      if (request.url === "/slow") held.push(() => response.end("slow"));
      else response.end(request.url);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test("a page waits for the one being rendered; the health check does not", async () => {
    const slow = fetch(`${url}/slow`).then((r) => r.text());
    await expect.poll(() => admission.stats().active).toBe(1);
    const page = fetch(`${url}/page`).then((r) => r.text());
    await expect.poll(() => admission.stats().waiting).toBe(1);
    // The health check answers while the page still waits.
    expect(await (await fetch(`${url}/api/health`)).text()).toBe("/api/health");
    expect(order).toEqual(["/slow", "/api/health"]);
    expect(admission.stats()).toEqual({ active: 1, waiting: 1 });
    const last = fetch(`${url}/last`).then((r) => r.text());
    await expect.poll(() => admission.stats().waiting).toBe(2);
    // The slow page ends: the others run in the order they came.
    held.splice(0).forEach((end) => end());
    expect([await slow, await page, await last]).toEqual(["slow", "/page", "/last"]);
    expect(order).toEqual(["/slow", "/api/health", "/page", "/last"]);
    expect(admission.stats()).toEqual({ active: 0, waiting: 0 });
  });
});
