import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import { Notice } from "@/components/ui/notice";
import type { Check } from "@/lib/rht/checks";

const tone = { error: "error", warning: "warning", info: "info" } as const;

/** The checks before export, errors first, each with the unit, how many people and the first names. */
export async function CheckList({ checks, unitNames }: { checks: Check[]; unitNames: Map<string, string> }) {
  const t = await getTranslations("hr.checks");
  const format = await getFormatter();
  // Dates in a check (an authorisation's first and last day) in the reader's format; an open end as "…".
  const values = (c: Check) =>
    Object.fromEntries(Object.entries(c.values ?? {}).map(([k, v]) => [k, v ? format.dateTime(new Date(`${v}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : "…"]));
  if (checks.length === 0) return <Notice tone="success">{t("none")}</Notice>;
  return (
    <ul className="flex flex-col gap-2">
      {checks.map((c) => (
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
      ))}
    </ul>
  );
}
