"use client";

import { useLocale } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/i18n/format";

// Charts for people who would rather look than read. Each one sits next to a table
// with the same figures, which is what screen readers and keyboards use. Axes and
// tooltips write numbers the Swiss way of the reader's language (2’003 in German),
// as the tables do (lib/i18n/format.ts). The funnel is FunnelBars (funnel-bars.tsx).

function useNumbers() {
  const locale = useLocale();
  return (value: unknown) => (typeof value === "number" ? formatNumber(locale, value) : String(value ?? ""));
}

/** Stacked bars: open tickets per category (its name in the reader's language), by age. */
export function TicketAgeChart({ data, labels }: { data: { category: string; under1: number; under3: number; older: number }[]; labels: { under1: string; under3: string; older: string } }) {
  const n = useNumbers();
  return (
    <figure aria-hidden="true" className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ left: 8, right: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="category" />
          <YAxis allowDecimals={false} tickFormatter={n} />
          <Tooltip formatter={n} />
          <Legend />
          <Bar dataKey="under1" name={labels.under1} stackId="age" fill="#15803d" isAnimationActive={false} />
          <Bar dataKey="under3" name={labels.under3} stackId="age" fill="#b45309" isAnimationActive={false} />
          <Bar dataKey="older" name={labels.older} stackId="age" fill="#b91c1c" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

type Kinds = { laptop: number; vdi_seat: number; router_4g: number };

/**
 * The queues' burn-down: people waiting at the end of each day, per kind of device; days as the
 * reader writes them. `ahead`: the forecast from today (issue 17 point 3), drawn dashed after it.
 */
export function BurnDownChart({ data, ahead = [], labels }: { data: ({ day: string } & Kinds)[]; ahead?: ({ day: string } & Kinds)[]; labels: { laptop: string; vdi_seat: string; router_4g: string; forecast: string } }) {
  const locale = useLocale();
  const n = useNumbers();
  const day = (d: unknown) => new Intl.DateTimeFormat(locale === "de" ? "de-CH" : locale, { day: "numeric", month: "numeric", timeZone: "UTC" }).format(new Date(`${String(d)}T12:00:00Z`));
  const byDay = new Map<string, Record<string, number | string>>(data.map((d) => [d.day, { ...d }]));
  for (const a of ahead) byDay.set(a.day, { ...(byDay.get(a.day) ?? { day: a.day }), laptopAhead: a.laptop, vdi_seatAhead: a.vdi_seat, router_4gAhead: a.router_4g });
  const rows = [...byDay.values()].sort((a, b) => String(a.day).localeCompare(String(b.day)));
  const lines = [
    ["laptop", "#1e40af"],
    ["vdi_seat", "#15803d"],
    ["router_4g", "#b45309"],
  ] as const;
  return (
    <figure aria-hidden="true" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" tickFormatter={day} />
          <YAxis allowDecimals={false} tickFormatter={n} />
          <Tooltip formatter={n} labelFormatter={day} />
          <Legend />
          {lines.map(([kind, colour]) => (
            <Line key={kind} dataKey={kind} name={labels[kind]} stroke={colour} strokeWidth={2} dot={false} isAnimationActive={false} />
          ))}
          {ahead.length > 0
            ? lines.map(([kind, colour]) => (
                <Line key={`${kind}Ahead`} dataKey={`${kind}Ahead`} name={labels.forecast.replace("{pool}", labels[kind])} stroke={colour} strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
              ))
            : null}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
