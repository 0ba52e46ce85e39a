import { createTranslator } from "next-intl";
import { describe, expect, test, vi } from "vitest";
import de from "@/messages/de.json";

const request = { locale: "de" };
vi.mock("next-intl/server", () => ({ getLocale: async () => request.locale }));
const { getTranslations } = await import("@/lib/i18n/server-translations");

// Server components translate through one translator per language and namespace for the life of
// the process, so each ICU message is parsed once, not once per request (issue 16 point 4).
describe("getTranslations (server components)", () => {
  test("two requests in the same language share the translator and its parsed messages; another language gets its own", async () => {
    const first = await getTranslations("admin");
    expect(await getTranslations("admin")).toBe(first);
    request.locale = "fr";
    expect(await getTranslations("admin")).not.toBe(first);
    request.locale = "de";
  });

  test("it says what next-intl's own translator says, values and plurals included", async () => {
    const t = await getTranslations("errors");
    const reference = createTranslator({ locale: "de", messages: de, namespace: "errors", timeZone: "Europe/Zurich" });
    for (const [key, values] of [["busy", {}], ["authorisationMonthLocked", { month: "2026-04" }], ["codeWrongTries", { triesLeft: 1 }], ["codeWrongTries", { triesLeft: 2 }]] as const) {
      expect(t(key as never, values as never)).toBe(reference(key as never, values as never));
    }
  });
});
