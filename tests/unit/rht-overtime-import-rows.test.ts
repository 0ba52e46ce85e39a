import { describe, expect, test } from "vitest";
import { maxOpeningMinutes, parseBalance, parseOvertimeFile } from "@/lib/rht/overtime-import-rows";

describe("an opening balance", () => {
  test.each<[string, number | null]>([
    ["12:30", 750],
    ["12.5", 750],
    ["12,5", 750],
    ["12,25", 735],
    ["0", 0],
    ["0:00", 0],
    ["-3:30", -210],
    ["−3:30", -210], // the minus sign some systems write
    ["- 3:30", -210],
    ["+2", 120],
    ["150:00", 9000], // more than 99 hours: a year's overtime
    ["1666:40", 100_000],
    ["-1666,5", -99_990],
    ["", null], // required
    ["-", null],
    ["--3", null],
    ["12:3", null],
    ["12:60", null],
    ["1.2.3", null],
    ["12h30", null],
    ["=1+1", null],
    ["12345:00", null],
  ])("%j → %j", (raw, minutes) => {
    expect(parseBalance(raw)).toBe(minutes);
  });

  test("the bound is the table's", () => {
    expect(maxOpeningMinutes).toBe(100_000);
  });
});

describe("an opening balance file", () => {
  const parse = (text: string) => parseOvertimeFile(new TextEncoder().encode(text));

  test("each row's month is the first of its date's month; one row per employee", async () => {
    const { rows, issues } = await parse("employee_number;balance;date\nA1;1:00;17.03.2026\nA2;-0:30;2026-02-28\nA1;2:00;2026-04-01\n");
    expect(rows).toEqual([
      { line: 2, number: "A1", month: "2026-03-01", minutes: 60 },
      { line: 3, number: "A2", month: "2026-02-01", minutes: -30 },
    ]);
    expect(issues.report().issues).toEqual([{ line: 4, column: "employee_number", key: "importEmployeeDuplicate", values: { first: 2 } }]);
  });

  test("past the bound, and a refused row still counts for duplicates", async () => {
    const { rows, issues } = await parse("employee_number,balance,date\nA1,1700,2026-03-01\nA1,1,2026-03-01\n");
    expect(rows).toEqual([]);
    expect(issues.report().issues.map((i) => [i.line, i.key])).toEqual([
      [2, "importBalanceTooLarge"],
      [3, "importEmployeeDuplicate"],
    ]);
  });
});
