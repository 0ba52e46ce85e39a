import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { requireRole } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("it"))("title") };
}

export default async function ItPage() {
  await requireRole("it_agent");
  const t = await getTranslations("it");
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <p>{t("comingSoon")}</p>
    </>
  );
}
