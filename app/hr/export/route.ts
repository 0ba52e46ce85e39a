import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { hasRole } from "@/lib/auth/roles";
import { getCurrentPerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { badRequest } from "@/lib/http/refuse";
import { parseQuery } from "@/lib/http/search-params";
import { getLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { prepareDeclaration } from "@/lib/rht/export";
import { monthSchema } from "@/lib/rht/month";

export const dynamic = "force-dynamic";

const query = z.object({
  month: monthSchema,
  unit: z.union([z.literal("all"), z.uuid()]).default("all"),
  file: z.enum(["csv", "csv-annex", "xlsx"]).default("csv"),
});

const noStore = { "Cache-Control": "no-store" };

/** The month's RHT declaration as CSV or XLSX, for HR only; every download is audited. */
export async function GET(request: Request) {
  const person = await getCurrentPerson();
  if (!person) return new Response("Sign in first.", { status: 401, headers: noStore });
  if (!hasRole(person.roles, ["hr"])) return new Response("Forbidden.", { status: 403, headers: noStore });
  const parsed = parseQuery(query, new URL(request.url).searchParams);
  if (!parsed.ok) return badRequest(request, parsed.reason, "Bad request: month (YYYY-MM), unit or file (csv, csv-annex, xlsx) is invalid.");
  const { month, unit, file: kind } = parsed.data;
  const format = kind === "xlsx" ? "xlsx" : "csv";
  const part = kind === "csv-annex" ? "annex" : "summary";
  const file = await prepareDeclaration({ month, unitId: unit === "all" ? null : unit, format, part, locale: (await getLocale()) as Locale });
  // Audited before the first byte: a download counts even if it is abandoned.
  await recordAudit(db(), {
    actorEmployeeId: person.employeeId,
    action: "rht.export",
    targetType: "rht_period",
    targetId: `${month}:${unit}`,
    details: { month, unit, format, part: format === "xlsx" ? "both" : part, employees: file.employees, final: file.final },
  });
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  // The body is written as the month is read; the browser closing the download cancels it, which stops the database cursor.
  return new Response(file.open(), {
    headers: {
      ...noStore,
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    },
  });
}
