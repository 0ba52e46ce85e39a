import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "@/lib/i18n/server-translations";
import { buttonClass } from "@/components/ui/button-class";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signInError"))("title") };
}

const known = ["Verification", "AccessDenied", "EmailSignin", "RateLimited"] as const;
type Known = (typeof known)[number];

/** next-auth sends every sign-in failure here; each gets words a person understands. */
export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const t = await getTranslations("signInError");
  const key: Known | "Default" = known.includes(error as Known) ? (error as Known) : "Default";
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t("title")}</PageTitle>
      <Notice tone="warning" title={t(`${key}.title`)}>
        {t(`${key}.body`)}
      </Notice>
      <p className="mt-4">
        <Link href="/signin" className={buttonClass("primary")}>
          {t("again")}
        </Link>
      </p>
    </div>
  );
}
