import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server-translations";
import { buttonClass } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/page-title";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead={t("body")}>{t("title")}</PageTitle>
      <Link href="/start" className={buttonClass("primary")}>
        {t("home")}
      </Link>
    </div>
  );
}
