import { handleImport } from "@/lib/csv/import-request";
import { runDeliveryImport } from "@/lib/devices/delivery-import";

export const dynamic = "force-dynamic";

const valid = (p: URLSearchParams) => ["check", "apply"].includes(p.get("mode") ?? "");

/** A supplier's delivery plan as the request body (text/csv); `?mode=apply` plans it, `?mode=check` only checks. Out of proxy.ts (see its matcher). */
export async function POST(request: Request) {
  return handleImport(request, { roles: ["admin"], valid }, ({ person, bytes, params }) => runDeliveryImport(person.employeeId, bytes, params.get("mode") === "apply"));
}
