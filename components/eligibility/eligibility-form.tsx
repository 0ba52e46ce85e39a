"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyActionErrors } from "@/components/forms/action-errors";
import { FormError } from "@/components/forms/form-error";
import { RadioGroup } from "@/components/forms/radio-group";
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
  const te = useTranslations("errors");
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EligibilityAnswers>({ resolver: zodResolver(eligibilityAnswersSchema), defaultValues: defaults ?? {} });

  const onSubmit = handleSubmit(async (answers) => {
    setFormError(null);
    const result = await submitEligibilityAction(answers);
    if (!result.ok) {
      setFormError(applyActionErrors(result, setError));
      return;
    }
    router.refresh();
    document.getElementById("main")?.focus();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      <FormError errorKey={formError} />
      {eligibilityQuestions.map((question) => (
        <RadioGroup
          key={question}
          name={question}
          legend={t(`questions.${question}.label`)}
          hint={t(`questions.${question}.hint`)}
          options={choices[question].map((value) => ({ value, label: t(`answers.${value}` as never) }))}
          error={errors[question]?.message ? te(errors[question]!.message as never) : undefined}
          inputProps={{ ...register(question), disabled }}
        />
      ))}
      <Button type="submit" disabled={isSubmitting || disabled}>
        {isSubmitting ? t("checking") : t("submit")}
      </Button>
    </form>
  );
}
