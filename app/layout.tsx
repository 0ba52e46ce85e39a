import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server-translations";
import type { ReactNode } from "react";
import { SkipLink } from "@/components/ui/skip-link";
import { AppHeader } from "@/components/shell/app-header";
import { messagesFor } from "@/components/i18n/client-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell");
  return {
    title: { default: "Passerelle", template: "%s · Passerelle" },
    description: t("tagline"),
    // Files in public/, outside the proxy (browsers fetch the manifest without the session cookie).
    manifest: "/manifest.webmanifest",
    icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml" }, { url: "/icon-192.png", sizes: "192x192", type: "image/png" }], apple: "/icon-192.png" },
  };
}

// themeColor: the header's blue (Tailwind 4 blue-900), as in the manifest.
export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1c398e" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("shell");
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        {/* Only the shell's texts: each segment layout adds its own (lib/i18n/client-namespaces.ts). */}
        <NextIntlClientProvider messages={await messagesFor("")}>
          <SkipLink targetId="main" className="sr-only focus:not-sr-only print:hidden focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-blue-900">
            {t("skipToContent")}
          </SkipLink>
          <AppHeader />
          <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-6 sm:py-10">
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
