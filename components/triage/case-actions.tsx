"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { caseActionAction } from "@/lib/triage/actions";
import { refusalOf, type Shown } from "@/components/forms/refusal";
import { callAction } from "@/components/forms/call-action";

/** The agent's actions on the case behind the ticket. */
export function CaseActions({ number, hasWork, hasPrivate }: { number: number; hasWork: boolean; hasPrivate: boolean }) {
  const t = useTranslations("it.caseActions");
  const [serial, setSerial] = useState("");
  const [outcome, setOutcome] = useState("eligible");
  const [which, setWhich] = useState(hasPrivate ? "private" : "work");
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<Shown | null>(null);
  const [pending, setPending] = useState(false);

  async function run(input: Record<string, unknown>) {
    setPending(true);
    setError(null);
    setMessage(null);
    const result = await callAction(() => caseActionAction({ number, ...input }));
    setPending(false);
    if (!result.ok) return setError(refusalOf(result));
    setMessage(t(`done.${input.kind as "priority"}`));
  }

  return (
    <section aria-labelledby="case-actions-heading" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="case-actions-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <FormError error={error} />
      {message ? (
        <p role="status" className="font-medium text-green-800">
          {message}
        </p>
      ) : null}
      <Button variant="secondary" disabled={pending} onClick={() => run({ kind: "priority" })}>
        {t("priority")}
      </Button>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <TextField id="case-serial" label={t("serialLabel")} value={serial} onChange={(e) => setSerial(e.target.value)} autoComplete="off" />
        </div>
        <Button variant="secondary" disabled={pending} onClick={() => run({ kind: "serial", serial })}>
          {t("assignSerial")}
        </Button>
      </div>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <SelectField id="case-outcome" label={t("reviewLabel")} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            <option value="eligible">{t("eligible")}</option>
            <option value="not_eligible">{t("notEligible")}</option>
          </SelectField>
        </div>
        <Button variant="secondary" disabled={pending} onClick={() => run({ kind: "eligibility", outcome })}>
          {t("recordReview")}
        </Button>
      </div>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <SelectField id="case-address" label={t("linkLabel")} value={which} onChange={(e) => setWhich(e.target.value)}>
            {hasWork ? <option value="work">{t("work")}</option> : null}
            {hasPrivate ? <option value="private">{t("private")}</option> : null}
          </SelectField>
        </div>
        <Button variant="secondary" disabled={pending || (!hasWork && !hasPrivate)} onClick={() => run({ kind: "signInLink", which })}>
          {t("sendLink")}
        </Button>
      </div>
    </section>
  );
}
