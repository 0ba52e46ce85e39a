import { z } from "zod";

// Phone numbers as people write them, read by one rule for every phone field (the roster
// import's `phone` column, "how can IT reach you", the courier's phone). Pure, and shared
// with the browser through the forms' zod schemas.
//
// Deliberately not libphonenumber-js: IT needs a number it can dial, not a carrier check.
// Its per-country metadata is 80–150 kB of JavaScript that would ship in every employee form
// bundle; the rule below (Swiss national plan exactly, elsewhere E.164's own limits) is ~60
// lines with a table test. A number that looks right but rings nowhere is IT's call to sort
// out, exactly as with a wrong number written on paper.

export type PhoneError = "phoneInvalid" | "phoneTooShort" | "phoneTooLong";
export type PhoneResult = { ok: true; e164: string } | { ok: false; error: PhoneError };

/** Longer than any way of writing a 15-digit number with separators: refused before parsing. */
const maxWritten = 40;
/** Shortest and longest international numbers, country code included (E.164 allows 15). */
const minDigits = 7;
const maxDigits = 15;
/** Spaces (also non-breaking ones a copy from a web page brings), dots, dashes, slashes, brackets. */
const separators = /[ \u00a0\u202f.\-/()]/g;

const fail = (error: PhoneError): PhoneResult => ({ ok: false, error });

/** Swiss national significant number: 9 digits, never starting with 0 (that would be the 00 prefix). */
function swiss(nsn: string): PhoneResult {
  if (nsn.startsWith("0")) return fail("phoneInvalid");
  if (nsn.length < 9) return fail("phoneTooShort");
  if (nsn.length > 9) return fail("phoneTooLong");
  return { ok: true, e164: `+41${nsn}` };
}

/**
 * "079 123 45 67", "+41 79 123 45 67", "0041 79 123 45 67", "+41 (0)79 …", "+33 6 12 34 56 78"
 * → E.164 ("+41791234567"), or the `errors.*` key saying what is wrong. A number without 0
 * or a country code is refused: it could be Swiss or not, and a guess would ring someone else.
 */
export function normalisePhone(raw: string): PhoneResult {
  const written = raw.trim();
  if (written.length > maxWritten) return fail("phoneTooLong");
  // "(0)" is the trunk prefix written beside a country code: never dialled from abroad.
  const compact = written.replace(/\(0\)/g, "").replace(separators, "");
  if (!/^\+?\d+$/.test(compact)) return fail("phoneInvalid");
  let international: string;
  if (compact.startsWith("+")) international = compact.slice(1);
  else if (compact.startsWith("00")) international = compact.slice(2);
  else if (compact.startsWith("0")) return swiss(compact.slice(1));
  else return fail("phoneInvalid");
  if (international === "" || international.startsWith("0")) return fail("phoneInvalid");
  // "+41 079 …" is common: the Swiss trunk 0 kept after the country code.
  if (international.startsWith("41")) return swiss(international.slice(2).replace(/^0/, ""));
  if (international.length < minDigits) return fail("phoneTooShort");
  if (international.length > maxDigits) return fail("phoneTooLong");
  return { ok: true, e164: `+${international}` };
}

/** ITU country codes of one or two digits; every other code has three (the codes are prefix-free). */
const shortCodes = new Set(["1", "7", "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98"]);

function groups(digits: string, sizes: number[]): string {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(digits.slice(at, at + size));
    at += size;
  }
  return out.join(" ");
}

/** Groups of three, a single digit left at the end joining the group before it. */
function inThrees(digits: string): string {
  const parts = digits.match(/.{1,3}/g) ?? [];
  if (parts.length > 1 && parts[parts.length - 1].length === 1) parts.splice(-2, 2, parts[parts.length - 2] + parts[parts.length - 1]);
  return parts.join(" ");
}

/** E.164 as people read it: "+41 79 123 45 67", "+41 800 123 456", "+33 6 12 34 56 78", else "+49 151 234 567 89". */
export function formatPhone(e164: string): string {
  if (!/^\+\d{2,15}$/.test(e164)) return e164;
  const digits = e164.slice(1);
  const code = shortCodes.has(digits.slice(0, 1)) ? digits.slice(0, 1) : shortCodes.has(digits.slice(0, 2)) ? digits.slice(0, 2) : digits.slice(0, 3);
  const rest = digits.slice(code.length);
  if (code === "41" && rest.length === 9) return `+41 ${/^[89]/.test(rest) ? groups(rest, [3, 3, 3]) : groups(rest, [2, 3, 2, 2])}`;
  if (code === "33" && rest.length === 9) return `+33 ${groups(rest, [1, 2, 2, 2, 2])}`;
  return `+${code} ${inThrees(rest)}`;
}

/** The link a phone opens its dialler with. */
export const telHref = (e164: string) => `tel:${e164}`;

/**
 * The field schema of every optional phone field: empty → undefined, else the E.164 form or
 * the reason it is refused (shown beside the field). The same on the form and in the action.
 */
export const optionalPhone = z
  .string({ error: "phoneInvalid" })
  .transform((value, ctx) => {
    const written = value.trim();
    if (!written) return undefined;
    const result = normalisePhone(written);
    if (result.ok) return result.e164;
    ctx.addIssue({ code: "custom", message: result.error });
    return z.NEVER;
  })
  .optional();
