"use client";

import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { submitImportedMonthsAction } from "@/lib/rht/hr-actions";
import type { SubmitImportedResult } from "@/lib/rht/submit-unit";
import { refusalOf, type Shown } from "@/components/forms/refusal";
import { callAction } from "@/components/forms/call-action";

/**
 * "Submit all imported months" of a unit (issue 14 point 6): one action instead of a click
 * per person, after a confirmation that names the count. The result stays on screen: how
 * many were submitted, and who was not, with their empty working days and a link to fill them.
 */
export function SubmitImported({ unitId, unit, month, count }: { unitId: string; unit: string; month: string; count: number }) {
  const t = useTranslations("hr.submitImported");
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Shown | null>(null);
  const [result, setResult] = useState<SubmitImportedResult | null>(null);
  if (count === 0 && !result) return null;

  async function submit() {
    setPending(true);
    setError(null);
    const answer = await callAction(() => submitImportedMonthsAction({ unitId, month }));
    setPending(false);
    setConfirming(false);
    if (!answer.ok) return setError(refusalOf(answer));
    setResult(answer.data);
  }

  return (
    <section aria-labelledby="imported-heading" className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="imported-heading" className="mb-2 text-xl font-semibold">
        {t("title")}
      </h2>
      <FormError error={error} />
      {count > 0 ? <p className="mb-3">{t("waiting", { count })}</p> : null}
      {count > 0 && !confirming ? (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {t("button")}
        </Button>
      ) : null}
      {count > 0 && confirming ? (
        <div role="group" aria-labelledby="imported-confirm" className="flex flex-col gap-2">
          <p id="imported-confirm" className="font-medium">
            {t("confirm", { count, unit })}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button onClick={submit} disabled={pending}>
              {t("yes", { count })}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : null}
      {result ? (
        <div role="status" className="mt-3 flex flex-col gap-2">
          <p className="font-medium text-green-800">{t("submitted", { count: result.submitted })}</p>
          {result.refused.length > 0 ? (
            <>
              <p className="font-medium text-amber-900">{t("refused", { count: result.refused.length })}</p>
              <ul className="list-disc pl-6">
                {result.refused.map((r) => (
                  <li key={r.number}>
                    <Link href={`/hr/people?number=${encodeURIComponent(r.number)}&month=${month}`} className="text-blue-800 underline">
                      {r.name} ({r.number})
                    </Link>
                    {": "}
                    {t("emptyDays", { count: r.emptyDays })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
