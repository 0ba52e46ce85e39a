import { describe, expect, test } from "vitest";
import { z } from "zod";
import { ruleSetSchema } from "@/lib/eligibility/rules";
import { describeIssues, parseForWording } from "@/lib/settings/issue-wording";
import { editableSettings } from "@/lib/settings/registry";

// A refused setting names the place in the page's words and the problem in the reader's
// language (issue 15 point 11): "Rule 7, name: …" where the page says "Rule 7", never the
// zod path "6.id" or zod's English.
const rule = (id: string) => ({ id, when: [{ fact: "employee.jobFamily", op: "in", value: ["warehouse"] }], outcome: "not_eligible", reason: { fr: "Sur site", de: "Vor Ort", en: "On site" } });
const rulesWith = (bad: unknown) => [...Array.from({ length: 6 }, (_, i) => rule(`r${i}`)), bad];
const refused = (schema: z.ZodType, value: unknown) => {
  const parsed = parseForWording(schema, value);
  if (parsed.success) throw new Error("expected a refusal");
  return parsed.error;
};

describe("the rules editor's refusals", () => {
  test("number rules from one, as the page does, in each language", () => {
    const error = refused(ruleSetSchema, rulesWith({ ...rule("Bad Name"), outcome: "maybe" }));
    expect(describeIssues(error, "rules", "en")).toBe("Rule 7, name: has characters that are not allowed · Rule 7, outcome: must be one of eligible, not_eligible, review");
    expect(describeIssues(error, "rules", "de")).toMatch(/^Regel 7, Name: /);
    expect(describeIssues(error, "rules", "fr")).toMatch(/^Règle 7, nom : /);
    expect(describeIssues(error, "rules", "de")).not.toMatch(/ß|Invalid|expected/);
  });

  test("conditions and reasons are named as on the page", () => {
    const error = refused(ruleSetSchema, [{ ...rule("a"), when: [rule("a").when[0], { fact: "employee.jobFamily", op: "eq", value: "" }], reason: { fr: "x", de: "", en: "y" } }]);
    expect(describeIssues(error, "rules", "en")).toBe("Rule 1, condition 2, value: must not be empty · Rule 1, reason in German: must not be empty");
    expect(describeIssues(error, "rules", "de")).toBe("Regel 1, Bedingung 2, Wert: darf nicht leer sein · Regel 1, Begründung auf Deutsch: darf nicht leer sein");
  });

  test("a missing field says so", () => {
    const { outcome: _, ...withoutOutcome } = rule("a");
    expect(describeIssues(refused(ruleSetSchema, [withoutOutcome]), "rules", "en")).toBe("Rule 1, outcome: is missing");
  });
});

describe("the other editors' refusals", () => {
  test("a form's field by its label, a line of a list by its number", () => {
    const sla = refused(editableSettings.sla_hours.schema, { urgent: -1, high: 4, normal: 24, low: 72 });
    expect(describeIssues(sla, "sla_hours", "en")).toBe("Urgent (hours): must be more than 0");
    expect(describeIssues(sla, "sla_hours", "de")).toBe("Dringend (Stunden): muss grösser als 0 sein");
    const summary = refused(editableSettings.crisis_summary.schema, { recipients: ["a@b.test", "nope"], hour: 24, language: "fr" });
    expect(describeIssues(summary, "crisis_summary", "en")).toBe("Recipients, line 2: is not a valid e-mail address · Hour of the day (0–23, Zurich time): must be at most 23");
  });

  test("a JSON editor keeps the JSON's names and numbers entries from one; large bounds in Swiss format", () => {
    const vdi = refused(editableSettings.vdi.schema, { webUrl: "https://vdi.test", clients: [{ os: "Windows", url: "https://x.test" }, { os: "macOS", url: "not a link" }] });
    expect(describeIssues(vdi, "vdi", "en")).toBe("clients, entry 2, url: is not a valid web address");
    expect(describeIssues(vdi, "vdi", "fr")).toBe("clients, élément 2, url : n’est pas une adresse web valable");
    const rht = refused(editableSettings.rht.schema, { ...editableSettings.rht.fallback, insuredMaxYearlyFrancs: 20_000_000 });
    expect(describeIssues(rht, "rht", "de")).toMatch(/: darf höchstens 10’000’000 sein$/);
  });

  test("a message key the schema gives is translated, its own words kept", () => {
    const rht = refused(editableSettings.rht.schema, { ...editableSettings.rht.fallback, shutdowns: [{ from: "2026-12-31", to: "2026-12-24" }] });
    expect(describeIssues(rht, "rht", "en")).toBe("Company shutdowns, line 1: ends before it starts");
    const contact = refused(editableSettings.hr_contact.schema, { name: "", email: "", phone: "call me", url: "" });
    expect(describeIssues(contact, "hr_contact", "de")).toMatch(/^Telefon: Geben Sie die Nummer in Ziffern ein/);
  });

  test("a value of the wrong type, and the whole value", () => {
    expect(describeIssues(refused(editableSettings.sla_hours.schema, { urgent: "1", high: 4, normal: 24, low: 72 }), "sla_hours", "en")).toBe("Urgent (hours): must be a number");
    expect(describeIssues(refused(editableSettings.device_recommendations.schema, []), "device_recommendations", "en")).toBe("The whole value: must be an object (in curly brackets)");
  });
});

describe("the canned replies' form", () => {
  test("names a reply's field by its label", () => {
    const long = "x".repeat(201);
    const replies = [{ id: "a", title: { fr: "A", de: "A", en: "A" }, body: { fr: "", de: "", en: "Hi" } }, { id: "b", title: { fr: "B", de: long, en: "B" }, body: { fr: "", de: "", en: "Hi" } }];
    expect(describeIssues(refused(editableSettings.canned_responses.schema, replies), "canned_responses", "en")).toBe("Title in German (reply 2): must have at most 200 characters");
  });
});
