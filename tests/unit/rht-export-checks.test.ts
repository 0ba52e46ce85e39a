import { describe, expect, test } from "vitest";
import { blocksApproval, checkCollector, namesPerCheck, type Check, type CheckCode, type CheckLevel, type CheckPerson } from "@/lib/rht/checks";
import { csvCell } from "@/lib/csv/write";
import type { EmployeeFigures, UnitThreshold } from "@/lib/rht/declaration";
import { hours, percent, summaryColumns, summaryRow, totalsAccumulator, type Cell, type SummaryPerson } from "@/lib/rht/export-format";
import type { RhtSettings } from "@/lib/settings/schemas";
import { figures, noDeductions, settings, zeroAbsences } from "../support/rht-figures";

// The checks before the RHT export and the export's cells and totals (split from rht-declaration.test.ts).
// Every expected figure is worked out by hand (see the comments), never by the code under test.

describe("checks before export", () => {
  const person = (over: Partial<CheckPerson> = {}): CheckPerson => ({ number: "1001", name: "Anna Muster", unitId: "u1", status: "submitted", entries: 20, missingDays: 0, figures: figures(), ...over });
  const codes = (checks: Check[]) => checks.map((c) => [c.code, c.level]);

  test.each<[string, CheckPerson, Partial<RhtSettings>, [CheckCode, CheckLevel][]]>([
    ["submitted and complete: nothing", person(), {}, []],
    ["approved and complete: nothing", person({ status: "approved" }), {}, []],
    ["draft with entries: unsubmitted", person({ status: "draft", entries: 5 }), {}, [["unsubmitted", "error"]]],
    ["draft with entries and missing days: only unsubmitted", person({ status: "draft", entries: 5, missingDays: 3 }), {}, [["unsubmitted", "error"]]],
    ["submitted with missing days: incomplete", person({ missingDays: 2 }), {}, [["incomplete", "error"]]],
    ["no entries, still draft: warning", person({ status: "draft", entries: 0, missingDays: 21 }), {}, [["noEntries", "warning"]]],
    ["no entries but excluded: only the exclusion", person({ status: "draft", entries: 0, figures: figures({ excludedReason: "apprentice" }) }), {}, [["excluded", "info"]]],
    ["excluded and submitted", person({ figures: figures({ excludedReason: "fixed_term" }) }), {}, [["excluded", "info"]]],
    // over85Periods counts this month; 4 of at most 4 is still allowed.
    ["over 85 %, fourth period", person({ figures: figures({ over85: true, over85Periods: 4 }) }), {}, [["over85", "warning"]]],
    ["over 85 %, fifth period: over the limit", person({ figures: figures({ over85: true, over85Periods: 5 }) }), {}, [["over85Limit", "warning"]]],
    ["over 85 %, limit set to 2, third period", person({ figures: figures({ over85: true, over85Periods: 3 }) }), { over85MaxPeriods: 2 }, [["over85Limit", "warning"]]],
    ["over 85 % but excluded: only the exclusion", person({ figures: figures({ over85: true, over85Periods: 5, excludedReason: "on_call" }) }), {}, [["excluded", "info"]]],
    ["periods counted without being over 85 % this month: nothing", person({ figures: figures({ over85: false, over85Periods: 6 }) }), {}, []],
    ["overtime balance 1201 > 1200 with lost time", person({ figures: figures({ priorOvertimeBalance: 1201, lost: 60 }) }), {}, [["overtimeBalance", "info"]]],
    ["overtime balance exactly 1200: nothing", person({ figures: figures({ priorOvertimeBalance: 1200, lost: 60 }) }), {}, []],
    ["overtime balance but no lost time: nothing", person({ figures: figures({ priorOvertimeBalance: 3000, lost: 0 }) }), {}, []],
    ["overtime balance with a 30 h threshold: nothing", person({ figures: figures({ priorOvertimeBalance: 1500, lost: 60 }) }), { overtimeThresholdMinutes: 1800 }, []],
    ["waiting period deducted", person({ figures: figures({ deductions: { ...noDeductions, waitingPeriod: 504 } }) }), {}, [["waitingPeriod", "info"]]],
    ["holiday-adjacent loss deducted", person({ figures: figures({ deductions: { ...noDeductions, holidayAdjacent: 252 } }) }), {}, [["holidayAdjacent", "info"]]],
    [
      "several at once, errors first",
      person({ status: "draft", entries: 3, figures: figures({ over85: true, over85Periods: 1, lost: 60, priorOvertimeBalance: 1300, deductions: { holidayAdjacent: 10, overtime: 100, waitingPeriod: 504 } }) }),
      {},
      [
        ["unsubmitted", "error"],
        ["over85", "warning"],
        ["overtimeBalance", "info"],
        ["waitingPeriod", "info"],
        ["holidayAdjacent", "info"],
      ],
    ],
  ])("%s", (_label, p, over, expected) => {
    const collector = checkCollector(settings(over));
    collector.person(p);
    expect(codes(collector.result())).toEqual(expected);
  });

  test.each<[string, UnitThreshold, [CheckCode, CheckLevel][]]>([
    ["lost time below 10 %: warning", { qualifies: false, lost: 99, base: 1000 }, [["underThreshold", "warning"]]],
    ["no lost time at all: nothing", { qualifies: false, lost: 0, base: 1000 }, []],
    ["qualifies: nothing", { qualifies: true, lost: 100, base: 1000 }, []],
  ])("unit: %s", (_label, threshold, expected) => {
    const collector = checkCollector(settings());
    collector.unit("u1", threshold);
    const checks = collector.result();
    expect(codes(checks)).toEqual(expected);
    if (expected.length) expect(checks[0]).toEqual({ level: "warning", code: "underThreshold", unitId: "u1", count: 1, people: [] });
  });

  test("names are capped per check while the count goes on", () => {
    const collector = checkCollector(settings());
    for (let i = 1; i <= 12; i += 1) collector.person(person({ number: String(1000 + i), name: `Person ${i}`, status: "draft", entries: 1 }));
    const [check] = collector.result();
    expect(namesPerCheck).toBe(10);
    expect(check).toMatchObject({ level: "error", code: "unsubmitted", unitId: "u1", count: 12 });
    expect(check.people).toEqual(Array.from({ length: 10 }, (_, i) => `Person ${i + 1} (${1001 + i})`));
  });

  test("checks of different units stay apart; errors, then warnings, then information", () => {
    const collector = checkCollector(settings());
    // Noted in the reverse order on purpose.
    collector.person(person({ unitId: "u2", figures: figures({ deductions: { ...noDeductions, holidayAdjacent: 30 } }) }));
    collector.person(person({ unitId: "u2", status: "draft", entries: 0 }));
    collector.unit("u2", { qualifies: false, lost: 50, base: 1000 });
    collector.person(person({ unitId: "u1", figures: figures({ excludedReason: "temporary" }) }));
    collector.person(person({ unitId: "u1", missingDays: 1 }));
    collector.person(person({ unitId: "u2", missingDays: 1 }));
    const checks = collector.result();
    expect(checks.map((c) => c.level)).toEqual(["error", "error", "warning", "warning", "info", "info"]);
    expect(checks.map((c) => `${c.unitId}:${c.code}`)).toEqual(["u1:incomplete", "u2:incomplete", "u2:underThreshold", "u2:noEntries", "u2:holidayAdjacent", "u1:excluded"]);
    expect(checks.every((c) => c.count === 1)).toBe(true);
  });

  test("only a unit with an error blocks approval", () => {
    const collector = checkCollector(settings());
    collector.person(person({ unitId: "u1", status: "draft", entries: 4 })); // error
    collector.person(person({ unitId: "u2", status: "draft", entries: 0 })); // warning
    collector.unit("u2", { qualifies: false, lost: 50, base: 1000 }); // warning
    collector.person(person({ unitId: "u3", figures: figures({ excludedReason: "on_call" }) })); // info
    const checks = collector.result();
    expect(blocksApproval(checks, "u1")).toBe(true);
    expect(blocksApproval(checks, "u2")).toBe(false);
    expect(blocksApproval(checks, "u3")).toBe(false);
    expect(blocksApproval(checks, "u4")).toBe(false);
  });
});

describe("export format", () => {
  test.each<[string, Cell, string]>([
    ["null is empty", null, ""],
    ["a number as is", 12.5, "12.5"],
    ["a negative number is not escaped", -3, "-3"],
    ["zero", 0, "0"],
    ["plain text", "Muster", "Muster"],
    ["empty text", "", ""],
    ["formula =", "=SUM(A1)", "'=SUM(A1)"],
    ["formula +", "+41 79 000 00 00", "'+41 79 000 00 00"],
    ["formula - (text, not number)", "-5", "'-5"],
    ["formula @", "@cmd", "'@cmd"],
    ["leading tab", "\tx", "'\tx"],
    ["leading carriage return: apostrophe, then quoted for the CR", "\rx", "\"'\rx\""],
    ["a dash inside is harmless", "Jean-Luc", "Jean-Luc"],
    ["semicolon quoted", "a;b", '"a;b"'],
    ["quotes doubled", 'say "hi"', '"say ""hi"""'],
    ["line break quoted", "line 1\nline 2", '"line 1\nline 2"'],
    ["formula with a separator: both", "=1;2", "\"'=1;2\""],
  ])("csvCell: %s", (_label, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  test.each<[number, number]>([
    [0, 0],
    [1, 0.02], // 0.0167
    [10, 0.17], // 0.1667
    [30, 0.5],
    [50, 0.83], // 0.8333
    [59, 0.98], // 0.9833
    [60, 1],
    [100, 1.67], // 1.6667
    [504, 8.4],
    [2520, 42],
  ])("hours(%i) = %d", (minutes, expected) => {
    expect(hours(minutes)).toBe(expected);
  });

  test.each<[number, number, number]>([
    [1, 3, 33.33],
    [2, 3, 66.67],
    [1, 7, 14.29], // 14.2857
    [1, 8, 12.5],
    [1, 32, 3.13], // 3.125 rounds up
    [850, 1000, 85],
    [2268, 3428, 66.16], // 66.161
    [0, 0, 0],
    [5, 0, 0],
  ])("percent(%i, %i) = %d", (part, whole, expected) => {
    expect(percent(part, whole)).toBe(expected);
  });

  const unitOk: UnitThreshold = { qualifies: true, lost: 1008, base: 4032 };
  const unitBelow: UnitThreshold = { qualifies: false, lost: 99, base: 1000 };
  const anna: SummaryPerson = {
    number: "1001",
    lastName: "Muster",
    firstName: "Anna",
    orgUnit: "Atelier",
    employmentRate: 100,
    figures: figures({
      normal: 4032,
      worked: 1261,
      absences: { ...zeroAbsences, public_holiday: 504, sickness: 100 },
      overtime: 10,
      lost: 2268,
      deductions: { holidayAdjacent: 1260, overtime: 300, waitingPeriod: 504 },
      compensable: 204,
      loss: { lost: 2268, base: 3428 },
      over85Periods: 1,
    }),
    hr: { avsNumber: "756.1234.5678.97", birthDate: "1980-04-12", wageCents: 612_345 },
  };
  const label = (reason: string) => `excluded: ${reason}`;
  const pairs = (row: Cell[]) => summaryColumns.map((c, i) => [c, row[i]]);

  test("summary row: every column in order", () => {
    const row = summaryRow(anna, unitOk, label);
    expect(row).toHaveLength(summaryColumns.length);
    expect(pairs(row)).toEqual([
      ["number", "1001"],
      ["lastName", "Muster"],
      ["firstName", "Anna"],
      ["avsNumber", "756.1234.5678.97"],
      ["birthDate", "1980-04-12"],
      ["orgUnit", "Atelier"],
      ["employmentRate", 100],
      ["normal", 67.2], // 4032 / 60
      ["worked", 21.02], // 21.0167
      ["absence_holiday", 0],
      ["absence_public_holiday", 8.4],
      ["absence_sickness", 1.67], // 100 min
      ["absence_accident", 0],
      ["absence_service", 0],
      ["absence_other_paid", 0],
      ["absence_unpaid", 0],
      ["overtime", 0.17], // 10 min
      ["lost", 37.8],
      ["holidayAdjacent", 21],
      ["overtimeDeduction", 5],
      ["waitingPeriod", 8.4],
      ["compensable", 3.4], // 204 min
      ["lossPercent", 66.16], // 2268 / 3428
      ["over85Periods", 1],
      ["avsWage", 6123.45],
      ["compensation", 247.85], // 80 % of 6123.45 × 204 / 4032, under the insured cap
      ["excluded", null],
    ]);
  });

  test("summary row: nothing compensable below 10 %; HR data absent; exclusion labelled", () => {
    const row = summaryRow({ ...anna, hr: null, figures: { ...anna.figures, excludedReason: "fixed_term" } }, unitBelow, label);
    const byColumn = Object.fromEntries(pairs(row));
    expect(byColumn).toMatchObject({
      number: "1001",
      lastName: "Muster",
      firstName: "Anna",
      orgUnit: "Atelier",
      avsNumber: null,
      birthDate: null,
      avsWage: null,
      compensable: 0,
      lost: 37.8,
      excluded: "excluded: fixed_term",
    });
  });

  test("summary row: HR present without a wage", () => {
    const byColumn = Object.fromEntries(pairs(summaryRow({ ...anna, hr: { avsNumber: "756.0000.0000.02", birthDate: null, wageCents: null } }, unitOk, label)));
    expect(byColumn).toMatchObject({ avsNumber: "756.0000.0000.02", birthDate: null, avsWage: null });
  });

  // Three people with 50 normal, 49 worked, 1 lost: each cell rounds 1 min to 0.02 h and 50 to 0.83 h,
  // which would sum to 0.06 and 2.49; the totals come from the minutes: 3 min = 0.05 h, 150 min = 2.5 h.
  const small = (over: Partial<EmployeeFigures> = {}) => figures({ normal: 50, worked: 49, lost: 1, compensable: 1, loss: { lost: 1, base: 50 }, ...over });
  const totalsFor = (unit: UnitThreshold) => {
    const totals = totalsAccumulator();
    totals.add(small(), unit, 100_001);
    totals.add(small(), unit, null);
    totals.add(small({ absences: { ...zeroAbsences, sickness: 20 } }), unit, 33);
    return totals;
  };

  test("totals row from minutes, not from rounded cells", () => {
    const totals = totalsFor(unitOk);
    expect(totals.people).toBe(3);
    expect(pairs(totals.row("Total"))).toEqual([
      ["number", "Total"],
      ["lastName", null],
      ["firstName", null],
      ["avsNumber", null],
      ["birthDate", null],
      ["orgUnit", null],
      ["employmentRate", null],
      ["normal", 2.5], // 150 min, not 3 × 0.83
      ["worked", 2.45], // 147 min, not 3 × 0.82
      ["absence_holiday", 0],
      ["absence_public_holiday", 0],
      ["absence_sickness", 0.33], // 20 min
      ["absence_accident", 0],
      ["absence_service", 0],
      ["absence_other_paid", 0],
      ["absence_unpaid", 0],
      ["overtime", 0],
      ["lost", 0.05], // 3 min, not 3 × 0.02
      ["holidayAdjacent", 0],
      ["overtimeDeduction", 0],
      ["waitingPeriod", 0],
      ["compensable", 0.05],
      ["lossPercent", 2], // 3 / 150
      ["over85Periods", null],
      ["avsWage", 1000.34], // 100 001 + 0 + 33 cents
      ["compensation", 16.01], // 1600 + nothing without a wage + 1 cent, each rounded to the centime
      ["excluded", null],
    ]);
  });

  test("totals row: nothing compensable in a unit below 10 %", () => {
    const byColumn = Object.fromEntries(pairs(totalsFor(unitBelow).row("Total")));
    expect(byColumn).toMatchObject({ lost: 0.05, compensable: 0 });
  });
});
