import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

// Only this page's client namespaces go to the browser (lib/i18n/client-namespaces.ts).
export default function ItTicketLayout({ children }: { children: ReactNode }) {
  return <ClientMessages segment="it/tickets/[number]">{children}</ClientMessages>;
}
