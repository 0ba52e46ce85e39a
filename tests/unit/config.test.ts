import { describe, expect, test } from "vitest";
import { isLocale, negotiateLocale, type Locale } from "@/lib/i18n/config";

describe("negotiateLocale", () => {
  test.each<[string | null | undefined, Locale | null]>([
    ["de-CH,de;q=0.9,en;q=0.8", "de"],
    ["it-CH,it;q=0.9,fr;q=0.5", "fr"],
    ["en-GB", "en"],
    ["FR-ch", "fr"],
    ["es", null],
    ["*", null],
    [null, null],
    [undefined, null],
    ["", null],
    ["en;q=0,fr;q=0.1", "fr"],
    ["en;q=0", null],
    ["en;q=0.2,de;q=0.8", "de"],
    ["de;q=0.5,en;q=0.5", "de"],
    ["en;q=0.5,de;q=0.5", "en"],
    ["en; q=0.9, de", "de"],
    ["en;q=abc,de;q=0.1", "de"],
  ])("%j → %j", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe("isLocale", () => {
  test.each<[unknown, boolean]>([
    ["fr", true],
    ["de", true],
    ["en", true],
    ["it", false],
    ["FR", false],
    ["fr-CH", false],
    ["", false],
    [null, false],
    [42, false],
  ])("%j → %s", (value, expected) => {
    expect(isLocale(value)).toBe(expected);
  });
});
