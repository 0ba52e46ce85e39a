"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { decideReviewAction } from "@/lib/eligibility/review-actions";
import { refusalOf, type Shown } from "@/components/forms/refusal";
import { callAction, isUnreachable } from "@/components/forms/call-action";

type Outcome = "eligible" | "not_eligible";

/**
 * HR's two answers to one review, in its row of /hr/reviews. The decided row stays, saying what
 * was decided, until the next visit; a review someone else decided meanwhile refreshes the list.
 */
export function ReviewDecision({ number, name }: { number: number; name: string }) {
  const t = useTranslations("hr.reviews");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [decided, setDecided] = useState<Outcome | null>(null);
  const [error, setError] = useState<Shown | null>(null);

  async function decide(outcome: Outcome) {
    setPending(true);
    setError(null);
    const result = await callAction(() => decideReviewAction({ number, outcome }));
    setPending(false);
    if (result.ok) return setDecided(outcome);
    setError(refusalOf(result));
    if (!isUnreachable(result)) router.refresh();
  }

  if (decided) {
    return (
      <p role="status" className="font-medium text-green-800">
        {t("decided", { name, outcome: t(decided === "eligible" ? "eligible" : "notEligible") })}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <FormError error={error} />
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={pending} aria-label={t("eligibleFor", { name })} onClick={() => decide("eligible")}>
          {t("eligible")}
        </Button>
        <Button variant="secondary" disabled={pending} aria-label={t("notEligibleFor", { name })} onClick={() => decide("not_eligible")}>
          {t("notEligible")}
        </Button>
      </div>
    </div>
  );
}
