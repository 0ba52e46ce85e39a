// Reading CSV files people export from other systems: any of the usual encodings and
// separators, every record with the line a spreadsheet shows. Pure.

import { parse } from "csv-parse/sync";

/** UTF-8 (with or without BOM), else Windows-1252 / Latin-1, as older exports are. */
export function decodeFile(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  return text.replace(/^\uFEFF/, "");
}

/** The separator the header line uses most: semicolon, comma or tab. */
export function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  const counts = [";", ",", "\t"].map((d) => [d, header.split(d).length - 1] as const).sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ";";
}

export type CsvRecord = { record: string[]; line: number };

/** The file's records (header first), or the line where the CSV itself is broken. */
export function readCsv(text: string): { records: CsvRecord[] } | { malformedAt: number } {
  try {
    const parsed = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return { records: parsed.map((p) => ({ record: p.record, line: p.info.lines })) };
  } catch (error) {
    return { malformedAt: (error as { lines?: number }).lines ?? 1 };
  }
}

/** Values a yes/no column accepts, in the three languages. */
export function parseYesNo(raw: string): boolean | null {
  const value = raw.trim().toLowerCase();
  if (["yes", "true", "1", "y", "x", "oui", "ja"].includes(value)) return true;
  if (["", "no", "false", "0", "n", "non", "nein"].includes(value)) return false;
  return null;
}

/** "2026-11-02" or the Swiss "02.11.2026" → ISO date, or null when it is no real date. */
export function parseDate(raw: string): string | null {
  const value = raw.trim();
  let match = value.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  let iso: string | null = null;
  if (match) iso = `${match[1]}-${match[2]}-${match[3]}`;
  match = value.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/);
  if (match) iso = `${match[3]}-${match[2].padStart(2, "0")}-${match[1].padStart(2, "0")}`;
  if (!iso) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}
