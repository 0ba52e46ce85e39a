import { describe, expect, test } from "vitest";
import { parseHoursFile } from "@/lib/rht/import-rows";
import { parseOvertimeFile } from "@/lib/rht/overtime-import-rows";
import { parseRosterFile } from "@/lib/roster/import-rows";
import { parseTokenFile } from "@/lib/tokens/hardware-import";

// Every import reads its first line the same way (lib/csv/header.ts): a column given twice is
// refused (one of its two values would be taken silently), names are trimmed and case-insensitive.
const file = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));
const headerIssues = async (parse: (b: Uint8Array) => Promise<{ issues: { report(): { issues: { line: number; column: string | null; key: string }[] } } }>, lines: string[]) =>
  (await parse(file(lines))).issues.report().issues.map((i) => `${i.line}:${i.column}:${i.key}`);

const imports = [
  { name: "hours", parse: parseHoursFile, header: "employee_number;date;worked", row: "E1;2026-11-02;4:00", twice: "worked" },
  { name: "opening balances", parse: parseOvertimeFile, header: "employee_number;balance;date", row: "E1;12:30;2026-03-01", twice: "balance" },
  { name: "roster", parse: parseRosterFile, header: "employee_number;first_name;last_name;org_unit;site;job_family", row: "E1;Ann;Lee;FIN;LSN;finance", twice: "first_name" },
  { name: "tokens", parse: parseTokenFile, header: "serial;secret", row: "T-0001;JBSWY3DPEHPK3PXPJBSWY3DP", twice: "secret" },
] as const;

describe.each(imports)("the $name file's header", ({ parse, header, row, twice }) => {
  test("a column given twice is refused on line 1", async () => {
    expect(await headerIssues(parse, [`${header};${twice}`, `${row};x`])).toContain(`1:${twice}:importDuplicateColumn`);
  });

  test("names are trimmed and case-insensitive", async () => {
    const padded = header.split(";").map((c) => ` ${c.toUpperCase()} `).join(";");
    expect(await headerIssues(parse, [padded, row])).toEqual([]);
  });

  test("a required column missing is named", async () => {
    const first = header.split(";")[0];
    expect(await headerIssues(parse, [header.split(";").slice(1).join(";"), row.split(";").slice(1).join(";")])).toContain(`1:${first}:importMissingColumn`);
  });
});
