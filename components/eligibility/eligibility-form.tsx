"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/forms/form-error";
import { RadioGroup } from "@/components/forms/radio-group";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { submitEligibilityAction } from "@/lib/eligibility/actions";
import { eligibilityAnswersSchema, eligibilityQuestions, type EligibilityAnswers } from "@/lib/eligibility/schema";

const choices: Record<(typeof eligibilityQuestions)[number], string[]> = {
  workFromHome: ["yes", "partly", "no"],
  confidentialPaper: ["no", "yes"],
  onSiteEquipment: ["no", "yes"],
  homeWorkspace: ["yes", "no"],
};

export function EligibilityForm({ defaults, disabled }: { defaults: Partial<EligibilityAnswers> | null; disabled: boolean }) {
  const t = useTranslations("eligibility");
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<EligibilityAnswers, unknown>({
    schema: eligibilityAnswersSchema,
    defaultValues: defaults ?? {},
    action: submitEligibilityAction,
    // The answer brought the page's new render (the action `refreshesPage`).
    onSuccess: () => {
      document.getElementById("main")?.focus();
    },
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6">
      <FormError error={summary} />
      {eligibilityQuestions.map((question) => (
        <RadioGroup
          key={question}
          name={question}
          legend={t(`questions.${question}.label`)}
          hint={t(`questions.${question}.hint`)}
          options={choices[question].map((value) => ({ value, label: t(`answers.${value}` as never) }))}
          error={fieldError(question)}
          inputProps={{ ...form.register(question), disabled }}
        />
      ))}
      <Button type="submit" disabled={isSubmitting || disabled}>
        {isSubmitting ? t("checking") : t("submit")}
      </Button>
    </form>
  );
}
