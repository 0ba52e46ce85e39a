import { describe, expect, test } from "vitest";
import { normalizeEmail, signInSchema } from "@/lib/auth/schema";

describe("signInSchema", () => {
  test.each<[string, string]>([
    ["jane@example.ch", "jane@example.ch"],
    ["  Jane.Doe@Example.ch ", "Jane.Doe@Example.ch"],
    ["\tmarco+it@transalpina.test\n", "marco+it@transalpina.test"],
    [`${"a".repeat(64)}@${"b".repeat(185)}.ch`, `${"a".repeat(64)}@${"b".repeat(185)}.ch`],
  ])("accepts %j as %j", (email, expected) => {
    const result = signInSchema.safeParse({ email });
    expect(result.success && result.data.email).toBe(expected);
  });

  test.each<[string, unknown, string]>([
    ["empty", "", "emailRequired"],
    ["blank", "   ", "emailRequired"],
    ["missing", undefined, "emailRequired"],
    ["not a string", 42, "emailRequired"],
    ["no @", "not-an-email", "emailInvalid"],
    ["no domain", "jane@", "emailInvalid"],
    ["255 characters", `${"a".repeat(250)}@b.ch`, "emailTooLong"],
  ])("rejects %s with %s", (_label, email, message) => {
    const result = signInSchema.safeParse({ email });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });
});

describe("normalizeEmail", () => {
  test.each<[string, string]>([
    ["jane@example.ch", "jane@example.ch"],
    ["  Jane.Doe@Example.CH ", "jane.doe@example.ch"],
    ["ÉLODIE@DEMO.TEST", "élodie@demo.test"],
    ["ＪＡＮＥ@example.ch", "jane@example.ch"],
  ])("%j → %j", (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });
});
