// Issue 14 point 11: text a spreadsheet would run as a formula, on the way in (neutralised)
// and on the way out (escaped), judged by one predicate.
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { looksLikeFormula, neutraliseFormula } from "@/lib/csv/formula";
import { csvCell } from "@/lib/csv/write";
import { neutralise } from "@/lib/roster/import-rows";
import { parseTokenFile } from "@/lib/tokens/hardware-import";

const formulaLike: [string, string][] = [
  // The three cases from the issue.
  ['= =HYPERLINK("http://evil.test","x")', 'HYPERLINK("http://evil.test","x")'],
  ["@ @SUM(1)", "SUM(1)"],
  ["- =1+1", "1+1"],
  // One leading character, as before.
  ["=Ben", "Ben"],
  ["+41 cmd", "41 cmd"],
  ["@SUM(A1)", "SUM(A1)"],
  // Tabs, carriage returns, line feeds, interleaved.
  ["\t=1+1", "1+1"],
  ["=\t=1", "1"],
  ["\r\n=cmd|' /C calc'!A0", "cmd|' /C calc'!A0"],
  ["+\r-\n@\t=X", "X"],
  // Unicode spaces: no-break, em space, ideographic, zero-width, byte-order mark.
  ["\u00a0=1+1", "1+1"],
  ["=\u2003=1+1", "1+1"],
  ["\u3000@SUM(1)", "SUM(1)"],
  ["\u200b=1+1", "1+1"],
  ["\ufeff- =1", "1"],
  // Full-width (and small) variants, alone and mixed with ASCII.
  ["＝1+1", "1+1"],
  ["＋＠SUM(1)", "SUM(1)"],
  ["－ ＝HYPERLINK()", "HYPERLINK()"],
  ["= ＝ + ＋ - － @ ＠ Zoé", "Zoé"],
  ["﹦1+1", "1+1"],
  // Nothing left.
  ["=", ""],
  [" = - ＠ ", ""],
];

/** The export's own guard ('=…): safe as it is, but the apostrophe is not part of the value. */
const guarded: [string, string][] = [
  ["'=Ben", "Ben"],
  ["  '@ @SUM(1)", "SUM(1)"],
  ["'＝1+1", "1+1"],
];

const plain: [string, string][] = [
  ["Anna", "Anna"],
  ["  Anna  ", "Anna"],
  ["Jean-Luc", "Jean-Luc"],
  ["O'Brien", "O'Brien"],
  ["a=b", "a=b"],
  ["1+1", "1+1"],
  ["'quoted", "'quoted"],
  ["", ""],
];

describe("neutraliseFormula", () => {
  test.each(formulaLike)("%j → %j, reported as changed", (raw, value) => {
    expect(neutraliseFormula(raw)).toEqual({ value, changed: true });
    expect(looksLikeFormula(raw)).toBe(true);
  });

  test.each(guarded)("%j (our export's guard) → %j, reported as changed", (raw, value) => {
    expect(looksLikeFormula(raw)).toBe(false);
    expect(neutraliseFormula(raw)).toEqual({ value, changed: true });
  });

  test.each(plain)("%j → %j, unchanged", (raw, value) => {
    expect(neutraliseFormula(raw)).toEqual({ value, changed: false });
    expect(looksLikeFormula(raw)).toBe(false);
  });

  test("the roster's neutralise is the shared one", () => {
    expect(neutralise).toBe(neutraliseFormula);
  });

  test("whatever comes in, what is kept never looks like a formula, and 'changed' is true exactly when something formula-like was there", () => {
    const alphabet = ["=", "+", "-", "@", "＝", "＋", "－", "＠", " ", "\t", "\r", "\n", "\u00a0", "\u2007", "\u3000", "\u200b", "'", "a", "1", "("];
    let seed = 14_11;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let n = 0; n < 5000; n += 1) {
      const raw = Array.from({ length: next() % 8 }, () => alphabet[next() % alphabet.length]).join("");
      const { value, changed } = neutraliseFormula(raw);
      expect(looksLikeFormula(value), JSON.stringify(raw)).toBe(false);
      expect(value, JSON.stringify(raw)).toBe(value.trim());
      if (!changed) expect(value, JSON.stringify(raw)).toBe(raw.trim());
      expect(changed, JSON.stringify(raw)).toBe(looksLikeFormula(raw) || looksLikeFormula(raw.replace(/^[\s\p{Cc}\p{Cf}]*'/u, "")));
    }
  });
});

describe("csvCell escapes what the import would neutralise", () => {
  test.each(formulaLike)("%j gets a leading apostrophe", (raw) => {
    expect(csvCell(raw).replace(/^"/, "")).toMatch(/^'/);
  });

  test.each(plain)("%j is written as it is", (raw) => {
    expect(csvCell(raw)).toBe(raw);
  });

  test("numbers are numbers, quotes and separators are quoted after the guard", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
    expect(csvCell('=A1;"x"')).toBe(`"'=A1;""x"""`);
    expect(csvCell("\n=1")).toBe(`"'\n=1"`);
  });
});

describe("XLSX", () => {
  test("ExcelJS writes formula-looking text as a text cell, never a formula (no apostrophe needed there)", async () => {
    const book = new ExcelJS.Workbook();
    const values = formulaLike.map(([raw]) => raw);
    book.addWorksheet("s").addRow(values);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(await book.xlsx.writeBuffer());
    const row = read.getWorksheet("s")!.getRow(1);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      expect(cell.type, JSON.stringify(value)).toBe(ExcelJS.ValueType.String);
      expect(cell.formula, JSON.stringify(value)).toBeFalsy();
    });
  });
});

describe("hardware token import", () => {
  test("a serial that looks like a formula is refused, not stored", async () => {
    const secret = "JBSWY3DPEHPK3PXP";
    const file = ["serial;secret", `-1-1;${secret}`, `--SUM;${secret}`, `TK-0001;${secret}`].join("\n");
    const parsed = await parseTokenFile(new TextEncoder().encode(file));
    expect(parsed.issues.report().issues.map((i) => [i.line, i.column, i.key])).toEqual([
      [2, "serial", "tokenSerialInvalid"],
      [3, "serial", "tokenSerialInvalid"],
    ]);
  });
});
