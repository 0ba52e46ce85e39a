// Text a spreadsheet would run as a formula ("CSV injection"). One predicate for both ways:
// imports neutralise such text before storing it, exports escape it (write.ts). Pure.

/**
 * What a spreadsheet may skip before a formula: spaces of any kind (\s covers tab, CR, LF,
 * no-break and the other Unicode spaces, and the byte-order mark), control characters and
 * invisible format characters (zero-width space, joiners, direction marks).
 */
const blank = String.raw`\s\p{Cc}\p{Cf}`;
/** What starts a formula: = + - @ and their full-width and small forms (an IME types those). */
const starter = "=+\\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B";

const formulaStart = new RegExp(`^[${blank}]*[${starter}]`, "u");
/** The whole run to drop: blanks and formula characters, in any order and number. */
const formulaRun = new RegExp(`^[${blank}${starter}]+`, "u");
/** The export's own guard, a leading apostrophe (csvCell): not part of the value. */
const exportGuard = new RegExp(`^[${blank}]*'`, "u");

/** True when a spreadsheet could read `text` as a formula. */
export function looksLikeFormula(text: string): boolean {
  return formulaStart.test(text);
}

/**
 * Imported text with every leading formula character gone, with the blanks around them, so
 * that what is kept never looks like a formula (`= =X`, `@ @X`, `- =X`, `＝X` all become `X`).
 * `changed` is true exactly when something formula-like was removed (a mere trim is no change).
 */
export function neutraliseFormula(raw: string): { value: string; changed: boolean } {
  let text = raw;
  // "'=X" is what our export writes for "=X": the apostrophe goes with what it guards.
  const guarded = text.replace(exportGuard, "");
  if (guarded !== text && looksLikeFormula(guarded)) text = guarded;
  if (!looksLikeFormula(text)) return { value: raw.trim(), changed: false };
  return { value: text.replace(formulaRun, "").trim(), changed: true };
}
