import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { employees } from "@/db/schema";
import { db } from "@/lib/db";
import { createLogger } from "@/lib/log/logger";
import { createEmployee } from "../support/factories";

// A failing query whose parameters hold an address and a token hash is logged
// the way the app logs errors; the captured lines must hold neither.

function captured() {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  const log = createLogger(stream as never);
  log.level = "info";
  return { log, text: () => lines.join("") };
}

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the query to fail");
}

const address = "anna.muster@example.ch";
const tokenHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

describe("database errors are logged without their parameters", () => {
  test("a unique violation (PostgreSQL echoes the value in detail) through drizzle", async () => {
    await createEmployee({ workEmail: address });
    const error = await failure(() => db().insert(employees).values({ number: "X1", firstName: "A", lastName: "B", workEmail: address, jobFamily: tokenHash }));
    expect(String((error as Error).message)).toContain(address); // drizzle's message holds the parameters…
    const { log, text } = captured();
    log.error({ err: error }, "action failed");
    log.error(error as Error);
    log.warn({ error }, "retrying");
    expect(text()).not.toContain(address); // …the log line does not
    expect(text()).not.toContain(tokenHash);
    expect(text()).toContain("23505"); // what it was stays readable
  });

  test("a value PostgreSQL refuses and echoes in its message", async () => {
    const error = await failure(() => db().execute(sql`select ${address}::uuid, ${tokenHash}::int`));
    const { log, text } = captured();
    log.error({ err: error }, "query failed");
    expect(text()).not.toContain(address);
    expect(text()).not.toContain("anna.muster");
    expect(text()).not.toContain(tokenHash);
    expect(text()).toContain("22P02");
  });

  test("the driver's own error, without drizzle around it", async () => {
    const client = (db() as unknown as { $client: (s: TemplateStringsArray, ...v: unknown[]) => Promise<unknown> }).$client;
    const error = await failure(() => client`select ${address}::date, ${tokenHash}`);
    const { log, text } = captured();
    log.error({ err: error, job: "mail" }, "background job failed");
    expect(text()).not.toContain(address);
    expect(text()).not.toContain(tokenHash);
  });
});
