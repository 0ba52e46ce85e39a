import { describe, expect, it } from "vitest";
import { cannedResponsesSchema, cannedText, defaultCannedResponses } from "@/lib/settings/schemas";

describe("canned replies in three languages (issue 15 point 6)", () => {
  it("the demo replies exist in French, German and English", () => {
    expect(cannedResponsesSchema.parse(defaultCannedResponses)).toEqual(defaultCannedResponses);
    for (const reply of defaultCannedResponses) for (const language of ["fr", "de", "en"] as const) expect(reply.body[language]).toContain("{firstName}");
  });

  it("settings saved in the old one-language shape still read: the body is the English text", () => {
    const parsed = cannedResponsesSchema.parse([{ id: "r1", title: "Restart", body: "Hello {firstName}, please restart." }]);
    expect(parsed).toEqual([{ id: "r1", title: { fr: "Restart", de: "Restart", en: "Restart" }, body: { fr: "", de: "", en: "Hello {firstName}, please restart." } }]);
  });

  it("refuses a reply with no text at all, or two replies with the same id", () => {
    expect(cannedResponsesSchema.safeParse([{ id: "a", title: { fr: "", de: "", en: "T" }, body: { fr: " ", de: "", en: "" } }]).success).toBe(false);
    const one = { id: "a", title: { fr: "T", de: "T", en: "T" }, body: { fr: "x", de: "y", en: "z" } };
    expect(cannedResponsesSchema.safeParse([one, one]).success).toBe(false);
  });

  it("picks the reader's language, else the first written of English, French, German, and says which", () => {
    expect(cannedText({ fr: "Bonjour", de: "Guten Tag", en: "Hello" }, "de")).toEqual({ text: "Guten Tag", language: "de" });
    expect(cannedText({ fr: "Bonjour", de: "", en: "Hello" }, "de")).toEqual({ text: "Hello", language: "en" });
    expect(cannedText({ fr: "Bonjour", de: "", en: "" }, "de")).toEqual({ text: "Bonjour", language: "fr" });
  });
});
