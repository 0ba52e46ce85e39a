"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { signInSchema, type SignInInput } from "@/lib/auth/schema";
import { useErrorText } from "@/components/forms/refusal";

type ServerError = { key: "rateLimited"; minutes: number } | { key: "unexpected" } | null;

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
      const result = await signIn("email", { email, callbackUrl, redirect: false });
      if (result?.ok) {
        router.push("/signin/check-email");
        return;
      }
      const url = result?.url ?? "";
      if (result?.error === "InvalidEmail" || result?.error === "EmailSignin") {
        setError("email", { message: "emailInvalid" });
      } else if (result?.error === "RateLimited" || result?.status === 429) {
        const retryAfter = Number(new URLSearchParams(url.split("?")[1] ?? "").get("retryAfter")) || 900;
        setServerError({ key: "rateLimited", minutes: Math.max(1, Math.ceil(retryAfter / 60)) });
      } else {
        setServerError({ key: "unexpected" });
      }
    } catch {
      setServerError({ key: "unexpected" });
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-describedby={serverError ? "signin-error" : undefined}>
      {serverError ? (
        <Notice id="signin-error" tone="error" title={t("errorTitle")}>
          {serverError.key === "rateLimited" ? t("rateLimited", { minutes: serverError.minutes }) : errorText("unexpected")}
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
