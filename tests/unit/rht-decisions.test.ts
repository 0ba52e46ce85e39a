import { describe, expect, test } from "vitest";
import { checkCollector, type Check, type CheckCode, type CheckLevel, type CheckPerson, type Coverage } from "@/lib/rht/checks";
import { balanceStart, carriedBalance, declaredDays, employeeMonth, frozenClosing, unitThreshold, type BalanceStart, type Contract, type EmployeeFigures } from "@/lib/rht/declaration";
import { bookPublicHoliday, type Absences, type DayRecord } from "@/lib/rht/rules";
import { defaultRhtSettings, type RhtSettings } from "@/lib/settings/schemas";

// The readings ../shared/RHT-RULES.md "Decisions" settles, each with figures worked out by
// hand in minutes (the comments), never by the code under test. Full time is 42 h over five
// days: 504 a day; 50 % is 252.

const settings = (over: Partial<RhtSettings> = {}): RhtSettings => ({ ...defaultRhtSettings, ...over });
const day = (date: string, planned: number, worked: number, absences: Absences = {}): DayRecord => ({ date, planned, worked, absences });
const fullTime: Contract = { weeklyMinutes: 2520, employmentRate: 100, employedFrom: null, employedUntil: null };
const month = (m: string, days: DayRecord[], opening: number, over: Partial<RhtSettings> = {}) =>
  employeeMonth({ month: m, days, holidays: [], excludedReason: null, history: [], openingBalance: opening, settings: settings({ waitingDays: 0, ...over }) });

describe("1. the unit's 10 % takes absences out of the base (Art. 32 al. 1 let. b LACI; BGE 111 V 257)", () => {
  // November 2026: 21 working days × 504 = 10,584 normal; two days of holiday (1,008) leave a base of 9,576.
  // 10 % of 9,576 is 957.6: 958 lost minutes qualify, 957 do not. Against the normal minutes (10,584) neither would.
  const november = (lost: number): DayRecord[] => {
    const days: DayRecord[] = [];
    for (let d = 1; d <= 30; d += 1) {
      const date = `2026-11-${String(d).padStart(2, "0")}`;
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      if (d === 2 || d === 3) days.push(day(date, 504, 0, { holiday: 504 }));
      else if (d === 4) days.push(day(date, 504, 504 - Math.min(504, lost)));
      else if (d === 5) days.push(day(date, 504, 504 - Math.max(0, lost - 504)));
      else days.push(day(date, 504, 504));
    }
    return days;
  };
  test.each<[string, number, boolean]>([
    ["958 of 9,576 (10.004 %): qualifies", 958, true],
    ["957 of 9,576 (9.994 %): under 10 %", 957, false],
  ])("%s", (_label, lost, qualifies) => {
    const figures = month("2026-11", november(lost), 0);
    expect([figures.normal, figures.thresholdLost, figures.thresholdBase]).toEqual([10_584, lost, 9_576]);
    expect(unitThreshold([figures], settings())).toEqual({ qualifies, lost, base: 9_576 });
  });

  test.each<[string, { thresholdLost: number; normal: number; absences: Absences }[], { qualifies: boolean; lost: number; base: number }]>([
    // The unit: 44,200 lost of 480,000 normal with 38,000 absent → 442,000: exactly 10 %.
    ["44,200 of 442,000 after absences: exactly 10 %", [{ thresholdLost: 44_200, normal: 480_000, absences: { holiday: 30_000, sickness: 8_000 } }], { qualifies: true, lost: 44_200, base: 442_000 }],
    // One minute less: 44,199 × 100 < 442,000 × 10.
    ["one minute less: under", [{ thresholdLost: 44_199, normal: 480_000, absences: { holiday: 30_000, sickness: 8_000 } }], { qualifies: false, lost: 44_199, base: 442_000 }],
    // Unpaid leave leaves the base too: 1,000 − 200 − 300 = 500; 50 lost is 10 %.
    ["paid and unpaid absences both leave the base", [{ thresholdLost: 50, normal: 1_000, absences: { unpaid: 200, public_holiday: 300 } }], { qualifies: true, lost: 50, base: 500 }],
  ])("%s", (_label, people, expected) => {
    expect(unitThreshold(people.map((p) => ({ ...p, excludedReason: null })), settings())).toEqual(expected);
  });
});

describe("2. a planned public holiday is never lost time, even partly worked (Art. 33 al. 1 let. c LACI)", () => {
  test.each<[string, DayRecord, boolean, Absences]>([
    // 504 − 240 worked = 264 booked as the holiday.
    ["4:00 worked on Ascension: the rest is the holiday", day("2026-05-14", 504, 240), true, { public_holiday: 264 }],
    // 504 − 240 − 100 sick = 164.
    ["worked and sick on the holiday", day("2026-05-14", 504, 240, { sickness: 100 }), true, { sickness: 100, public_holiday: 164 }],
    ["worked in full: nothing to book", day("2026-05-14", 504, 504), true, {}],
    ["a stale holiday figure is replaced", day("2026-05-14", 252, 100, { public_holiday: 504 }), true, { public_holiday: 152 }],
    ["not a holiday: as entered", day("2026-05-13", 504, 240), false, {}],
    ["nothing planned: as entered", day("2026-05-14", 0, 0), true, {}],
  ])("%s", (_label, entered, isHoliday, absences) => {
    expect(bookPublicHoliday(entered, isHoliday).absences).toEqual(absences);
  });

  test("an imported day with 4:00 worked on Ascension declares no lost minute", () => {
    const { days } = declaredDays("2026-05", [day("2026-05-14", 504, 240)], fullTime, new Set(["2026-05-14"]));
    const figures = month("2026-05", days, 0, { holidayAdjacentDays: 0 });
    // Every other working day is declared as planned; the holiday: 240 worked + 264 holiday.
    expect([figures.lost, figures.compensable, figures.absences.public_holiday]).toEqual([0, 0, 264]);
  });
});

describe("3. an overtime balance is used once (Art. 46 al. 4–5 OACI)", () => {
  // Each month: one day fully lost (504), the rest worked as planned; no waiting period, no holidays.
  const lostDay = (date: string, extraSaturday = 0) => [day(date, 504, 0), ...(extraSaturday ? [day(`${date.slice(0, 8)}27`, 0, extraSaturday)] : [])];
  test("30 h carried in over a 20 h threshold: the 10 h above it cut April, then May's rest, then nothing", () => {
    const opening: BalanceStart = { month: "2026-04", minutes: 1_800 };
    const figures = new Map<string, EmployeeFigures>();
    const days: Record<string, DayRecord[]> = { "2026-04": lostDay("2026-04-14"), "2026-05": lostDay("2026-05-12"), "2026-06": lostDay("2026-06-09") };
    const closingOf = (m: string, balance: number) => {
      const f = month(m, days[m], balance);
      figures.set(m, f);
      return f.closingOvertimeBalance;
    };
    const july = carriedBalance("2026-07", opening, closingOf);
    // April: 600 above the threshold, 504 lost → 504 deducted, 1,296 left. May: 96 above → 96 deducted, 1,200 left. June: 0.
    expect([...figures.values()].map((f) => [f.priorOvertimeBalance, f.deductions.overtime, f.compensable, f.closingOvertimeBalance])).toEqual([
      [1_800, 504, 0, 1_296],
      [1_296, 96, 408, 1_200],
      [1_200, 0, 504, 1_200],
    ]);
    expect(july).toBe(1_200);
  });

  test.each<[string, DayRecord[], number, { deduction: number; closing: number }]>([
    // 120 on Saturday offsets 120 of the 504 lost first; the balance's 300 above 1,200 takes 300 more; closing 1,500 − 300.
    ["the month's overtime first, then the balance", lostDay("2026-06-09", 120), 1_500, { deduction: 420, closing: 1_200 }],
    // Nothing lost: the 300 of Saturday offsets nothing and joins the balance.
    ["unused overtime joins the balance", [day("2026-06-27", 0, 300)], 1_000, { deduction: 0, closing: 1_300 }],
    // A flextime deficit deducts nothing and stays owed.
    ["a negative balance deducts nothing", lostDay("2026-06-09"), -600, { deduction: 0, closing: -600 }],
  ])("%s", (_label, days, opening, expected) => {
    const f = month("2026-06", days, opening);
    expect({ deduction: f.deductions.overtime, closing: f.closingOvertimeBalance }).toEqual(expected);
  });

  test.each<[string, BalanceStart | null, BalanceStart | null, BalanceStart]>([
    ["June after a locked May: May's closing", { month: "2026-06", minutes: 1_500 }, { month: "2026-03", minutes: 2_000 }, { month: "2026-06", minutes: 1_500 }],
    ["an opening balance newer than the last lock wins", { month: "2026-04", minutes: 100 }, { month: "2026-05", minutes: 900 }, { month: "2026-05", minutes: 900 }],
    ["an opening balance of a later month does not apply yet", { month: "2026-04", minutes: 100 }, { month: "2026-07", minutes: 900 }, { month: "2026-04", minutes: 100 }],
    // Six months before June 2026 is December 2025.
    ["nothing known: 0 from the look-back's first month", null, null, { month: "2025-12", minutes: 0 }],
    ["known only before the look-back: expired", { month: "2025-10", minutes: 700 }, null, { month: "2025-12", minutes: 0 }],
  ])("%s", (_label, locked, opening, expected) => {
    expect(balanceStart("2026-06", 6, locked, opening)).toEqual(expected);
  });

  test("a month locked before the balance was kept hands on what its deductions leave", () => {
    // Prior 1,500, 120 overtime, 504 lost, deducted 420 (120 own + 300 balance): 1,500 − 300 + 0.
    expect(frozenClosing({ lost: 504, overtime: 120, priorOvertimeBalance: 1_500, deductions: { holidayAdjacent: 0, overtime: 420, waitingPeriod: 0 } })).toBe(1_200);
  });
});

describe("4. planned minutes follow the contract until the month is locked", () => {
  // July 2026: 23 working days. Entered at 100 % (504 planned), the contract is now 50 % (252).
  // 22 days of 200 and one of 202 worked = 4,602. At 50 %: 23 × 252 = 5,796 − 4,602 = 1,194 lost (19.9 h);
  // at the stored 100 %: 11,592 − 4,602 = 6,990 (116.5 h).
  const entered: DayRecord[] = [];
  for (let d = 1; d <= 31; d += 1) {
    const date = `2026-07-${String(d).padStart(2, "0")}`;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) entered.push(day(date, 504, entered.length === 0 ? 202 : 200));
  }
  const half: Contract = { ...fullTime, employmentRate: 50 };
  test.each<[string, boolean, number, number]>([
    ["an open month is re-planned: 19.9 h lost", false, 5_796, 1_194],
    ["a locked month keeps the plan it was locked with", true, 11_592, 6_990],
  ])("%s", (_label, locked, normal, lost) => {
    const { days, missing } = declaredDays("2026-07", entered, half, new Set(), locked);
    expect(missing).toBe(0);
    const f = month("2026-07", days, 0);
    expect([f.normal, f.lost]).toEqual([normal, lost]);
  });
});

describe("7. checks describe the unit's state after each step", () => {
  const zero = { holiday: 0, public_holiday: 0, sickness: 0, accident: 0, service: 0, other_paid: 0, unpaid: 0 };
  const figures = month("2026-11", [], 0);
  const person = (over: Partial<CheckPerson>): CheckPerson => ({ number: "1001", name: "Muster Anna", unitId: "u1", status: "draft", entries: 0, missingDays: 21, figures: { ...figures, absences: zero }, ...over });
  const codes = (checks: Check[]): [CheckCode, CheckLevel][] => checks.map((c) => [c.code, c.level]);
  test.each<[string, Partial<CheckPerson>, [CheckCode, CheckLevel][]]>([
    ["open, nothing entered: a warning", {}, [["noEntries", "warning"]]],
    ["open, entered without submitting: an error", { entries: 5, missingDays: 16 }, [["unsubmitted", "error"]]],
    ["submitted with days missing: an error", { status: "submitted", entries: 19, missingDays: 2 }, [["incomplete", "error"]]],
    ["approved, nothing entered: declared as planned, no error", { status: "approved" }, [["approvedAsPlanned", "info"]]],
    ["locked, three days empty: declared as planned, no error", { status: "locked", entries: 18, missingDays: 3 }, [["approvedAsPlanned", "info"]]],
    ["locked and complete: nothing", { status: "locked", entries: 21, missingDays: 0 }, []],
    ["locked, excluded, nothing entered: only the exclusion", { status: "locked", figures: { ...figures, excludedReason: "apprentice" } }, [["excluded", "info"]]],
  ])("%s", (_label, over, expected) => {
    const collector = checkCollector(settings());
    collector.person(person(over));
    expect(codes(collector.result())).toEqual(expected);
  });

  test.each<[string, Coverage, [CheckCode, CheckLevel][], Record<string, string> | undefined]>([
    ["no authorisation dates: the whole month", { from: null, until: null }, [], undefined],
    ["exactly the month", { from: "2026-11-01", until: "2026-11-30" }, [], undefined],
    ["from the 16th", { from: "2026-11-16", until: null }, [["partlyAuthorised", "info"]], { from: "2026-11-16", until: "" }],
    ["until the 13th", { from: "2026-06-01", until: "2026-11-13" }, [["partlyAuthorised", "info"]], { from: "2026-06-01", until: "2026-11-13" }],
    ["starting next month", { from: "2026-12-01", until: null }, [["notAuthorised", "warning"]], { from: "2026-12-01", until: "" }],
    ["ended last month", { from: null, until: "2026-10-31" }, [["notAuthorised", "warning"]], { from: "", until: "2026-10-31" }],
  ])("authorisation %s", (_label, coverage, expected, values) => {
    const collector = checkCollector(settings());
    collector.unit("u1", { qualifies: true, lost: 0, base: 0 }, "2026-11", coverage);
    const result = collector.result();
    expect(codes(result)).toEqual(expected);
    expect(result[0]?.values).toEqual(values);
  });
});

describe("durations as HR reads them", () => {
  test.each<[number, string]>([
    [504, "8:24"],
    [0, "0:00"],
    [-210, "−3:30"],
    [-630, "−10:30"],
  ])("%i minutes → %s", async (minutes, text) => {
    const { formatDuration } = await import("@/lib/rht/schema");
    expect(formatDuration(minutes)).toBe(text);
  });
});
