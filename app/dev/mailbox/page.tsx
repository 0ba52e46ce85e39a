import type { Metadata } from "next";
import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import { notFound } from "next/navigation";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { devMailboxEnabled, listDevMail } from "@/lib/mail/dev-mailbox";
import { pageQuery, type PageSearchParams } from "@/lib/http/search-params";
import { mailboxQuery } from "@/lib/http/page-queries";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devMailbox"))("title") };
}

/** Demo mode only: what would have been e-mailed. It hands out sign-in links, so it never exists otherwise. */
export default async function DevMailboxPage({ searchParams }: { searchParams: PageSearchParams }) {
  if (!devMailboxEnabled()) notFound();
  const filter = pageQuery(mailboxQuery, await searchParams).to ?? null;
  const t = await getTranslations("devMailbox");
  const format = await getFormatter();
  const messages = await listDevMail(filter);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <Notice tone="warning" title={t("bannerTitle")}>
        {t("banner")}
      </Notice>
      <form method="get" className="my-6 flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex flex-1 flex-col gap-1">
          <label htmlFor="to" className="font-medium">
            {t("filterLabel")}
          </label>
          <input id="to" name="to" type="email" defaultValue={filter ?? ""} className="min-h-11 rounded-md border border-slate-500 px-3" />
        </div>
        <button type="submit" className="min-h-11 rounded-md bg-blue-700 px-4 font-medium text-white hover:bg-blue-800">
          {t("filterButton")}
        </button>
      </form>
      {messages.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-4" aria-label={t("listLabel")}>
          {messages.map((message) => (
            <li key={message.id}>
              <article className="rounded-lg border border-slate-300 bg-white p-4" aria-labelledby={`mail-${message.id}`}>
                <h2 id={`mail-${message.id}`} className="font-semibold">
                  {message.subject}
                </h2>
                <p className="text-sm text-slate-700">
                  {t("to")}: {message.to} · {format.dateTime(message.deliveredAt, { dateStyle: "short", timeStyle: "medium" })}
                </p>
                <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm">{message.text}</pre>
                {message.links.length > 0 ? (
                  <ul className="mt-3 flex flex-col gap-1">
                    {message.links.map((link) => (
                      <li key={link}>
                        <a href={link} className="break-all font-medium text-blue-800 underline">
                          {t("openLink")}
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
