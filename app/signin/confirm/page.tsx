import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "@/lib/i18n/server-translations";
import { buttonClass } from "@/components/ui/button-class";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { isSignInLinkValid } from "@/lib/auth/sign-in-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("confirm"))("title") };
}

type Search = Promise<{ token?: string; email?: string; callbackUrl?: string }>;

/**
 * The mailed link lands here. Opening it (or a mail scanner prefetching it)
 * uses nothing; only the button goes on to next-auth's callback, which uses
 * the token once.
 */
export default async function ConfirmPage({ searchParams }: { searchParams: Search }) {
  const { token, email, callbackUrl } = await searchParams;
  const t = await getTranslations("confirm");
  const wellFormed = typeof token === "string" && /^[a-f0-9]{64}$/.test(token) && typeof email === "string" && email.length <= 254;
  const valid = wellFormed && (await isSignInLinkValid(email!, token!));

  if (!valid) {
    return (
      <div className="mx-auto max-w-md">
        <PageTitle>{t("title")}</PageTitle>
        <Notice tone="warning" title={t("invalidTitle")}>
          {t("invalidBody")}
        </Notice>
        <p className="mt-4">
          <Link href="/signin" className={buttonClass("primary")}>
            {t("requestNew")}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead={t("lead", { email: email! })}>{t("title")}</PageTitle>
      <form method="get" action="/api/auth/callback/email">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <button type="submit" className={buttonClass("primary", "w-full")}>
          {t("button")}
        </button>
      </form>
      <p className="mt-4 text-sm text-slate-700">{t("notYou")}</p>
    </div>
  );
}
