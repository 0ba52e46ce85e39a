import { describe, expect, test } from "vitest";
import { formatNumber, numberLocale } from "@/lib/i18n/format";

// Numbers shown to people follow their language's Swiss conventions. Node's ICU writes
// de-CH's thousands separator as U+0027 (browsers as U+2019): the helper settles on ’
// so the server's and the browser's rendering agree, and the "2’003" holds.
describe("numbers in the person's locale", () => {
  test("Swiss German groups thousands with ’ (U+2019)", () => {
    expect(formatNumber("de", 2003)).toBe("2’003");
    expect(formatNumber("de", 1234567)).toBe("1’234’567");
    expect(numberLocale("de")).toBe("de-CH");
  });

  test("French writes a decimal comma", () => {
    expect(formatNumber("fr", 113.8, { maximumFractionDigits: 1 })).toBe("113,8");
    expect(formatNumber("fr", 113.84, { minimumFractionDigits: 1, maximumFractionDigits: 1 })).toBe("113,8");
  });

  test("English keeps the decimal point", () => {
    expect(formatNumber("en", 113.8, { maximumFractionDigits: 1 })).toBe("113.8");
  });

  test("an unknown locale falls back to the default language's format, never throws", () => {
    expect(formatNumber("xx", 113.8, { maximumFractionDigits: 1 })).toBe("113,8");
  });
});

describe("connection figures", () => {
  test("kbit/s are shown in Mbit/s with one decimal, in each language", async () => {
    const { formatMbps } = await import("@/lib/i18n/format");
    expect(formatMbps("fr", 113_800)).toBe("113,8 Mbit/s");
    expect(formatMbps("de", 2_003_000)).toBe("2’003.0 Mbit/s");
    expect(formatMbps("en", 9_400)).toBe("9.4 Mbit/s");
    expect(formatMbps("fr", null)).toBe("–");
  });

  test("milliseconds keep their unit", async () => {
    const { formatMs } = await import("@/lib/i18n/format");
    expect(formatMs("de", 2003)).toBe("2’003 ms");
    expect(formatMs("fr", 12)).toBe("12 ms");
    expect(formatMs("en", null)).toBe("–");
  });
});
