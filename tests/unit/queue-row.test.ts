import { createElement, type ComponentProps, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, test, vi } from "vitest";
import { messagesByLocale } from "@/lib/i18n/messages";

// Issue 15 point 2: a queue row shows the person's first words, the provider and the test's
// verdict in the reader's language, the age, "new reply", and links carrying the queue's filter.

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh() {}, push() {} }) }));
vi.mock("@/lib/triage/actions", () => ({ bulkAction: async () => ({ ok: true, data: undefined }) }));

const { QueueTable } = await import("@/components/triage/queue-table");

const Provider = NextIntlClientProvider as unknown as (props: Omit<ComponentProps<typeof NextIntlClientProvider>, "children">) => ReactNode;
const base = {
  category: "vpn_blocked", priority: "normal", status: "in_progress", createdAt: "2026-03-02T07:00:00Z", slaDueAt: "2026-03-03T10:00:00Z", overdue: false,
  employeeName: "Anna Muster", employeeNumber: "E1", site: null, orgUnit: null, assignee: null, incident: null,
};
const render = (locale: "de" | "en" | "fr") =>
  renderToString(
    createElement(
      Provider,
      { locale, messages: messagesByLocale[locale], timeZone: "Europe/Zurich" },
      createElement(QueueTable, {
        rows: [
          { ...base, number: 20, firstWords: "Das VPN bricht alle zehn Minuten ab.", provider: "Salt", verdict: "udp_blocked", newReply: true },
          { ...base, number: 21, firstWords: null, provider: null, verdict: null, newReply: false },
        ],
        agents: [],
        now: "2026-03-02T10:00:00Z",
        queueQuery: "category=vpn_blocked&after=abc",
      }),
    ),
  );

describe("a queue row", () => {
  test("in German: the words, 'Internet: Salt · …' with the translated verdict, the age and 'Neue Antwort' only where the person answered", () => {
    const html = render("de");
    expect(html).toContain("Das VPN bricht alle zehn Minuten ab.");
    expect(html).toContain(`Internet: Salt · ${messagesByLocale.de.status.connectivity.udp_blocked}`);
    expect(html).toContain("Eröffnet vor 3 Stunden");
    expect(html.match(/Neue Antwort/g)).toHaveLength(1);
    expect(html).not.toContain("udp_blocked");
  });

  test("row links carry the filter without the page cursor; the first is the skip link's target", () => {
    const html = render("en").replaceAll("&amp;", "&");
    expect(html).toMatch(/<a id="first-ticket" data-ticket="20"[^>]*href="\/it\/tickets\/20\?from=category%3Dvpn_blocked"/);
    expect(html).toContain('href="/it/tickets/21?from=category%3Dvpn_blocked"');
    expect(html.match(/id="first-ticket"/g)).toHaveLength(1);
  });
});
