import { recordAudit } from "@/lib/audit/record";
import { hasRole } from "@/lib/auth/roles";
import { getCurrentPerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { rosterCsv } from "@/lib/roster/export";

export const dynamic = "force-dynamic";

/** The roster as CSV, for admins; audited. */
export async function GET() {
  const person = await getCurrentPerson();
  if (!person) return new Response("Sign in first.", { status: 401, headers: { "Cache-Control": "no-store" } });
  if (!hasRole(person.roles, ["admin"])) return new Response("Forbidden.", { status: 403, headers: { "Cache-Control": "no-store" } });
  await recordAudit(db(), { actorEmployeeId: person.employeeId, action: "roster.export", targetType: "roster" });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(rosterCsv(), {
    headers: { "Cache-Control": "no-store", "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="roster-${day}.csv"` },
  });
}
