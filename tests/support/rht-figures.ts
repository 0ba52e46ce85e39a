import type { EmployeeFigures, HistoryMonth } from "@/lib/rht/declaration";
import type { Absences, DayRecord } from "@/lib/rht/rules";
import { defaultRhtSettings, type RhtSettings } from "@/lib/settings/schemas";

// What the RHT unit tests build their cases from: the settings with a few changed, a day, a month of history, and figures written out by hand.
export const settings = (over: Partial<RhtSettings> = {}): RhtSettings => ({ ...defaultRhtSettings, ...over });
export const day = (date: string, planned: number, worked: number, absences: Absences = {}): DayRecord => ({ date, planned, worked, absences });
export const history = (month: string, over85 = false): HistoryMonth => ({ month, over85 });

// Figures written out by hand for the checks and the export.
export const zeroAbsences = { holiday: 0, public_holiday: 0, sickness: 0, accident: 0, service: 0, other_paid: 0, unpaid: 0 };
export const noDeductions = { holidayAdjacent: 0, overtime: 0, waitingPeriod: 0 };
export const figures = (over: Partial<EmployeeFigures> = {}): EmployeeFigures => ({
  normal: 10_080,
  worked: 10_080,
  absences: { ...zeroAbsences },
  overtime: 0,
  lost: 0,
  compensable: 0,
  closingOvertimeBalance: 0,
  deductions: { ...noDeductions },
  loss: { lost: 0, base: 10_080 },
  over85: false,
  thresholdLost: 0,
  thresholdBase: 10_080,
  priorOvertimeBalance: 0,
  over85Periods: 0,
  excludedReason: null,
  ...over,
});
