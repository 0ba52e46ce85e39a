"use client";

import { useTranslations } from "next-intl";
import { BoundaryPage } from "@/components/ui/boundary-page";

// A client component on purpose: Next puts the root's boundaries into every page's React payload
// (four copies), and a client one goes there as a reference instead of its rendered tree (issue 16).
export default function Forbidden() {
  const t = useTranslations("forbidden");
  return <BoundaryPage title={t("title")} body={t("body")} href="/start" link={t("home")} />;
}
