import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

// Only this segment's client namespaces go to the browser (lib/i18n/client-namespaces.ts).
export default function EligibilityLayout({ children }: { children: ReactNode }) {
  return <ClientMessages segment="(employee)/eligibility">{children}</ClientMessages>;
}
