import "server-only";
import { env } from "@/lib/config/env";
import { clientIp } from "@/lib/http/client-address";
import { db } from "@/lib/db";
import { hitRateLimit, rateKey } from "./rate-limit";
import { normalizeEmail, signInSchema } from "./schema";

/**
 * Every sign-in request takes at least this long, whether or not the address
 * is on file, so response timing does not tell who is on the roster.
 */
export const answerFloorMs = 600;


function answer(error: string, status: number, extra: Record<string, string> = {}): Response {
  const url = new URL("/signin", env().PUBLIC_URL);
  url.searchParams.set("error", error);
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
  return Response.json({ url: url.toString() }, { status, headers: extra.retryAfter ? { "Retry-After": extra.retryAfter } : {} });
}

/**
 * Runs before next-auth's e-mail sign-in: validates the address with the same
 * schema as the form, applies per-address and per-IP limits (shared by every
 * instance through PostgreSQL; the IP is the socket's, or what a trusted proxy
 * says, see lib/http/client-address.ts), and pads the answer to a constant time.
 */
export async function guardSignInRequest(
  request: Request,
  next: () => Promise<Response>,
  floorMs = answerFloorMs,
): Promise<Response> {
  const started = Date.now();
  const respond = async (response: Response) => {
    const wait = floorMs - (Date.now() - started);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    return response;
  };

  let email: unknown;
  try {
    email = (await request.clone().formData()).get("email");
  } catch {
    return respond(answer("InvalidEmail", 400));
  }
  const parsed = signInSchema.safeParse({ email: typeof email === "string" ? email : undefined });
  if (!parsed.success) return respond(answer("InvalidEmail", 400));

  const config = env();
  const window = config.SIGNIN_LIMIT_WINDOW_MINUTES;
  const byIp = await hitRateLimit(db(), rateKey("signin-ip", clientIp(request.headers, config.TRUSTED_PROXIES)), config.SIGNIN_LIMIT_PER_IP, window);
  const byAddress = await hitRateLimit(db(), rateKey("signin-address", normalizeEmail(parsed.data.email)), config.SIGNIN_LIMIT_PER_ADDRESS, window);
  if (!byIp.allowed || !byAddress.allowed) {
    const retryAfter = Math.max(byIp.allowed ? 0 : byIp.retryAfterSeconds, byAddress.allowed ? 0 : byAddress.retryAfterSeconds);
    return respond(answer("RateLimited", 429, { retryAfter: String(retryAfter) }));
  }
  return respond(await next());
}
