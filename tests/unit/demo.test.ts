import { describe, expect, test } from "vitest";
import { avsNumber } from "@/db/seed/demo";

/** Independent EAN-13 check: weights 1,3,1,3,… over all 13 digits sum to a multiple of 10. */
function isValidEan13(digits: string): boolean {
  const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return digits.length === 13 && sum % 10 === 0;
}

describe("avsNumber", () => {
  // Check digits computed by hand: sum of 7·1 + 5·3 + 6·1 + d4·3 + d5·1 + … over the
  // first 12 digits, then (10 − sum mod 10) mod 10.
  test.each<[string, string]>([
    ["921707698", "756.9217.0769.85"], // sum 125 → 5 (a known valid AVS number)
    ["921707698000", "756.9217.0769.85"], // only the first 9 digits after 756 are used
    ["123456789", "756.1234.5678.97"], // sum 123 → 7 (the usual specimen number)
    ["000000000", "756.0000.0000.02"], // sum 28 → 2
    ["400000000", "756.4000.0000.00"], // sum 40 → 0
    ["100000000000", "756.1000.0000.09"], // sum 31 → 9 (a demo-account input)
    ["999999999", "756.9999.9999.91"], // sum 28 + 9·(3+1+3+1+3+1+3+1+3) = 199 → 1
  ])("%s → %s", (input, expected) => {
    expect(avsNumber(input)).toBe(expected);
  });

  test.each(["921707698", "123456789", "000000000", "555555555123", "314159265358"])(
    "%s gives the 756.dddd.dddd.dd format and a valid EAN-13",
    (input) => {
      const avs = avsNumber(input);
      expect(avs).toMatch(/^756\.\d{4}\.\d{4}\.\d{2}$/);
      expect(isValidEan13(avs.replaceAll(".", ""))).toBe(true);
    },
  );
});
