import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "@/lib/i18n/server-translations";
import { PageTitle } from "@/components/ui/page-title";
import { devMailboxEnabled } from "@/lib/mail/dev-mailbox";
import { signInLinkMinutes } from "@/lib/auth/sign-in-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checkEmail"))("title") };
}

/** The same page for every address, on file or not. */
export default async function CheckEmailPage() {
  const t = await getTranslations("checkEmail");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t("title")}</PageTitle>
      <div className="flex flex-col gap-3">
        <p>{t("body", { minutes: signInLinkMinutes })}</p>
        <p>{t("spam")}</p>
        {devMailboxEnabled() ? (
          <p>
            {t("demoHint")}{" "}
            <Link href="/dev/mailbox" className="font-medium text-blue-800 underline">
              {t("demoLink")}
            </Link>
          </p>
        ) : null}
        <p>
          <Link href="/signin" className="font-medium text-blue-800 underline">
            {t("again")}
          </Link>
        </p>
      </div>
    </div>
  );
}
