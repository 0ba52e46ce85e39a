import type { AbstractIntlMessages } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { clientNamespaces, pickMessages, type ClientSegment } from "@/lib/i18n/client-namespaces";
import { MergeMessages } from "./merge-messages";

/** The request catalogue cut down to a segment's client namespaces (lib/i18n/client-namespaces.ts). */
export async function messagesFor(segment: ClientSegment) {
  return pickMessages(await getMessages(), clientNamespaces[segment]) as AbstractIntlMessages;
}

/**
 * A segment layout's texts for its client components, added to those of the
 * layouts above (the root's NextIntlClientProvider carries the shell's), so
 * each page's payload holds only what its browser code reads, once.
 */
export async function ClientMessages({ segment, children }: { segment: Exclude<ClientSegment, "">; children: ReactNode }) {
  return <MergeMessages messages={await messagesFor(segment)}>{children}</MergeMessages>;
}
