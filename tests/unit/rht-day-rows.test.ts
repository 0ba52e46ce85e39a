import { describe, expect, it } from "vitest";
import { calendar, parseDayRows } from "@/lib/rht/day-rows";

describe("an employee's days as one text (employee-months.ts)", () => {
  const dates = calendar("2026-10", "2026-11");

  it("counts offsets from the first day of the first month, across the months' ends", () => {
    expect(dates).toHaveLength(31 + 30);
    expect(dates[0]).toBe("2026-10-01");
    expect(dates[31]).toBe("2026-11-01");
    expect(dates.at(-1)).toBe("2026-11-30");
    expect(calendar("2026-12", "2027-01")[31]).toBe("2027-01-01");
  });

  it("reads each line's day, planned and worked minutes, and its absences when there are any", () => {
    const text = ['31,504,504', '32,504,0,{"holiday": 252, "sickness": 252}', "40,0,120"].join("\n");
    expect(parseDayRows(text, dates)).toEqual([
      { date: "2026-11-01", planned: 504, worked: 504, absences: {} },
      { date: "2026-11-02", planned: 504, worked: 0, absences: { holiday: 252, sickness: 252 } },
      { date: "2026-11-10", planned: 0, worked: 120, absences: {} },
    ]);
  });

  it("gives no days for no text", () => {
    expect(parseDayRows(null, dates)).toEqual([]);
    expect(parseDayRows("", dates)).toEqual([]);
  });

  it("refuses a day off the calendar or a line it cannot read, instead of guessing", () => {
    expect(() => parseDayRows("61,504,504", dates)).toThrow(/out of the calendar/);
    expect(() => parseDayRows("-1,504,504", dates)).toThrow(/out of the calendar/);
    expect(() => parseDayRows("3", dates)).toThrow(/out of the calendar/);
  });
});
