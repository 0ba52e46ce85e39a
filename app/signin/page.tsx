import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server-translations";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getCurrentPerson } from "@/lib/auth/session";
import { env } from "@/lib/config/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

type Search = Promise<{ callbackUrl?: string; signedOut?: string; error?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl, env().PUBLIC_URL) ?? "/start";
  if (await getCurrentPerson()) redirect(callbackPath);
  const t = await getTranslations("signIn");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="flex flex-col gap-4">
        {params.signedOut ? <Notice tone="success">{t("signedOut")}</Notice> : null}
        <SignInForm callbackUrl={callbackPath} />
        <p className="text-sm text-slate-700">{t("privacy")}</p>
      </div>
    </div>
  );
}
