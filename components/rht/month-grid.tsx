"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { TextField } from "@/components/ui/text-field";
import { saveMonthAction, submitMonthAction } from "@/lib/rht/actions";
import { correctMonthAction, hrSaveMonthAction, submitForEmployeeAction } from "@/lib/rht/hr-actions";
import { emptyWorkingDays, filledDay, isEmptyEntry, type EnteredDay } from "@/lib/rht/filled";
import { absenceKinds, dayFigures, type Absences } from "@/lib/rht/rules";
import { formatDuration, parseDuration } from "@/lib/rht/schema";
import { ActionButton } from "@/components/forms/action-button";
import { refusalOf, useErrorText, type Shown } from "@/components/forms/refusal";
import { callAction } from "@/components/forms/call-action";

type Day = { date: string; planned: number; holiday: string | null; filled: boolean; worked: number; absences: Record<string, number>; overtimeMarked: boolean };
type Row = { date: string; worked: string; absenceKind: string; absence: string; overtime: boolean };
type Status = "draft" | "submitted" | "approved" | "locked";

/**
 * A stored day as typed fields; an untouched day stays blank (RHT-RULES.md, Decisions). A
 * filled day keeps at least one field, so saving it again never empties it ("0:00" worked).
 * On a public holiday another absence is shown before the holiday's booked rest.
 */
const toRow = (d: Day): Row => {
  if (!d.filled) return { date: d.date, worked: "", absenceKind: "", absence: "", overtime: false };
  const entries = Object.entries(d.absences).filter(([, minutes]) => minutes > 0);
  const [kind, minutes] = entries.find(([k]) => k !== "public_holiday") ?? entries[0] ?? ["", 0];
  return { date: d.date, worked: d.worked || !kind ? formatDuration(d.worked) : "", absenceKind: kind, absence: minutes ? formatDuration(minutes) : "", overtime: d.overtimeMarked };
};

/** A typed time: null when blank, undefined when it does not read as a time. */
const readTime = (raw: string) => (raw.trim() === "" ? null : (parseDuration(raw) ?? undefined));

/** HR writing someone's month: before approval an ordinary save, after lock a correction with its reason. */
type HrWriter = { number: string; correction: boolean };

/** The month, one row per day: keyboard-friendly, rules checked as you type, totals always visible. */
export function MonthGrid({ month, days, status = "draft", editable, canSubmit = editable, hr }: { month: string; days: Day[]; status?: Status; editable: boolean; canSubmit?: boolean; hr?: HrWriter }) {
  const t = useTranslations("timesheet");
  const errorText = useErrorText();
  const format = useFormatter();
  const [rows, setRows] = useState<Row[]>(() => days.map(toRow));
  const [serverErrors, setServerErrors] = useState<Record<string, Shown>>({});
  const [summary, setSummary] = useState<Shown | string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);
  const [reason, setReason] = useState("");

  const update = (index: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows((current) => current.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  };

  // Live checks, the same rules the server applies (lib/rht/filled.ts): a blank day is empty, not lost.
  const checked = rows.map((row, i) => {
    const worked = readTime(row.worked);
    const absence = readTime(row.absence);
    const { planned, holiday } = days[i];
    if (worked === undefined || absence === undefined) return { empty: false, record: null, error: "timeInvalid" };
    if ((worked ?? 0) > 1440 || (absence ?? 0) > 1440) return { empty: false, record: null, error: "timeTooLong" };
    const entry: EnteredDay = { worked, absenceKind: row.absenceKind as EnteredDay["absenceKind"], absence, overtime: row.overtime };
    if (isEmptyEntry(entry)) return { empty: true, record: null, error: serverErrors[`${i}`] ?? null };
    const day = filledDay(planned, holiday !== null, entry);
    return { empty: false, record: { planned, worked: day.worked, absences: day.absences }, error: day.refusal?.key ?? serverErrors[`${i}`] ?? null };
  });

  // Approved or locked: empty working days were declared as worked as planned.
  const closed = status === "approved" || status === "locked";
  // Totals of what is filled; an empty planned public holiday is booked as one; an empty working day
  // counts nowhere while the month is open (it is not lost time), as planned once it is closed.
  const totals = useMemo(() => {
    const sum = { planned: 0, worked: 0, absent: 0, overtime: 0, lost: 0 };
    days.forEach((d, i) => {
      sum.planned += d.planned;
      const untouched = checked[i].empty && d.planned > 0;
      const record =
        checked[i].record ??
        (untouched && d.holiday ? { planned: d.planned, worked: 0, absences: { public_holiday: d.planned } as Absences } : untouched && closed ? { planned: d.planned, worked: d.planned, absences: {} } : null);
      if (!record) return;
      const figures = dayFigures(record);
      sum.worked += record.worked;
      sum.absent += Object.values(record.absences).reduce<number>((a, b) => a + (b ?? 0), 0);
      sum.overtime += figures.overtime;
      sum.lost += figures.lost;
    });
    return sum;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- checked derives from rows
  }, [rows, days, closed]);
  const empty = emptyWorkingDays(days.map((d, i) => ({ planned: d.planned, holiday: d.holiday, filled: !checked[i].empty })));

  async function save() {
    setSummary(null);
    setServerErrors({});
    if (checked.some((c) => c.error)) return setSummary("invalidInput");
    setPending(true);
    const result = await callAction(async () =>
      !hr
        ? saveMonthAction({ month, days: rows })
        : hr.correction
          ? correctMonthAction({ month, days: rows, number: hr.number, reason })
          : hrSaveMonthAction({ month, days: rows, number: hr.number }),
    );
    setPending(false);
    if (!result.ok) {
      const errors: Record<string, Shown> = {};
      for (const [field, keys] of Object.entries(result.fieldErrors ?? {})) {
        const index = field === "reason" ? "reason" : field.split(".")[1];
        if (index !== undefined) errors[index] = { key: keys[0], text: result.messages?.[keys[0]] };
      }
      setServerErrors(errors);
      return setSummary(refusalOf(result));
    }
    // The answer brought the page's new render (each save action `refreshesPage`).
    setSaved(true);
  }

  const h = (minutes: number) => formatDuration(minutes);
  // Each day with what its cells show: its label, live check and whether it still waits to be filled.
  const lines = rows.map((row, i) => {
    const day = days[i];
    const { record, error } = checked[i];
    const label = format.dateTime(new Date(`${day.date}T12:00:00Z`), { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
    return { row, i, day, label, record, error, errorId: `day-${i}-error`, notFilled: checked[i].empty && day.planned > 0 && !day.holiday };
  });

  return (
    <div className="flex flex-col gap-4">
      <FormError error={summary} />
      <section aria-labelledby="totals-heading" className="sticky top-0 z-10 rounded-lg border border-slate-300 bg-white p-3">
        <h2 id="totals-heading" className="sr-only">
          {t("totals")}
        </h2>
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-5" aria-live="polite">
          {[
            ["planned", totals.planned],
            ["worked", totals.worked],
            ["absent", totals.absent],
            ["overtime", totals.overtime],
            ["lost", totals.lost],
          ].map(([key, value]) => (
            <div key={key as string}>
              <dt className="text-slate-700">{t(`columns.${key as "planned"}`)}</dt>
              <dd className="text-lg font-semibold">{h(value as number)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <DataTable
        caption={t("caption")}
        rows={lines}
        rowKey={(l) => l.row.date}
        rowClassName={(l) => (l.day.planned === 0 ? "bg-slate-50" : l.notFilled && !closed ? "bg-amber-50" : undefined)}
        columns={[
          {
            key: "day",
            header: t("columns.day"),
            rowHeader: true,
            cell: ({ day, label, error, errorId }) => (
              <>
                {label}
                {day.holiday ? <span className="block text-xs font-normal text-slate-700">{day.holiday}</span> : null}
                {error ? (
                  <span id={errorId} className="block text-xs font-medium text-red-800">
                    {errorText(error)}
                  </span>
                ) : null}
              </>
            ),
          },
          { key: "planned", header: t("columns.planned"), cell: ({ day }) => h(day.planned) },
          {
            key: "worked",
            header: t("columns.worked"),
            cell: ({ row, i, label, error, errorId }) => (
              <input aria-label={t("workedOn", { day: label })} aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined} value={row.worked} disabled={!editable} inputMode="decimal" placeholder="0:00" onChange={(e) => update(i, { worked: e.target.value })} className="min-h-11 w-20 rounded-md border border-slate-500 px-2" />
            ),
          },
          {
            key: "absence",
            header: t("columns.absence"),
            cell: ({ row, i, label }) => (
              <select aria-label={t("absenceOn", { day: label })} value={row.absenceKind} disabled={!editable} onChange={(e) => update(i, { absenceKind: e.target.value })} className="min-h-11 rounded-md border border-slate-500 bg-white px-2">
                <option value="">–</option>
                {absenceKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`absences.${k}`)}
                  </option>
                ))}
              </select>
            ),
          },
          {
            key: "absenceTime",
            header: t("columns.absenceTime"),
            cell: ({ row, i, label }) => (
              <input aria-label={t("absenceTimeOn", { day: label })} value={row.absence} disabled={!editable || !row.absenceKind} inputMode="decimal" placeholder="0:00" onChange={(e) => update(i, { absence: e.target.value })} className="min-h-11 w-20 rounded-md border border-slate-500 px-2" />
            ),
          },
          {
            key: "overtime",
            header: t("columns.overtime"),
            cell: ({ row, i, label }) => <input type="checkbox" aria-label={t("overtimeOn", { day: label })} checked={row.overtime} disabled={!editable} onChange={(e) => update(i, { overtime: e.target.checked })} className="h-5 w-5 accent-blue-700" />,
          },
          {
            key: "lost",
            header: t("columns.lost"),
            cell: ({ notFilled, record }) =>
              notFilled ? <span className={closed ? "text-slate-700" : "font-medium text-amber-900"}>{t(closed ? "declaredAsPlanned" : "notFilled")}</span> : h(record ? dayFigures(record).lost : 0),
          },
          {
            key: "copy",
            header: <span className="sr-only">{t("columns.copy")}</span>,
            cell: ({ i, label }) =>
              editable && i > 0 ? (
                <button type="button" onClick={() => update(i, { worked: rows[i - 1].worked, absenceKind: rows[i - 1].absenceKind, absence: rows[i - 1].absence, overtime: rows[i - 1].overtime })} className="min-h-11 rounded-md px-2 text-blue-800 underline">
                  {t("copy")}
                  <span className="sr-only"> ({label})</span>
                </button>
              ) : null,
          },
        ]}
      />
      {editable && hr?.correction ? (
        <div className="max-w-xl">
          <TextField id="correction-reason" label={t("reason")} hint={t("reasonHint")} value={reason} onChange={(e) => setReason(e.target.value)} error={errorText(serverErrors.reason)} required />
        </div>
      ) : null}
      {editable ? (
        <div className="flex flex-col gap-2">
          {canSubmit ? (
            <p id="empty-days" className={empty > 0 ? "font-medium text-amber-900" : "text-slate-700"} aria-live="polite">
              {t("emptyDays", { count: empty })} {empty > 0 ? t("emptyHint") : null}
            </p>
          ) : null}
          <div className="flex flex-wrap items-start gap-2">
            <Button onClick={save} disabled={pending}>
              {hr?.correction ? t("saveCorrection") : t("save")}
            </Button>
            {canSubmit ? (
              <ActionButton variant="secondary" action={() => (hr ? submitForEmployeeAction({ month, number: hr.number }) : submitMonthAction({ month }))}>{hr ? t("submitFor") : t("submit")}</ActionButton>
            ) : null}
            {saved ? <p role="status" className="self-center font-medium text-green-800">{t("saved")}</p> : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
