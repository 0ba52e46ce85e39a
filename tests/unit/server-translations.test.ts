import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, test, vi } from "vitest";
import de from "@/messages/de.json";

const request = { locale: "de" };
vi.mock("next-intl/server", () => ({ getLocale: async () => request.locale }));
const { getFormatter, getTranslations } = await import("@/lib/i18n/server-translations");

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

describe("getFormatter (server components)", () => {
  test("formats dates, numbers and relative times as next-intl's own formatter, in Zurich time", async () => {
    const format = await getFormatter();
    const when = new Date("2026-12-01T23:30:00Z");
    const reference = createFormatter({ locale: "de", timeZone: "Europe/Zurich", now: new Date("2026-12-03T08:00:00Z") });
    expect(format.dateTime(when, { dateStyle: "medium", timeStyle: "short" })).toBe(reference.dateTime(when, { dateStyle: "medium", timeStyle: "short" }));
    // After midnight in Zurich: 2 December, though 1 December in UTC.
    expect(format.dateTime(when, { day: "numeric", month: "numeric" })).toBe("2.12.");
    expect(format.relativeTime(when, new Date("2026-12-03T08:00:00Z"))).toBe(reference.relativeTime(when));
  });
});
