import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, test, vi } from "vitest";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { messagesByLocale } from "@/lib/i18n/messages";

// The router is the one thing replaced: the page only asks it to refresh on retry.
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh() {} }) }));

const { default: ErrorPage } = await import("@/app/error");
const { default: GlobalError } = await import("@/app/global-error");

/** What the page receives in production: the message is blanked, the digest kept. */
const asReceived = (error: Error & { digest?: string }) => Object.assign(new Error("An error occurred in the Server Components render."), { digest: error.digest });

const render = (locale: "fr" | "de" | "en", error: Error) =>
  renderToString(
    createElement(
      NextIntlClientProvider,
      { locale, messages: messagesByLocale[locale], timeZone: "Europe/Zurich" } as never,
      createElement(ErrorPage, { error, reset: () => {} }),
    ),
  );

describe("the error page", () => {
  test.each([
    ["en", "Passerelle is temporarily unavailable"],
    ["fr", "Passerelle est momentanément indisponible"],
    ["de", "Passerelle ist vorübergehend nicht verfügbar"],
  ] as const)("a database outage reads 'temporarily unavailable' in %s", (locale, title) => {
    const html = render(locale, asReceived(new DatabaseUnavailableError()));
    expect(html).toContain(title);
    expect(html).toContain(messagesByLocale[locale].errorPage.unavailableBody.replace(/'/g, "&#x27;"));
  });

  test("any other failure keeps the general message", () => {
    const html = render("en", asReceived(Object.assign(new Error("bug"), { digest: "12345" })));
    expect(html).toContain(messagesByLocale.en.errorPage.title);
    expect(html).not.toContain("temporarily unavailable");
  });

  test("the last-resort page (root layout failed) says it in all three languages", () => {
    const html = renderToString(createElement(GlobalError, { error: asReceived(new DatabaseUnavailableError()), reset: () => {} }));
    expect(html).toContain("momentanément indisponible");
    expect(html).toContain("vorübergehend nicht");
    expect(html).toContain("temporarily unavailable");
  });
});
