"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/page-title";

// A client component on purpose, like not-found.tsx: without it Next renders its own English 401
// page into every page's React payload. The app redirects to sign-in instead of calling unauthorized().
export default function Unauthorized() {
  const t = useTranslations("unauthorized");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead={t("body")}>{t("title")}</PageTitle>
      <Link href="/signin" className={buttonClass("primary")}>
        {t("signIn")}
      </Link>
    </div>
  );
}
