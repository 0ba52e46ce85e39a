import { Link } from "@/components/ui/link";
import { getTranslations } from "@/lib/i18n/server-translations";
import { getCurrentPerson } from "@/lib/auth/session";
import { hasRole, type Role } from "@/lib/auth/roles";
import { LanguageSwitcher } from "./language-switcher";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

const areas: { href: string; role: Role; key: "status" | "it" | "hr" | "admin" }[] = [
  { href: "/", role: "employee", key: "status" },
  { href: "/it", role: "it_agent", key: "it" },
  { href: "/hr", role: "hr", key: "hr" },
  { href: "/admin", role: "admin", key: "admin" },
];

export async function AppHeader() {
  const t = await getTranslations("shell");
  const person = await getCurrentPerson().catch(() => null);
  const visible = person ? areas.filter((a) => hasRole(person.roles, a.role)) : [];

  return (
    // Printed pages (the connection guide, the on-site roster) show their content only.
    <header className="bg-blue-900 text-white print:hidden">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <Link href={person ? "/start" : "/signin"} className="min-h-11 py-2 text-lg font-bold">
          Passerelle
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <LanguageSwitcher />
          {person ? <SignOutButton /> : null}
        </div>
      </div>
      {visible.length > 1 || (person && visible.length === 1) ? (
        <nav aria-label={t("mainNavigation")} className="border-t border-blue-800">
          <ul className="mx-auto flex max-w-5xl flex-wrap gap-1 px-4 py-1">
            {visible.map((area) => (
              <li key={area.href}>
                <NavLink href={area.href}>{t(`areas.${area.key}`)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {person ? (
        <p className="sr-only">{t("signedInAs", { name: `${person.firstName} ${person.lastName}` })}</p>
      ) : null}
    </header>
  );
}
