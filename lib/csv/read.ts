// Reading CSV files people export from other systems: the separator and the cell formats
// (the file itself is read by stream.ts). Pure.
import { isCalendarDate } from "@/lib/http/fields";

/** The separator the header line uses most: semicolon, comma or tab. */
export function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  const counts = [";", ",", "\t"].map((d) => [d, header.split(d).length - 1] as const).sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ";";
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
  return iso && isCalendarDate(iso) ? iso : null;
}
