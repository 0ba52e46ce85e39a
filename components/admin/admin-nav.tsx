import { Link } from "@/components/ui/link";
import { getTranslations } from "@/lib/i18n/server-translations";

const sections = ["dashboard", "roster", "waves", "stock", "onsite", "settings", "audit"] as const;
const paths: Record<(typeof sections)[number], string> = { dashboard: "/admin", roster: "/admin/roster", waves: "/admin/waves", stock: "/admin/stock", onsite: "/admin/onsite", settings: "/admin/settings", audit: "/admin/audit" };

/** The admin area's sections; the current one is marked for screen readers too. */
export async function AdminNav({ current }: { current: (typeof sections)[number] }) {
  const t = await getTranslations("admin.nav");
  return (
    <nav aria-label={t("label")} className="mb-6 overflow-x-auto">
      <ul className="flex gap-2">
        {sections.map((s) => (
          <li key={s}>
            <Link
              href={paths[s]}
              aria-current={s === current ? "page" : undefined}
              className={`inline-flex min-h-11 items-center rounded-md px-3 font-medium ${s === current ? "bg-blue-800 text-white" : "text-blue-800 underline"}`}
            >
              {t(s)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
