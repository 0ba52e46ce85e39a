"use client";

import { useTranslations } from "next-intl";
import { FileImport } from "@/components/forms/file-import";
import type { TokenImportReport } from "@/lib/tokens/hardware-import";

/** The vendor's serials and seeds: checked first if wanted, all or nothing, problems listed by line. The file goes to /api/imports/tokens. */
export function TokenImportForm() {
  const t = useTranslations("admin.stock.tokens");
  return <FileImport<TokenImportReport> kind="tokens" refreshOnApply labels={{ file: t("file"), hint: t("hint"), apply: t("apply") }} summary={(r) => t(r.applied ? "added" : "toAdd", { count: r.added })} />;
}
