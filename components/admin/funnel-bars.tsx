// The roll-out funnel as labelled horizontal bars (issue 15 point 12): one row per step with
// its name, a bar on a logarithmic scale (lib/admin/funnel.ts barWidth), its exact count and
// its share of the step before. Plain markup, read by screen readers as a list; the bars
// themselves are decoration, the figures are in the text.

export type FunnelBar = { step: string; name: string; count: string; width: number; ofPrevious: string | null };

export function FunnelBars({ bars, label, note }: { bars: FunnelBar[]; label: string; note: string }) {
  return (
    <figure className="mb-4">
      <ol aria-label={label} className="flex flex-col gap-2">
        {bars.map((bar) => (
          <li key={bar.step} className="grid grid-cols-1 gap-1 sm:grid-cols-[12rem_1fr_16rem] sm:items-center sm:gap-3">
            <span className="font-medium">{bar.name}</span>
            <span aria-hidden="true" className="block h-5 w-full rounded-sm bg-slate-100">
              <span className="block h-5 rounded-sm bg-blue-800" style={{ width: `${bar.width}%` }} />
            </span>
            <span className="text-sm">
              <span className="font-semibold">{bar.count}</span>
              {bar.ofPrevious ? <span className="text-slate-700"> · {bar.ofPrevious}</span> : null}
            </span>
          </li>
        ))}
      </ol>
      <figcaption className="mt-2 text-sm text-slate-700">{note}</figcaption>
    </figure>
  );
}
