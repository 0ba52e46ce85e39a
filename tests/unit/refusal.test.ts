import { describe, expect, test, vi } from "vitest";

vi.mock("next-intl", () => ({ useTranslations: () => Object.assign(() => "", { has: () => false }) }));
const { refusalOf } = await import("@/components/forms/refusal");

// What a form shows of an action's refusal: the most specific message, in the server's words.
describe("refusalOf", () => {
  const messages = { invalidInput: "Some fields need attention.", descriptionTooShort: "At least 10 characters.", busy: "Busy.", valueBad: "Bad value." };
  test.each([
    ["a domain refusal", { ok: false as const, formError: "busy", messages }, undefined, { key: "busy", text: "Busy." }],
    ["a field's refusal rather than 'see the fields'", { ok: false as const, formError: "invalidInput", fieldErrors: { description: ["descriptionTooShort"] }, messages }, undefined, { key: "descriptionTooShort", text: "At least 10 characters." }],
    ["the named field first", { ok: false as const, formError: "busy", fieldErrors: { value: ["valueBad"] }, messages }, "value", { key: "valueBad", text: "Bad value." }],
    ["the form's when the named field has none", { ok: false as const, formError: "busy", messages }, "value", { key: "busy", text: "Busy." }],
    ["no key at all: the generic one", { ok: false as const }, undefined, { key: "unexpected", text: undefined }],
  ])("%s", (_label, result, field, shown) => {
    expect(refusalOf(result, field)).toMatchObject(shown);
  });
});

describe("applyActionErrors", async () => {
  const { applyActionErrors } = await import("@/components/forms/action-errors");
  test("the server's field refusal goes beside its field in the server's words; one made in the browser keeps its key to translate", () => {
    const set: Record<string, { type: string; message: string }> = {};
    const setError = ((name: string, error: { type: string; message: string }) => (set[name] = error)) as never;
    applyActionErrors({ ok: false, formError: "invalidInput", fieldErrors: { capacity: ["bigChangeUnconfirmed"] }, messages: { invalidInput: "Check.", bigChangeUnconfirmed: "Tenfold." } }, setError);
    expect(set.capacity).toEqual({ type: "server", message: "Tenfold." });
    applyActionErrors({ ok: false, formError: "invalidInput", fieldErrors: { capacity: ["bigChangeUnconfirmed"] } }, setError);
    expect(set.capacity).toEqual({ type: "validate", message: "bigChangeUnconfirmed" });
  });
});
