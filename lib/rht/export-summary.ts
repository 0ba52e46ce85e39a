// The declaration's summary rows in one pass over the month, unit after unit. A unit's
// 10 % decides what is compensable, so a row can be written only once its unit's 10 % is
// known: from HR's kept review when it is current (then every row goes out as it is read),
// else summed while the unit's people go by and written at the unit's end (only that
// unit's people wait, without their days). Pure.

import type { RhtSettings } from "@/lib/settings/schemas";
import { unitThresholdAccumulator, type UnitThreshold } from "./declaration";
import { summaryRow, totalsAccumulator, type Cell, type SummaryPerson } from "./export-format";

export type SummaryInput = SummaryPerson & { orgUnitId: string };

export function summaryRows(options: {
  /** Units whose 10 % is already known. */
  known: Map<string, UnitThreshold>;
  settings: RhtSettings;
  cap: (unitId: string) => number;
  excludedLabel: (reason: string) => string;
}) {
  const totals = totalsAccumulator();
  let unitId: string | null = null;
  let waiting: { threshold: ReturnType<typeof unitThresholdAccumulator>; people: SummaryInput[] } | null = null;

  const rowOf = (p: SummaryInput, unit: UnitThreshold): Cell[] => {
    const cap = options.cap(p.orgUnitId);
    totals.add(p.figures, unit, p.hr?.wageCents ?? null, cap);
    return summaryRow(p, unit, options.excludedLabel, cap);
  };
  const release = (): Cell[][] => {
    if (!waiting) return [];
    const unit = waiting.threshold.result();
    const rows = waiting.people.map((p) => rowOf(p, unit));
    waiting = null;
    return rows;
  };

  return {
    /** The rows ready to be written after this person: theirs, or a whole unit's once its 10 % is known. */
    add(p: SummaryInput): Cell[][] {
      let ready: Cell[][] = [];
      if (p.orgUnitId !== unitId) {
        ready = release();
        unitId = p.orgUnitId;
        if (!options.known.has(unitId)) waiting = { threshold: unitThresholdAccumulator(options.settings), people: [] };
      }
      if (!waiting) {
        ready.push(rowOf(p, options.known.get(p.orgUnitId)!));
        return ready;
      }
      waiting.threshold.add(p.figures);
      // Only what the row needs: the days (the bulk of an employee month) are not kept.
      waiting.people.push({ number: p.number, lastName: p.lastName, firstName: p.firstName, orgUnit: p.orgUnit, orgUnitId: p.orgUnitId, employmentRate: p.employmentRate, figures: p.figures, hr: p.hr });
      return ready;
    },
    /** The last unit's waiting rows and the totals row. */
    end(totalLabel: string): Cell[][] {
      return [...release(), totals.row(totalLabel)];
    },
  };
}
