import { describe, expect, test } from "vitest";
import { firstWords, providerName } from "@/lib/triage/incident-text";

describe("the internet provider as a person reads it", () => {
  test.each([
    ["swisscom", "Swisscom"],
    ["init7", "Init7"],
    ["salt", "Salt"],
    ["other:AccNet-301713", "AccNet-301713"],
    ["other:  Net+ Fribourg ", "Net+ Fribourg"],
    // A code the portal does not know (an older choice) is shown as it was stored, not hidden.
    ["cablecom", "cablecom"],
  ])("%s → %s", (code, name) => expect(providerName(code)).toBe(name));

  test("no provider, or an empty 'other', is null (the page says 'provider not given')", () => {
    expect(providerName(null)).toBeNull();
    expect(providerName("")).toBeNull();
    expect(providerName("other:")).toBeNull();
    expect(providerName("other")).toBeNull();
  });
});

describe("the first words of what the person wrote", () => {
  test("the first line, whole when short", () => expect(firstWords("My VPN drops.\nSecond line")).toBe("My VPN drops."));
  test("cut at a word with an ellipsis when long", () => {
    const words = firstWords("The connection drops every few minutes and then the VPN client asks for the token again, which is annoying", 60);
    expect(words).toBe("The connection drops every few minutes and then the VPN…");
    expect(words!.length).toBeLessThanOrEqual(61);
  });
  test("a word longer than the limit is cut inside", () => expect(firstWords("x".repeat(100), 10)).toBe(`${"x".repeat(10)}…`));
  test("blank lines and spaces before the words are skipped; nothing is null", () => {
    expect(firstWords("\n\n   Hello   there  ")).toBe("Hello there");
    expect(firstWords("  \n ")).toBeNull();
    expect(firstWords(null)).toBeNull();
  });
});
