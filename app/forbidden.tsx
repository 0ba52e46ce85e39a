"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/page-title";

// A client component on purpose: Next puts the root's boundaries into every page's React payload
// (four copies), and a client one goes there as a reference instead of its rendered tree (issue 16).
export default function Forbidden() {
  const t = useTranslations("forbidden");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead={t("body")}>{t("title")}</PageTitle>
      <Link href="/start" className={buttonClass("primary")}>
        {t("home")}
      </Link>
    </div>
  );
}
