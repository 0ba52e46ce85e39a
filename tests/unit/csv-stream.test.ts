import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { csvBatches, MalformedCsv, type CsvRecord } from "@/lib/csv/stream";

// The sliced reader must give exactly what one whole-file parse gives, wherever the
// slices fall: inside quotes, between \r and \n, inside a multi-byte character.

async function all(bytes: Uint8Array): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const batch of csvBatches(bytes)) out.push(...batch);
  return out;
}
const whole = (text: string, delimiter: string) =>
  (parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[]).map((r) => ({ record: r.record, line: r.info.lines }));

function sample(rows: number): string {
  const lines = ["employee_number;name;note"];
  for (let i = 0; i < rows; i += 1) {
    const note = i % 7 === 0 ? `"two\r\nlines; and ""quotes"""` : i % 5 === 0 ? "Zürich – Genève ✓" : "";
    lines.push(`E${i}; Müller ${i} ;${note}`);
    if (i % 11 === 0) lines.push("");
  }
  return lines.join("\r\n");
}

describe("reading a CSV file in slices", () => {
  test("UTF-8 with BOM, CRLF, quoted separators and line breaks: the same records and lines as a whole-file parse", async () => {
    const text = sample(20_000);
    const bytes = new TextEncoder().encode(`\uFEFF${text}`);
    expect(bytes.byteLength).toBeGreaterThan(600_000);
    expect(await all(bytes)).toEqual(whole(text, ";"));
  });

  test("a file that is not UTF-8 is read as Windows-1252 (€ is 0x80, „ 0x84), and the separator comes from the header", async () => {
    const text = "serial,secret\nA-1,€ Zürich é\nB-2,„ok“\n";
    const bytes = Uint8Array.from([...text].map((c) => ({ "€": 0x80, "„": 0x84, "“": 0x93 })[c] ?? c.charCodeAt(0)));
    expect((await all(bytes)).map((r) => r.record)).toEqual([["serial", "secret"], ["A-1", "€ Zürich é"], ["B-2", "„ok“"]]);
  });

  test("an unclosed quote is reported with its line", async () => {
    await expect(all(new TextEncoder().encode('a;b\n1;2\n3;"4\n5;6\n'))).rejects.toBeInstanceOf(MalformedCsv);
  });
});
