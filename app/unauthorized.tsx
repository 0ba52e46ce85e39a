"use client";

import { useTranslations } from "next-intl";
import { BoundaryPage } from "@/components/ui/boundary-page";

// A client component on purpose, like not-found.tsx: without it Next renders its own English 401
// page into every page's React payload. The app redirects to sign-in instead of calling unauthorized().
export default function Unauthorized() {
  const t = useTranslations("unauthorized");
  return <BoundaryPage title={t("title")} body={t("body")} href="/signin" link={t("signIn")} />;
}
