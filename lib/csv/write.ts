// Writing CSV that spreadsheets open safely. Pure.
import { looksLikeFormula } from "./formula";

export type Cell = string | number | null;

/**
 * A CSV cell for a semicolon-separated file (what Excel opens in Swiss locales). Text that
 * a spreadsheet could run as a formula (lib/csv/formula.ts: = + - @ and their full-width
 * forms, even behind spaces, tabs or line breaks) gets a leading apostrophe, which the
 * imports drop again; so does text starting with a tab or carriage return, which OWASP lists
 * as formula triggers on their own. Quotes, separators and line breaks are quoted.
 */
export function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  let text = value;
  if (looksLikeFormula(text) || /^[\t\r]/.test(text)) text = `'${text}`;
  if (/[";\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

export const csvLine = (cells: Cell[]) => `${cells.map(csvCell).join(";")}\r\n`;
