import { describe, expect, test } from "vitest";
import { DatabaseUnavailableError, databaseUnavailableDigest, isDatabaseUnavailable, isStatementCut, toDatabaseUnavailable } from "@/lib/db/errors";

// What postgres.js, node's net module and PostgreSQL throw when the server is
// gone, restarting or full, and what drizzle / next-auth wrap them in.
const coded = (code: string, message = code) => Object.assign(new Error(message), { code });
const pg = (code: string) => Object.assign(new Error(`postgres ${code}`), { name: "PostgresError", code, severity: "FATAL" });

describe("isDatabaseUnavailable", () => {
  test.each([
    ["connection refused (server down)", coded("ECONNREFUSED")],
    ["connection reset (server killed)", coded("ECONNRESET")],
    ["broken pipe", coded("EPIPE")],
    ["TCP timeout", coded("ETIMEDOUT")],
    ["host unreachable", coded("EHOSTUNREACH")],
    ["network unreachable", coded("ENETUNREACH")],
    ["DNS lookup failed", coded("EAI_AGAIN")],
    ["postgres.js connect timeout", coded("CONNECT_TIMEOUT")],
    ["postgres.js connection closed", coded("CONNECTION_CLOSED")],
    ["postgres.js connection ended", coded("CONNECTION_ENDED")],
    ["postgres.js connection destroyed", coded("CONNECTION_DESTROYED")],
    ["admin shutdown 57P01", pg("57P01")],
    ["crash shutdown 57P02", pg("57P02")],
    ["cannot connect now 57P03 (starting up, recovering)", pg("57P03")],
    ["connection exception 08006", pg("08006")],
    ["connection does not exist 08003", pg("08003")],
    ["too many connections 53300", pg("53300")],
  ])("%s", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  test("looks through drizzle's wrapper (cause) and next-auth's", () => {
    const drizzle = Object.assign(new Error("Failed query: select 1"), { cause: coded("ECONNREFUSED") });
    expect(isDatabaseUnavailable(drizzle)).toBe(true);
    expect(isDatabaseUnavailable(new Error("GetSessionAndUserError", { cause: drizzle }))).toBe(true);
  });

  test("looks into AggregateError (a host name with several addresses)", () => {
    expect(isDatabaseUnavailable(new AggregateError([coded("ECONNREFUSED"), coded("ECONNREFUSED")]))).toBe(true);
  });

  test("its own error class counts", () => {
    expect(isDatabaseUnavailable(new DatabaseUnavailableError(coded("ECONNREFUSED")))).toBe(true);
  });

  test.each([
    ["a unique violation", pg("23505")],
    ["a serialization failure", pg("40001")],
    ["a check violation", pg("23514")],
    ["a plain bug", new TypeError("x is undefined")],
    ["a string", "ECONNREFUSED"],
    ["null", null],
    ["an object with a numeric code", { code: 500 }],
  ])("%s is not an outage", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  test("a cause cycle ends", () => {
    const a = new Error("a") as Error & { cause?: unknown };
    const b = new Error("b", { cause: a });
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe("DatabaseUnavailableError", () => {
  test("carries a fixed digest, which Next passes to the error page instead of a hash", () => {
    const error = new DatabaseUnavailableError(coded("ECONNREFUSED"));
    expect(error.digest).toBe(databaseUnavailableDigest);
    expect(error.name).toBe("DatabaseUnavailableError");
    // The message names no host, port or query: it may end up in a log or a page.
    expect(error.message).not.toMatch(/127\.0\.0\.1|select/);
  });

  test("toDatabaseUnavailable converts an outage and leaves anything else alone", () => {
    const outage = coded("ECONNRESET");
    expect(toDatabaseUnavailable(outage)).toBeInstanceOf(DatabaseUnavailableError);
    expect((toDatabaseUnavailable(outage) as Error).cause).toBe(outage);
    const bug = new TypeError("bug");
    expect(toDatabaseUnavailable(bug)).toBe(bug);
    const already = new DatabaseUnavailableError(outage);
    expect(toDatabaseUnavailable(already)).toBe(already);
  });
});

describe("isStatementCut: PostgreSQL stopped a statement at the connection's time limits", () => {
  test.each([
    ["statement timeout 57014", pg("57014"), true],
    ["lock timeout 55P03", pg("55P03"), true],
    ["wrapped by drizzle", Object.assign(new Error("Failed query"), { cause: pg("57014") }), true],
    ["unique violation 23505", pg("23505"), false],
    ["an outage is not a cut statement", coded("ECONNREFUSED"), false],
  ])("%s", (_label, error, cut) => {
    expect(isStatementCut(error)).toBe(cut);
    // A cut statement is not an outage either: the server answers, one statement was too slow.
    if (cut) expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
