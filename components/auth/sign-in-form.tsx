"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { signInSchema, type SignInInput } from "@/lib/auth/schema";
import { useErrorText } from "@/components/forms/refusal";
import { requestSignInLink } from "./next-auth-requests";

type ServerError = { key: "rateLimited"; minutes: number } | { key: "unexpected" | "unreachable" } | null;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signIn");
  const errorText = useErrorText();
  const router = useRouter();
  const [serverError, setServerError] = useState<ServerError>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "" } });

  const onSubmit = handleSubmit(async ({ email }) => {
    setServerError(null);
    try {
      const result = await requestSignInLink(email, callbackUrl);
      if (result.ok && !result.error) {
        router.push("/signin/check-email");
        return;
      }
      if (result.error === "InvalidEmail" || result.error === "EmailSignin") {
        setError("email", { message: "emailInvalid" });
      } else if (result.error === "RateLimited" || result.status === 429) {
        const retryAfter = Number(result.url.searchParams.get("retryAfter")) || 900;
        setServerError({ key: "rateLimited", minutes: Math.max(1, Math.ceil(retryAfter / 60)) });
      } else {
        setServerError({ key: "unexpected" });
      }
    } catch {
      // No answer at all (a phone's link lost on the way): say so, not "a problem on our side".
      setServerError({ key: "unreachable" });
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-describedby={serverError ? "signin-error" : undefined}>
      {serverError ? (
        <Notice id="signin-error" tone="error" title={t("errorTitle")}>
          {serverError.key === "rateLimited" ? t("rateLimited", { minutes: serverError.minutes }) : errorText(serverError.key)}
        </Notice>
      ) : null}
      <TextField
        id="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        label={t("emailLabel")}
        hint={t("emailHint")}
        error={errorText(errors.email?.message)}
        {...register("email")}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("sending") : t("submit")}
      </Button>
    </form>
  );
}
