import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import { Notice } from "@/components/ui/notice";
import { getNumberFormatter } from "@/lib/i18n/number-formatter";
import { groupChecks } from "@/lib/rht/check-groups";
import type { Check } from "@/lib/rht/checks";

const tone = { error: "error", warning: "warning", info: "info" } as const;

/**
 * The checks before export, errors first. Each error, and each check only one unit has, names its
 * unit, how many people and the first names; a warning or information several units share is one
 * notice listing those units (lib/rht/check-groups.ts), each linked to its page with the names.
 */
export async function CheckList({ checks, unitNames, month }: { checks: Check[]; unitNames: Map<string, string>; month: string }) {
  const t = await getTranslations("hr.checks");
  const format = await getFormatter();
  const n = await getNumberFormatter();
  // Dates in a check (an authorisation's first and last day) in the reader's format; an open end as "…".
  const values = (c: Check) =>
    Object.fromEntries(Object.entries(c.values ?? {}).map(([k, v]) => [k, v ? format.dateTime(new Date(`${v}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : "…"]));
  if (checks.length === 0) return <Notice tone="success">{t("none")}</Notice>;
  return (
    <ul className="flex flex-col gap-2">
      {groupChecks(checks).map((group) => {
        if (group.kind === "unit") {
          const c = group.check;
          return (
            <li key={`${c.unitId}:${c.code}`}>
              <Notice tone={tone[c.level]} title={`${t(`level.${c.level}`)} · ${unitNames.get(c.unitId) ?? ""}`}>
                <p>{t(`codes.${c.code}`, { count: c.count, ...values(c) })}</p>
                {c.people.length > 0 ? (
                  <p className="mt-1 text-sm">
                    {c.people.join(", ")}
                    {c.count > c.people.length ? ` ${t("more", { count: c.count - c.people.length })}` : ""}
                  </p>
                ) : null}
              </Notice>
            </li>
          );
        }
        const aboutPeople = group.units.some((u) => u.count !== null);
        return (
          <li key={group.code}>
            <Notice tone={tone[group.level]} title={`${t(`level.${group.level}`)} · ${t("units", { count: group.units.length })}`}>
              <p>{group.code === "underThreshold" ? t("underThresholdUnits") : t(`codes.${group.code}`, { count: group.count })}</p>
              <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                {group.units.map((u) => (
                  <li key={u.unitId}>
                    <Link href={`/hr/units/${u.unitId}?month=${month}`} className="text-blue-800 underline">
                      {unitNames.get(u.unitId) ?? ""}
                    </Link>
                    {u.count !== null ? ` (${n(u.count)})` : ""}
                  </li>
                ))}
              </ul>
              {aboutPeople ? <p className="mt-1 text-sm">{t("namesOnUnit")}</p> : null}
            </Notice>
          </li>
        );
      })}
    </ul>
  );
}
