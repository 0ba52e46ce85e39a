import { afterEach, expect, test, vi } from "vitest";
import { z } from "zod";
import { defineAction } from "@/lib/auth/action";
import { NestedConnectionError } from "@/lib/db/scope";
import { serializeError } from "@/lib/log/errors";
import { logger } from "@/lib/log/logger";
import { createEmployee } from "../support/factories";
import { asPerson, personOf } from "../support/request-person";

vi.mock("@/lib/auth/session", async () => (await import("../support/request-person")).sessionModule);
afterEach(() => vi.restoreAllMocks());

// An action that fails for a reason nobody foresaw answers "unexpected", and its log line says
// what failed: the error's type, its code and scrubbed message, without the values it carried.
// It used to log the type alone ("Error"): 3 of 2,000 device requests at once failed that way
// over HTTP and the line did not say it was postgres.js's UNSAFE_TRANSACTION.

const address = "anna.muster@example.ch";

test.each([
  ["the driver's own error", Object.assign(new Error(`UNSAFE_TRANSACTION: Only use sql.begin (${address})`), { code: "UNSAFE_TRANSACTION" }), "UNSAFE_TRANSACTION"],
  ["a nesting bug", new NestedConnectionError(), "NestedConnectionError"],
])("%s is named in the log, its values are not", async (_name, failure, named) => {
  const employee = await createEmployee({});
  const action = defineAction({ name: "test.fails", schema: z.object({}), access: { roles: ["employee"] }, handler: async () => Promise.reject(failure) });
  const error = vi.spyOn(logger, "error");
  expect(await asPerson(personOf(employee), () => action({}))).toMatchObject({ ok: false, formError: "unexpected" });
  expect(error).toHaveBeenCalledTimes(1);
  const [fields, message] = error.mock.calls[0] as unknown as [{ action: string; err: unknown }, string];
  expect(message).toBe("action failed");
  expect(fields.action).toBe("test.fails");
  const line = JSON.stringify(serializeError(fields.err));
  expect(line).toContain(named);
  expect(line).not.toContain(address);
});
