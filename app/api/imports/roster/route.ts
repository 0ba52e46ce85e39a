import { handleImport } from "@/lib/csv/import-request";
import { runRosterImport } from "@/lib/roster/import";

export const dynamic = "force-dynamic";

const valid = (p: URLSearchParams) => ["check", "apply"].includes(p.get("mode") ?? "") && ["0", "1"].includes(p.get("deactivateMissing") ?? "0");

/**
 * The HR roster file as the request body (text/csv); `?mode=check` is the dry run,
 * `?mode=apply` writes; `&deactivateMissing=1` deactivates people absent from the file.
 * Out of proxy.ts (see its matcher).
 */
export async function POST(request: Request) {
  return handleImport(request, { roles: ["admin"], valid }, ({ person, bytes, params }) =>
    runRosterImport(person.employeeId, bytes, { apply: params.get("mode") === "apply", deactivateMissing: params.get("deactivateMissing") === "1" }),
  );
}
