import { handleImport } from "@/lib/csv/import-request";
import { runOvertimeImport } from "@/lib/rht/overtime-import";

export const dynamic = "force-dynamic";

const valid = (p: URLSearchParams) => ["check", "apply"].includes(p.get("mode") ?? "");

/** HR's file of opening overtime balances as the request body (text/csv); `?mode=check` only checks, `?mode=apply` imports. Out of proxy.ts (see its matcher). */
export async function POST(request: Request) {
  return handleImport(request, { roles: ["hr"], valid }, ({ person, bytes, params }) => runOvertimeImport(person.employeeId, bytes, params.get("mode") === "apply"));
}
