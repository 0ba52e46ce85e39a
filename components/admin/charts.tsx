"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Charts for people who would rather look than read. Each one sits next to a table
// with the same figures, which is what screen readers and keyboards use.

/** Horizontal bars, one per step, in the funnel's order. */
export function FunnelChart({ data, label }: { data: { step: string; people: number }[]; label: string }) {
  return (
    <figure aria-hidden="true" className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="step" width={170} />
          <Tooltip />
          <Bar dataKey="people" name={label} fill="#1e40af" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Stacked bars: open tickets per category, by age. */
export function TicketAgeChart({ data, labels }: { data: { category: string; under1: number; under3: number; older: number }[]; labels: { under1: string; under3: string; older: string } }) {
  return (
    <figure aria-hidden="true" className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ left: 8, right: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="category" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="under1" name={labels.under1} stackId="age" fill="#15803d" isAnimationActive={false} />
          <Bar dataKey="under3" name={labels.under3} stackId="age" fill="#b45309" isAnimationActive={false} />
          <Bar dataKey="older" name={labels.older} stackId="age" fill="#b91c1c" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** The queues' burn-down: people waiting at the end of each day, per kind of device. */
export function BurnDownChart({ data, labels }: { data: { day: string; laptop: number; vdi_seat: number; router_4g: number }[]; labels: { laptop: string; vdi_seat: string; router_4g: string } }) {
  return (
    <figure aria-hidden="true" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Line dataKey="laptop" name={labels.laptop} stroke="#1e40af" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line dataKey="vdi_seat" name={labels.vdi_seat} stroke="#15803d" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line dataKey="router_4g" name={labels.router_4g} stroke="#b45309" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
