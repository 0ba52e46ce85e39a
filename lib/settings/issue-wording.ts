import { createTranslator } from "next-intl";
import type { z } from "zod";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";
import { messagesByLocale } from "@/lib/i18n/messages";
import type { SettingKey } from "./registry";

// A refused setting in the page's words and the reader's language (issue 15 point 11): the
// place as the page names it ("Rule 7, name", "Recipients, line 2", "clients, entry 2, url"),
// never zod's path ("6.id") counted from zero, and the problem translated, never zod's
// English. Pure (the messages are bundled), so the server words a refusal before sending it.

/** Which editor refused: the rules editor, or a setting (as a form or as JSON). */
export type SettingEditorName = "rules" | SettingKey;

type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };
type Issue = z.core.$ZodIssue & { input?: unknown; params?: Record<string, unknown> };

/**
 * The settings the page shows as forms, with each field's label key under admin.settings.fields
 * (the same labels app/admin/settings/page.tsx gives them); the others are JSON.
 */
const formLabels: Partial<Record<SettingEditorName, Record<string, string>>> = {
  sla_hours: { urgent: "urgent", high: "high", normal: "normal", low: "low" },
  hr_contact: { name: "contactName", email: "contactEmail", phone: "contactPhone", url: "contactUrl", reviewBy: "reviewBy", reviewWorkingDays: "reviewWorkingDays" },
  crisis_summary: { recipients: "recipients", hour: "hour", language: "language" },
  rht: Object.fromEntries(
    ["authorizedFrom", "authorizedUntil", "waitingDays", "overtimeThresholdMinutes", "overtimeLookBackMonths", "holidayAdjacentDays", "shutdowns", "shutdownAdjacentDays", "thresholdPercent", "departmentBase", "lossBase", "over85MaxPeriods", "over85WindowMonths", "insuredMaxYearlyFrancs"].map((f) => [f, f]),
  ),
};

/** Parses with the input kept on each issue, so a missing field can be told from a wrong one. */
export function parseForWording<S extends z.ZodType>(schema: S, value: unknown) {
  return schema.safeParse(value, { reportInput: true });
}

/** Every issue (up to 20) as "place: problem", joined with " · ". */
export function describeIssues(error: z.ZodError | { issues: Issue[] }, editor: SettingEditorName, locale: Locale): string {
  const t = createTranslator({ locale, messages: messagesByLocale[locale], namespace: "errors" }) as unknown as Translate;
  const pages = createTranslator({ locale, messages: messagesByLocale[locale], namespace: "admin.settings" }) as unknown as Translate;
  return (error.issues as Issue[])
    .slice(0, 20)
    .map((issue) => t("settingIssue.item", { place: placeOf(issue.path, editor, t, pages), problem: problemOf(issue, t, locale) }))
    .join(" · ");
}

function placeOf(path: readonly PropertyKey[], editor: SettingEditorName, t: Translate, pages: Translate): string {
  if (path.length === 0) return t("settingPlace.root");
  if (editor === "rules") return rulePlace(path, t);
  const labels = formLabels[editor];
  if (labels) {
    // A form: the field's label, then the line of a list field (recipients, shutdowns).
    const [field, ...rest] = path;
    const label = labels[String(field)] ? pages(`fields.${labels[String(field)]}`) : String(field);
    return [label, ...rest.filter((p) => typeof p === "number").map((p) => t("settingPlace.line", { n: p + 1 }))].join(", ");
  }
  if (editor === "canned_responses" && typeof path[0] === "number") {
    // The canned replies' form: "Title in German (reply 3)", as its fields are labelled.
    const [reply, field, language] = path;
    const n = reply + 1;
    if ((field === "title" || field === "body") && pages.has(`canned.${field}.${String(language)}`)) return pages(`canned.${field}.${String(language)}`, { n });
    if (field === "id" && pages.has("canned.id")) return pages("canned.id", { n });
    if (field === undefined && pages.has("canned.reply")) return pages("canned.reply", { n });
  }
  return path.map((p) => (typeof p === "number" ? t("settingPlace.entry", { n: p + 1 }) : String(p))).join(", ");
}

/** The rules editor's words: "Rule 7", its name, outcome, "condition 2" and its parts, "reason in German". */
function rulePlace([rule, field, index, part]: readonly PropertyKey[], t: Translate): string {
  const words = [typeof rule === "number" ? t("settingPlace.rule", { n: rule + 1 }) : String(rule)];
  if (field === "when" && typeof index === "number") {
    words.push(t("settingPlace.condition", { n: index + 1 }));
    if (part === "fact" || part === "op" || part === "value") words.push(t(`settingPlace.conditionField.${part}`));
  } else if (field === "reason" && (index === "fr" || index === "de" || index === "en")) words.push(t(`settingPlace.reasonIn.${index}`));
  else if (field === "id" || field === "outcome" || field === "when" || field === "reason") words.push(t(`settingPlace.ruleField.${field}`));
  else if (field !== undefined) words.push(String(field));
  return words.join(", ");
}

function problemOf(issue: Issue, t: Translate, locale: Locale): string {
  if ("input" in issue && issue.input === undefined) return t("settingIssue.missing");
  const n = (value: unknown) => formatNumber(locale, Number(value));
  switch (issue.code) {
    case "invalid_type":
      return t(`settingIssue.type.${["number", "string", "boolean", "array", "object", "int"].includes(issue.expected) ? issue.expected : "other"}`);
    case "too_small": {
      if (issue.origin === "number" || issue.origin === "int") return t(issue.inclusive ? "settingIssue.atLeast" : "settingIssue.moreThan", { n: n(issue.minimum) });
      if (Number(issue.minimum) === 1 && (issue.origin === "string" || issue.origin === "array")) return t("settingIssue.empty");
      return t(issue.origin === "string" ? "settingIssue.minLength" : "settingIssue.minEntries", { n: n(issue.minimum) });
    }
    case "too_big":
      if (issue.origin === "number" || issue.origin === "int") return t(issue.inclusive ? "settingIssue.atMost" : "settingIssue.lessThan", { n: n(issue.maximum) });
      return t(issue.origin === "string" ? "settingIssue.maxLength" : "settingIssue.maxEntries", { n: n(issue.maximum) });
    case "invalid_format":
      return t(`settingIssue.format.${["email", "url", "date", "regex"].includes(issue.format) ? issue.format : "other"}`);
    case "invalid_value":
      return t("settingIssue.oneOf", { values: issue.values.slice(0, 10).map(String).join(", ") + (issue.values.length > 10 ? ", …" : "") });
    case "unrecognized_keys":
      return t("settingIssue.unknownKeys", { keys: issue.keys.join(", ") });
    case "custom": {
      // A schema's own message is a key: of this wording ("shutdownEndsBeforeStart"), or a field error ("phoneInvalid").
      const values = Object.fromEntries(Object.entries(issue.params ?? {}).map(([k, v]) => [k, typeof v === "number" ? v : String(v)]));
      if (t.has(`settingIssue.${issue.message}`)) return t(`settingIssue.${issue.message}`, values);
      if (t.has(issue.message)) return t(issue.message, values);
      return issue.message;
    }
    default:
      return t.has(issue.message) ? t(issue.message) : t("settingIssue.invalid");
  }
}
