import { describe, expect, test } from "vitest";
import { formatPhone, normalisePhone, optionalPhone, telHref } from "@/lib/contact/phone";

// Issue 13 point 2: the phone a person gives ("how can IT reach you") and the roster's phone
// column are read by one rule: the written forms people use in Switzerland and abroad, stored
// as E.164, shown grouped as people write them.

describe("normalisePhone: accepted forms → E.164", () => {
  test.each([
    ["079 123 45 67", "+41791234567"],
    ["0791234567", "+41791234567"],
    ["+41 79 123 45 67", "+41791234567"],
    ["+41791234567", "+41791234567"],
    ["0041 79 123 45 67", "+41791234567"],
    ["+41 (0)79 123 45 67", "+41791234567"],
    ["+41 079 123 45 67", "+41791234567"],
    ["044 123 45 67", "+41441234567"],
    ["044/123.45.67", "+41441234567"],
    ["021-123-45-67", "+41211234567"],
    ["0800 123 456", "+41800123456"],
    ["  079\u00a0123\u00a045\u00a067  ", "+41791234567"],
    ["+33 6 12 34 56 78", "+33612345678"],
    ["0033 6 12 34 56 78", "+33612345678"],
    ["+49 151 23456789", "+4915123456789"],
    ["+1 (415) 555-2671", "+14155552671"],
    ["+423 234 56 78", "+4232345678"],
    ["+39 02 1234 5678", "+390212345678"],
    ["+999 1234 5678 901", "+99912345678901"],
  ])("%j → %s", (raw, e164) => {
    expect(normalisePhone(raw)).toEqual({ ok: true, e164 });
  });
});

describe("normalisePhone: refused, with the reason as an errors.* key", () => {
  test.each([
    ["abc", "phoneInvalid"],
    ["079 123 45 6x", "phoneInvalid"],
    ["call me", "phoneInvalid"],
    ["079\u0000 123 45 67", "phoneInvalid"],
    ["079\n123 45 67", "phoneInvalid"],
    ["+41 79 123 + 45 67", "phoneInvalid"],
    ["++41 79 123 45 67", "phoneInvalid"],
    ["79 123 45 67", "phoneInvalid"], // no 0, no country code: which country?
    ["41 79 123 45 67", "phoneInvalid"],
    ["000 79 123 45 67", "phoneInvalid"], // a country code never starts with 0
    ["+0 79 123 45 67", "phoneInvalid"],
    ["", "phoneInvalid"],
    ["   ", "phoneInvalid"],
    ["079 123 45", "phoneTooShort"],
    ["+41 79 123 45", "phoneTooShort"],
    ["1818", "phoneInvalid"], // a Swiss short number: no 0, no country code
    ["+33 12", "phoneTooShort"],
    ["079 123 45 678", "phoneTooLong"],
    ["+41 79 123 45 678", "phoneTooLong"],
    ["+49 1512 3456 7890 12", "phoneTooLong"], // 16 digits: beyond E.164
    [`+41 ${"1".repeat(60)}`, "phoneTooLong"],
    ["0000000000", "phoneInvalid"],
  ])("%j → %s", (raw, error) => {
    expect(normalisePhone(raw)).toEqual({ ok: false, error });
  });
});

describe("formatPhone: grouped as people write them", () => {
  test.each([
    ["+41791234567", "+41 79 123 45 67"],
    ["+41441234567", "+41 44 123 45 67"],
    ["+41800123456", "+41 800 123 456"],
    ["+33612345678", "+33 6 12 34 56 78"],
    ["+4915123456789", "+49 151 234 567 89"],
    ["+14155552671", "+1 415 555 2671"],
    ["+4232345678", "+423 234 5678"],
  ])("%s → %s", (e164, shown) => {
    expect(formatPhone(e164)).toBe(shown);
  });

  test("what the normaliser returns, formatted, normalises back to itself", () => {
    for (const raw of ["079 123 45 67", "+33 6 12 34 56 78", "+1 415 555 2671", "+423 234 56 78", "0800 123 456"]) {
      const first = normalisePhone(raw);
      expect(first.ok).toBe(true);
      if (first.ok) expect(normalisePhone(formatPhone(first.e164))).toEqual(first);
    }
  });

  test("the tel: link carries the E.164 form", () => {
    expect(telHref("+41791234567")).toBe("tel:+41791234567");
  });
});

describe("optionalPhone: the one field schema of every phone field", () => {
  test.each([
    [undefined, undefined],
    ["", undefined],
    ["   ", undefined],
    ["079 123 45 67", "+41791234567"],
    ["+41 79 123 45 67", "+41791234567"],
  ])("%j → %j", (raw, parsed) => {
    const result = optionalPhone.safeParse(raw);
    expect(result.success).toBe(true);
    expect(result.data).toBe(parsed);
  });

  test.each([
    ["abc", "phoneInvalid"],
    ["079 123 45", "phoneTooShort"],
    ["x".repeat(500), "phoneTooLong"],
    [42, "phoneInvalid"],
  ])("%j is refused with %s", (raw, key) => {
    const result = optionalPhone.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([key]);
  });
});
