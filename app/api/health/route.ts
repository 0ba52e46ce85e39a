import { healthDb } from "@/lib/db";
import { probeDatabase, type DatabaseProbe } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** Load balancers give up after a few seconds: answer within 2 s whatever the database does. */
const timeoutMs = 2000;

/**
 * For load balancers: 200 when this instance can reach PostgreSQL, 503 otherwise
 * (`reason`: "unavailable" when the connection failed, "timeout" when nothing came back in time).
 */
export async function GET() {
  let state: DatabaseProbe;
  try {
    state = await probeDatabase(healthDb(), timeoutMs);
  } catch {
    state = "unavailable"; // e.g. no usable DATABASE_URL
  }
  const headers = { "Cache-Control": "no-store" };
  if (state === "ok") return Response.json({ status: "ok" }, { headers });
  return Response.json({ status: "unavailable", reason: state }, { status: 503, headers });
}
