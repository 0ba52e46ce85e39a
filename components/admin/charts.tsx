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

/** The queues' burn-down: people waiting at the end of each day, per kind of device; days as the reader writes them. */
export function BurnDownChart({ data, labels }: { data: { day: string; laptop: number; vdi_seat: number; router_4g: number }[]; labels: { laptop: string; vdi_seat: string; router_4g: string } }) {
  const locale = useLocale();
  const n = useNumbers();
  const day = (d: unknown) => new Intl.DateTimeFormat(locale === "de" ? "de-CH" : locale, { day: "numeric", month: "numeric", timeZone: "UTC" }).format(new Date(`${String(d)}T12:00:00Z`));
  return (
    <figure aria-hidden="true" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" tickFormatter={day} />
          <YAxis allowDecimals={false} tickFormatter={n} />
          <Tooltip formatter={n} labelFormatter={day} />
          <Legend />
          <Line dataKey="laptop" name={labels.laptop} stroke="#1e40af" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line dataKey="vdi_seat" name={labels.vdi_seat} stroke="#15803d" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line dataKey="router_4g" name={labels.router_4g} stroke="#b45309" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
