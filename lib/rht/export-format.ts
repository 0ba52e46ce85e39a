// The declaration's columns and cells, independent of the file format. Pure.

import { absenceKinds } from "./rules";
import type { EmployeeFigures, UnitThreshold } from "./declaration";
import { compensableIn, compensationCents } from "./declaration";

export const summaryColumns = [
  "number",
  "lastName",
  "firstName",
  "avsNumber",
  "birthDate",
  "orgUnit",
  "employmentRate",
  "normal",
  "worked",
  ...absenceKinds.map((k) => `absence_${k}` as const),
  "overtime",
  "lost",
  "holidayAdjacent",
  "overtimeDeduction",
  "waitingPeriod",
  "compensable",
  "lossPercent",
  "over85Periods",
  "avsWage",
  "compensation",
  "excluded",
] as const;
export type SummaryColumn = (typeof summaryColumns)[number];
import type { Cell } from "@/lib/csv/write";

export type { Cell };

/** Minutes as decimal hours, two places (what the fund's forms use). */
export const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
/** An exact fraction as a percentage, two places. */
export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10000) / 100 : 0);

export type SummaryPerson = {
  number: string;
  lastName: string;
  firstName: string;
  orgUnit: string;
  employmentRate: number;
  figures: EmployeeFigures;
  hr: { avsNumber: string | null; birthDate: string | null; wageCents: number | null } | null;
};

/** One employee's row, in `summaryColumns` order; `excludedLabel` names the exclusion in the reader's language. */
export function summaryRow(p: SummaryPerson, unit: UnitThreshold, excludedLabel: (reason: string) => string, insuredMaxYearlyFrancs = 148_200): Cell[] {
  const f = p.figures;
  const compensation = compensationCents(f, compensableIn(f, unit), p.hr?.wageCents ?? null, insuredMaxYearlyFrancs);
  // Written in `summaryColumns` order directly (15,000 rows a file; a keyed object per row cost
  // a twentieth of the export): the export's byte-for-byte tests hold every column in its place.
  return [
    p.number,
    p.lastName,
    p.firstName,
    p.hr?.avsNumber ?? null,
    p.hr?.birthDate ?? null,
    p.orgUnit,
    p.employmentRate,
    hours(f.normal),
    hours(f.worked),
    ...absenceKinds.map((k) => hours(f.absences[k] ?? 0)),
    hours(f.overtime),
    hours(f.lost),
    hours(f.deductions.holidayAdjacent),
    hours(f.deductions.overtime),
    hours(f.deductions.waitingPeriod),
    hours(compensableIn(f, unit)),
    percent(f.loss.lost, f.loss.base),
    f.over85Periods,
    p.hr?.wageCents == null ? null : p.hr.wageCents / 100,
    compensation === null ? null : compensation / 100,
    f.excludedReason ? excludedLabel(f.excludedReason) : null,
  ];
}

/** Sums in minutes (then hours), so the totals row is exact rather than a sum of rounded cells. */
export function totalsAccumulator() {
  const minutes = { normal: 0, worked: 0, overtime: 0, lost: 0, holidayAdjacent: 0, overtimeDeduction: 0, waitingPeriod: 0, compensable: 0, lossBase: 0, wageCents: 0, compensationCents: 0 };
  const absences = Object.fromEntries(absenceKinds.map((k) => [k, 0])) as Record<(typeof absenceKinds)[number], number>;
  let people = 0;
  return {
    add(f: EmployeeFigures, unit: UnitThreshold, wageCents: number | null, insuredMaxYearlyFrancs = 148_200) {
      minutes.compensationCents += compensationCents(f, compensableIn(f, unit), wageCents, insuredMaxYearlyFrancs) ?? 0;
      people += 1;
      minutes.normal += f.normal;
      minutes.worked += f.worked;
      minutes.overtime += f.overtime;
      minutes.lost += f.lost;
      minutes.holidayAdjacent += f.deductions.holidayAdjacent;
      minutes.overtimeDeduction += f.deductions.overtime;
      minutes.waitingPeriod += f.deductions.waitingPeriod;
      minutes.compensable += compensableIn(f, unit);
      minutes.lossBase += f.loss.base;
      minutes.wageCents += wageCents ?? 0;
      for (const k of absenceKinds) absences[k] += f.absences[k] ?? 0;
    },
    row(label: string): Cell[] {
      const values: Partial<Record<SummaryColumn, Cell>> = {
        number: label,
        employmentRate: null,
        normal: hours(minutes.normal),
        worked: hours(minutes.worked),
        ...Object.fromEntries(absenceKinds.map((k) => [`absence_${k}`, hours(absences[k])])),
        overtime: hours(minutes.overtime),
        lost: hours(minutes.lost),
        holidayAdjacent: hours(minutes.holidayAdjacent),
        overtimeDeduction: hours(minutes.overtimeDeduction),
        waitingPeriod: hours(minutes.waitingPeriod),
        compensable: hours(minutes.compensable),
        lossPercent: percent(minutes.lost, minutes.lossBase),
        avsWage: minutes.wageCents / 100,
        compensation: minutes.compensationCents / 100,
      };
      return summaryColumns.map((c) => values[c] ?? null);
    },
    get people() {
      return people;
    },
  };
}

/** The daily annex: who, then the lost hours of each day of the month. */
export function annexRow(p: { number: string; lastName: string; firstName: string; days: { planned: number; worked: number; absences: Record<string, number | undefined> }[] }, lostOf: (d: (typeof p.days)[number]) => number): Cell[] {
  return [p.number, p.lastName, p.firstName, ...p.days.map((d) => hours(lostOf(d)))];
}
