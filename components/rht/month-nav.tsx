import { Link } from "@/components/ui/link";
import { monthStart, shiftMonth } from "@/lib/rht/month";
import { getFormatter } from "@/lib/i18n/server-translations";

/** Previous / current / next month, as links that keep the rest of the query. */
export async function MonthNav({ month, basePath, label, previous, next, query = "" }: { month: string; basePath: string; label: string; previous: string; next: string; query?: string }) {
  const format = await getFormatter();
  const href = (m: string) => `${basePath}?month=${m}${query}`;
  return (
    <nav aria-label={label} className="mb-4 flex items-center gap-4">
      <Link href={href(shiftMonth(month, -1))} className="min-h-11 py-2 font-medium text-blue-800 underline">
        {previous}
      </Link>
      <span className="font-semibold" aria-current="page">
        {format.dateTime(monthStart(month), { month: "long", year: "numeric", timeZone: "UTC" })}
      </span>
      <Link href={href(shiftMonth(month, 1))} className="min-h-11 py-2 font-medium text-blue-800 underline">
        {next}
      </Link>
    </nav>
  );
}
