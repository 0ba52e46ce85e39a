import { readFileSync } from "node:fs";
import { createElement, type ComponentProps, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, test, vi } from "vitest";
import { messagesByLocale } from "@/lib/i18n/messages";
import { sourceFiles } from "../support/source-files";

// next-intl reports ENVIRONMENT_FALLBACK (one log line per row of the IT
// queue) when relativeTime has no reference time: every call passes one.

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh() {}, push() {} }) }));
vi.mock("@/lib/triage/actions", () => ({ bulkAction: async () => ({ ok: true, data: undefined }) }));

const { QueueTable } = await import("@/components/triage/queue-table");

const row = (n: number, slaDueAt: string) => ({
  number: n, category: "vpn_blocked", priority: "normal", status: "new", createdAt: "2026-03-02T08:00:00Z", slaDueAt, overdue: false,
  employeeName: "Muster Anna", employeeNumber: "E1", site: null, orgUnit: null, assignee: null, incident: null,
  firstWords: null, provider: null, verdict: null, newReply: false,
});

// The provider's props type requires `children` among the props; here it is passed as createElement's third argument.
const Provider = NextIntlClientProvider as unknown as (props: Omit<ComponentProps<typeof NextIntlClientProvider>, "children">) => ReactNode;

describe("relative times", () => {
  test("the IT queue renders its SLA times against the page's reference time, without a fallback warning", () => {
    const onError = vi.fn();
    const html = renderToString(
      createElement(
        Provider,
        { locale: "en", messages: messagesByLocale.en, timeZone: "Europe/Zurich", onError },
        createElement(QueueTable, { rows: [row(1, "2026-03-02T12:00:00Z"), row(2, "2026-03-01T12:00:00Z")], agents: [], now: "2026-03-02T10:00:00Z", queueQuery: "" }),
      ),
    );
    expect(onError).not.toHaveBeenCalled();
    expect(html).toContain("in 2 hours");
    expect(html).toContain("22 hours ago");
    // The age, against the same reference time.
    expect(html).toContain("Opened 2 hours ago");
  });

  test("every relativeTime call in the app passes a reference time", () => {
    const files = sourceFiles("app", "components", "lib");
    const bare = files.flatMap((file) => [...readFileSync(file, "utf8").matchAll(/relativeTime\(([^()]*(?:\([^()]*\))?[^()]*)\)/g)].filter((m) => !m[1].includes(",")).map(() => file));
    expect(bare).toEqual([]);
  });
});
