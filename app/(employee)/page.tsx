import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server-translations";
import { CaseOverview } from "@/components/onboarding/case-overview";
import { StatusExtras } from "@/components/onboarding/status-extras";
import { PageTitle } from "@/components/ui/page-title";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getDeviceRequest } from "@/lib/devices/queries";
import { getNotEligibleHelp } from "@/lib/eligibility/explanation";
import { reviewPromise } from "@/lib/eligibility/review-promise";
import { getCaseSteps } from "@/lib/onboarding/queries";
import { listOpenTickets } from "@/lib/tickets/service";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("status"))("title") };
}

export default async function StatusPage() {
  const person = await requirePerson();
  const t = await getTranslations("status");
  const [steps, tickets, device] = await Promise.all([getCaseSteps(person.employeeId), listOpenTickets(db(), person.employeeId), getDeviceRequest(person.employeeId)]);
  // A "no" is explained (which facts, whom to ask) where the person lands (issue 13 points 6, 7).
  const notEligible = steps.eligibility === "not_eligible" ? await getNotEligibleHelp(person.employeeId) : null;
  const review = steps.eligibility === "review" ? await reviewPromise(person.employeeId) : null;
  return (
    <>
      <PageTitle lead={t("lead")}>{t("greeting", { name: person.firstName })}</PageTitle>
      <CaseOverview steps={steps} tickets={tickets} device={device} notEligible={notEligible} review={review} />
      <StatusExtras employeeId={person.employeeId} />
    </>
  );
}
