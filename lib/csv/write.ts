// Writing CSV that spreadsheets open safely. Pure.

export type Cell = string | number | null;

/**
 * A CSV cell for a semicolon-separated file (what Excel opens in Swiss locales). Text that
 * a spreadsheet would run as a formula (= + - @, tab, carriage return) gets a leading
 * apostrophe; quotes, separators and line breaks are quoted.
 */
export function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (/[";\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

export const csvLine = (cells: Cell[]) => `${cells.map(csvCell).join(";")}\r\n`;
