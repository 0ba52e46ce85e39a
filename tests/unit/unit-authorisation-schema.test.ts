import { zodResolver } from "@hookform/resolvers/zod";
import { describe, expect, test } from "vitest";
import { unitAuthorisationSchema } from "@/lib/rht/unit-authorisation-schema";

// The form validates with the schema and sends what the resolver returns; the action
// parses that again. Both readings must agree (issue 14 point 8).
const unitId = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
const resolve = async (values: Record<string, string>) =>
  (zodResolver(unitAuthorisationSchema as never) as (v: unknown, c: unknown, o: unknown) => Promise<{ values: unknown; errors: Record<string, { message?: string }> }>)(values, undefined, {
    fields: {},
    shouldUseNativeValidation: false,
  });

describe("the unit authorisation form's schema", () => {
  test("empty dates are no limit; the company setting drops the dates; the action reads the form's output the same", async () => {
    for (const [input, output] of [
      [{ unitId, source: "unit", from: "2026-04-16", until: "" }, { unitId, source: "unit", from: "2026-04-16", until: null }],
      [{ unitId, source: "unit", from: "", until: "2026-09-30" }, { unitId, source: "unit", from: null, until: "2026-09-30" }],
      [{ unitId, source: "company", from: "2026-04-16", until: "2026-09-30" }, { unitId, source: "company", from: null, until: null }],
    ] as const) {
      const { values, errors } = await resolve(input);
      expect(errors).toEqual({});
      expect(values).toEqual(output);
      expect(unitAuthorisationSchema.parse(values)).toEqual(output);
    }
  });

  test("the form shows the same field errors as the action", async () => {
    expect((await resolve({ unitId, source: "unit", from: "2026-05-10", until: "2026-05-09" })).errors.until?.message).toBe("authorisationEndsBeforeStart");
    expect((await resolve({ unitId, source: "unit", from: "", until: "" })).errors.from?.message).toBe("authorisationDateRequired");
    expect((await resolve({ unitId, source: "unit", from: "2026-13-01", until: "" })).errors.from?.message).toBe("dateInvalid");
  });
});
