import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server-translations";
import { BackToStatus } from "@/components/onboarding/back-to-status";
import { VolunteerForm } from "@/components/onsite/volunteer-form";
import { PageTitle } from "@/components/ui/page-title";
import { requirePerson } from "@/lib/auth/session";
import { volunteeredDays, zurichToday } from "@/lib/roster/onsite";
import { offeredDays } from "@/lib/roster/onsite-rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("onsite"))("title") };
}

export default async function OnsitePage() {
  const person = await requirePerson();
  const t = await getTranslations("onsite");
  const chosen = await volunteeredDays(person.employeeId);
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <VolunteerForm offered={offeredDays(zurichToday())} chosen={chosen} />
      <BackToStatus />
    </>
  );
}
