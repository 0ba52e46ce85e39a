// The RHT export as it was before it read the month in one pass (git 7dcae17, lib/rht/export.ts):
// each unit's 10 % from monthOverview first, then the month walked once per part. Kept as the
// oracle the one-pass export's bytes and cells are compared with (rht-export.test.ts).
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { messagesByLocale } from "@/lib/i18n/messages";
import { db } from "@/lib/db";
import { rhtSettingsSchema } from "@/lib/settings/schemas";
import { logger } from "@/lib/log/logger";
import type { UnitThreshold } from "@/lib/rht/declaration";
import { employeeMonths, rhtSettings } from "@/lib/rht/employee-months";
import { monthOverview } from "@/lib/rht/unit-months";
import { csvLine } from "@/lib/csv/write";
import { annexRow, summaryColumns, summaryRow, totalsAccumulator, type Cell } from "@/lib/rht/export-format";
import { daysOfMonth } from "@/lib/rht/month";
import { dayFigures } from "@/lib/rht/rules";

export type ExportRequest = { month: string; unitId: string | null; format: "csv" | "xlsx"; part: "summary" | "annex"; locale: Locale };
export type ExportFile = { filename: string; contentType: string; body: ReadableStream<Uint8Array>; employees: number; final: boolean };

const noThreshold: UnitThreshold = { qualifies: false, lost: 0, base: 0 };

/**
 * The month's declaration, streamed: each unit's 10 % check (which decides what is
 * compensable) comes from HR's review, kept per unit until a row behind it changes; rows
 * are written as the cursor reads them. Only unit totals stay in memory.
 */
export async function oracleDeclaration(request: ExportRequest): Promise<ExportFile> {
  const { month, unitId, locale } = request;
  const settings = await rhtSettings();
  // Each unit's 10 % decides what is compensable: known before the first row, from HR's kept review.
  const units = new Map((await monthOverview(month, unitId)).units.map((u) => [u.orgUnitId, u]));
  const periods = (await db().execute(sql`
    select org_unit_id, settings from rht_periods where month = ${`${month}-01`}::date and status = 'locked'`)) as unknown as { org_unit_id: string; settings: unknown }[];
  const locked = new Set(periods.map((p) => p.org_unit_id));
  // A locked period keeps the insured cap it was locked with: a later change of the setting changes nothing in it.
  const capOf = new Map(periods.map((p) => [p.org_unit_id, rhtSettingsSchema.safeParse(p.settings).data?.insuredMaxYearlyFrancs ?? settings.insuredMaxYearlyFrancs]));
  const cap = (unitId: string) => capOf.get(unitId) ?? settings.insuredMaxYearlyFrancs;
  const final = units.size > 0 && [...units.keys()].every((id) => locked.has(id));
  const employees = [...units.values()].reduce((a, u) => a + u.employees, 0);

  const t = createTranslator({ locale, messages: messagesByLocale[locale], namespace: "rhtExport" }) as unknown as (key: string) => string;
  const header = summaryColumns.map((c) => t(`columns.${c}`));
  const annexHeader = [t("columns.number"), t("columns.lastName"), t("columns.firstName"), ...daysOfMonth(month)];
  const excludedLabel = (reason: string) => t(`excluded.${reason}`);
  const thresholdOf = (id: string) => units.get(id)?.threshold ?? noThreshold;

  async function* summaryRows(): AsyncGenerator<Cell[]> {
    const totals = totalsAccumulator();
    for await (const e of employeeMonths(month, { unitId, settings, hrFields: true })) {
      const unit = thresholdOf(e.orgUnitId);
      totals.add(e.figures, unit, e.hr?.wageCents ?? null, cap(e.orgUnitId));
      yield summaryRow(e, unit, excludedLabel, cap(e.orgUnitId));
    }
    yield totals.row(t("total"));
  }
  async function* annexRows(): AsyncGenerator<Cell[]> {
    for await (const e of employeeMonths(month, { unitId, settings })) yield annexRow(e, (d) => dayFigures(d).lost);
  }

  const name = `${t("filename")}-${month}${unitId ? `-${units.get(unitId)?.orgUnit.replace(/[^A-Za-z0-9]+/g, "_") ?? "unit"}` : ""}${final ? "" : `-${t("preview")}`}`;
  if (request.format === "csv") {
    const rows = request.part === "annex" ? annexRows() : summaryRows();
    const head = request.part === "annex" ? annexHeader : header;
    const encoder = new TextEncoder();
    let started = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        // A byte-order mark so spreadsheets read UTF-8 names right.
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(`\uFEFF${csvLine(head)}`));
          return;
        }
        let chunk = "";
        for (let i = 0; i < 200; i += 1) {
          const next = await rows.next();
          if (next.done) {
            if (chunk) controller.enqueue(encoder.encode(chunk));
            controller.close();
            return;
          }
          chunk += csvLine(next.value);
        }
        controller.enqueue(encoder.encode(chunk));
      },
      async cancel() {
        await rows.return(undefined);
      },
    });
    return { filename: `${name}${request.part === "annex" ? `-${t("annex")}` : ""}.csv`, contentType: "text/csv; charset=utf-8", body, employees, final };
  }

  // XLSX: the summary sheet, then the daily annex, each written row by row and committed.
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  void (async () => {
    const summary = workbook.addWorksheet(t("sheetSummary"));
    const headerRow = summary.addRow(header);
    headerRow.font = { bold: true };
    headerRow.commit();
    for await (const row of summaryRows()) summary.addRow(row).commit();
    summary.commit();
    const annex = workbook.addWorksheet(t("sheetAnnex"));
    annex.addRow(annexHeader).commit();
    for await (const row of annexRows()) annex.addRow(row).commit();
    annex.commit();
    await workbook.commit();
  })().catch((error: unknown) => {
    logger.error({ err: error }, "rht export failed");
    out.destroy(error instanceof Error ? error : new Error("export failed"));
  });
  return {
    filename: `${name}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>,
    employees,
    final,
  };
}
