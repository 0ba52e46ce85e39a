import { handleImport } from "@/lib/csv/import-request";
import { runTokenImport } from "@/lib/tokens/hardware-import";

export const dynamic = "force-dynamic";

const valid = (p: URLSearchParams) => ["check", "apply"].includes(p.get("mode") ?? "");

/** The vendor's token file as the request body (text/csv); `?mode=apply` adds the tokens, `?mode=check` only checks. Out of proxy.ts (see its matcher). */
export async function POST(request: Request) {
  return handleImport(request, { roles: ["admin"], valid }, ({ person, bytes, params }) => runTokenImport(person.employeeId, bytes, params.get("mode") === "apply"));
}
