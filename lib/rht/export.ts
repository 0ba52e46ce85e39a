import "server-only";
import { once } from "node:events";
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { messagesByLocale } from "@/lib/i18n/messages";
import type { DbOrTx } from "@/db/client";
import { db } from "@/lib/db";
import { allowLongWork } from "@/lib/db/long-work";
import { logger } from "@/lib/log/logger";
import { csvLine } from "@/lib/csv/write";
import type { RhtSettings } from "@/lib/settings/schemas";
import { employeeMonths, rhtSettings, type EmployeeMonth } from "./employee-months";
import { keptPeople } from "./export-kept";
import { freshenKeptMonth } from "./unit-months";
import { annexRow, summaryColumns, type Cell } from "./export-format";
import { byteSink, nodeWriterInto, type ByteSink } from "./export-sink";
import { rowSpool } from "./export-spool";
import { summaryRows } from "./export-summary";
import { exportHead, insuredCaps, keptThresholds } from "./export-units";
import { daysOfMonth } from "./month";
import { dayFigures } from "./rules";

export type ExportRequest = { month: string; unitId: string | null; format: "csv" | "xlsx"; part: "summary" | "annex"; locale: Locale };
export type PreparedExport = { filename: string; contentType: string; employees: number; final: boolean; open(): ReadableStream<Uint8Array> };
export type ExportFile = Omit<PreparedExport, "open"> & { body: ReadableStream<Uint8Array> };

/**
 * The month's declaration, in one pass over a cursor: each employee's figures are computed as
 * the row arrives and written to the response at the reader's pace, so the first bytes leave
 * at once and memory stays flat whatever the company's size. `open()` starts the pass (the
 * route audits the download first); a reader that goes away stops the cursor.
 */
export async function prepareDeclaration(request: ExportRequest): Promise<PreparedExport> {
  const { month, unitId, locale } = request;
  const xlsx = request.format === "xlsx";
  // The summary alone reads HR's kept months where they are current: bring the stale ones up to date first.
  if (!xlsx && request.part === "summary") await freshenKeptMonth(month, unitId);
  const head = await exportHead(db(), month, unitId);
  const t = createTranslator({ locale, messages: messagesByLocale[locale], namespace: "rhtExport" }) as unknown as (key: string) => string;
  const name = `${t("filename")}-${month}${unitId ? `-${head.unitName?.replace(/[^A-Za-z0-9]+/g, "_") ?? "unit"}` : ""}${head.final ? "" : `-${t("preview")}`}`;
  return {
    filename: xlsx ? `${name}.xlsx` : `${name}${request.part === "annex" ? `-${t("annex")}` : ""}.csv`,
    contentType: xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
    employees: head.employees,
    final: head.final,
    open() {
      const sink = byteSink();
      const pass = xlsx ? writeXlsx(sink, request, t) : writeCsv(sink, request, t);
      pass.then(
        () => sink.close(),
        (error: unknown) => {
          logger.error({ err: error }, "rht export failed");
          sink.error(error instanceof Error ? error : new Error("export failed"));
        },
      );
      return sink.body;
    },
  };
}

export async function exportDeclaration(request: ExportRequest): Promise<ExportFile> {
  const { open, ...file } = await prepareDeclaration(request);
  return { ...file, body: open() };
}

type T = (key: string) => string;

/** Sees each employee with the summary rows ready after them, then (`null`) the last rows; answers false to stop. */
type Visit = (e: EmployeeMonth | null, summary: Cell[][]) => Promise<boolean>;

/**
 * The month's rows inside one read-only snapshot, so each unit's kept 10 % is checked against
 * the very rows read. The cursor's statement lasts as long as the download: the connection's
 * web-request limits would end a slow reader's download, so this transaction allows ten minutes
 * (an abandoned download ends it at once).
 */
async function inSnapshot(read: (tx: DbOrTx) => Promise<void>): Promise<void> {
  await db().transaction(
    async (tx) => {
      await allowLongWork(tx);
      await read(tx);
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

const summaryRowsIn = async (tx: DbOrTx, { month, unitId }: ExportRequest, settings: RhtSettings, t: T) =>
  summaryRows({ known: await keptThresholds(tx, month, unitId), settings, cap: await insuredCaps(tx, month, settings), excludedLabel: (reason) => t(`excluded.${reason}`) });

/** Every employee's month with their days (the annex, the workbook), and the summary rows when asked for. */
async function readMonth(request: ExportRequest, t: T, withSummary: boolean, visit: Visit): Promise<void> {
  const { month, unitId } = request;
  await inSnapshot(async (tx) => {
    const settings = await rhtSettings(tx);
    const rows = withSummary ? await summaryRowsIn(tx, request, settings, t) : null;
    for await (const e of employeeMonths(month, { unitId, settings, hrFields: withSummary, tx, prefetch: true })) {
      if (!(await visit(e, rows ? rows.add(e) : []))) return;
    }
    await visit(null, rows ? rows.end(t("total")) : []);
  });
}

/** Which source each summary was read from (tests check that the kept one is used). */
export const summarySources = { kept: 0, days: 0 };

/**
 * The summary alone (the CSV's summary part), which needs no days: from HR's kept months when
 * every unit's is current in this snapshot (export-kept.ts), else computed from the days.
 */
async function readSummary(request: ExportRequest, t: T, visit: (rows: Cell[][]) => Promise<boolean>): Promise<void> {
  const { month, unitId } = request;
  await inSnapshot(async (tx) => {
    const settings = await rhtSettings(tx);
    const rows = await summaryRowsIn(tx, request, settings, t);
    const kept = await keptPeople(tx, month, unitId);
    summarySources[kept ? "kept" : "days"] += 1;
    let count = 0;
    for await (const p of kept ?? employeeMonths(month, { unitId, settings, hrFields: true, tx, prefetch: true })) {
      if (!(await visit(rows.add(p)))) return;
      // Lets the next batch in from the socket meanwhile (employeeMonths pauses on its own).
      if (kept && ++count % 200 === 0) await new Promise(setImmediate);
    }
    await visit(rows.end(t("total")));
  });
}

const header = (t: T) => summaryColumns.map((c) => t(`columns.${c}`));
const annexHeader = (t: T, month: string) => [t("columns.number"), t("columns.lastName"), t("columns.firstName"), ...daysOfMonth(month)];
const annexOf = (e: EmployeeMonth) => annexRow(e, (d) => dayFigures(d).lost);

async function writeCsv(sink: ByteSink, request: ExportRequest, t: T): Promise<void> {
  const encoder = new TextEncoder();
  // A byte-order mark so spreadsheets read UTF-8 names right; sent before the month is read.
  let text = `\uFEFF${csvLine(request.part === "annex" ? annexHeader(t, request.month) : header(t))}`;
  const flush = async () => {
    const chunk = encoder.encode(text);
    text = "";
    return sink.write(chunk);
  };
  if (!(await flush())) return;
  const put = async (rows: Cell[][]) => {
    for (const row of rows) text += csvLine(row);
    return text.length < 32_768 || flush();
  };
  if (request.part === "annex") await readMonth(request, t, false, (e) => put(e ? [annexOf(e)] : []));
  else await readSummary(request, t, put);
  if (!sink.cancelled) await flush();
}

/** Every data cell shares one style object: exceljs then looks its style up once, not once per cell. */
const plain = {};

async function writeXlsx(sink: ByteSink, request: ExportRequest, t: T): Promise<void> {
  const out = nodeWriterInto(sink);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const add = (sheet: ExcelJS.Worksheet, cells: Cell[]) => {
    const row = sheet.addRow(cells);
    row.eachCell((cell) => {
      cell.style = plain;
    });
    row.commit();
  };
  // Waits while the zip is ahead of the reader; false once the reader is gone.
  const paced = async () => {
    if (out.writableNeedDrain && !sink.cancelled) await Promise.race([once(out, "drain"), once(out, "close")]);
    return !sink.cancelled;
  };
  const summary = workbook.addWorksheet(t("sheetSummary"));
  const headerRow = summary.addRow(header(t));
  headerRow.font = { bold: true };
  headerRow.commit();
  // The annex sheet comes after the summary in the zip: its rows wait, compressed, until then.
  const annexRows = rowSpool();
  await readMonth(request, t, true, (e, rows) => {
    if (e) annexRows.add(annexOf(e));
    for (const row of rows) add(summary, row);
    return paced();
  });
  if (sink.cancelled) return;
  summary.commit();
  const annex = workbook.addWorksheet(t("sheetAnnex"));
  annex.addRow(annexHeader(t, request.month)).commit();
  for (const rows of annexRows.rows()) {
    for (const row of rows) add(annex, row);
    if (!(await paced())) return;
  }
  annex.commit();
  await workbook.commit();
}
