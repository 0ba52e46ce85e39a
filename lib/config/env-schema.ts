import { availableParallelism } from "node:os";
import { z } from "zod";
import { parseTrustedProxies } from "../http/trusted-proxies";

// Pure: shared by the launcher (scripts/start.ts) and the server (lib/config/env.ts).

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((v) => v === "true" || v === "1" || v === "yes");

const positiveInt = (fallback: number) =>
  z.coerce.number().int().positive().optional().transform((v) => v ?? fallback);

export const envSchema = z
  .object({
    DATABASE_URL: z
      .string({ error: "is required (the launcher sets it when it starts the embedded PostgreSQL)" })
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL"),
    PORT: z.coerce.number().int().min(1).max(65535).optional().transform((v) => v ?? 3000),
    PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" }).optional(),
    NEXTAUTH_SECRET: z
      .string({ error: "is required (32 characters or more; the demo launcher generates one)" })
      .min(32, "must be at least 32 characters long"),
    TOKEN_ENCRYPTION_KEY: z
      .string({ error: "is required: 32 random bytes, base64-encoded (e.g. `openssl rand -base64 32`); the demo launcher generates one" })
      .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)"),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    MAIL_FROM: z.string().min(3).optional().transform((v) => v ?? "Passerelle <no-reply@passerelle.invalid>"),
    DEMO_MODE: bool,
    OUTBOX_WORKER: z
      .enum(["true", "false", "1", "0", ""])
      .optional()
      .transform((v) => !(v === "false" || v === "0")),
    /**
     * `next start` processes sharing the port (scripts/lib/web-workers.mjs): one renders on one
     * core. Default: one per core, at most four (each holds 0.6–0.8 GB under heavy load).
     */
    WEB_CONCURRENCY: z.coerce
      .number()
      .int()
      .min(1, "must be at least 1")
      .max(64, "must be at most 64")
      .optional()
      .transform((v) => v ?? Math.min(availableParallelism(), 4)),
    SIGNIN_LIMIT_PER_ADDRESS: positiveInt(5),
    SIGNIN_LIMIT_PER_IP: positiveInt(30),
    SIGNIN_LIMIT_WINDOW_MINUTES: positiveInt(15),
    /**
     * Reverse proxies whose X-Forwarded-For is believed (IPs or CIDR ranges, comma- or
     * space-separated). Empty: nobody's; the per-IP limit counts the socket's address.
     */
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const parsed = parseTrustedProxies(value);
        if ("entries" in parsed) return parsed.entries;
        ctx.addIssue({ code: "custom", message: `must list IP addresses or CIDR ranges (e.g. 10.0.0.0/8, 127.0.0.1); "${parsed.invalid}" is neither` });
        return z.NEVER;
      }),
    STUN_LISTEN: z
      .string()
      .regex(/^([0-9.]+|localhost):\d{1,5}$/, "must look like 127.0.0.1:3478")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** The first administrator of an installation without demo data (used only while there is no active admin). */
    BOOTSTRAP_ADMIN_EMAIL: z
      .email("must be an e-mail address")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .optional()
      .transform((v) => v ?? "info"),
  })
  .transform((env) => {
    const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
    return {
      ...env,
      PUBLIC_URL: publicUrl,
      /** The dev mailbox exists only in demo mode and without SMTP. */
      devMailbox: env.DEMO_MODE && !env.SMTP_URL,
    };
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

const noMailMessage =
  "SMTP_URL is not set and DEMO_MODE is off: set SMTP_URL to send e-mail, or DEMO_MODE=true for a demo " +
  "(the dev mailbox then shows every sign-in link to anyone who opens it)";

/** Parses the environment or throws an EnvError naming every bad variable at once. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  const problems = result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`);
  // Checked on the raw values so it is reported together with any other problem.
  const demo = bool.safeParse(source.DEMO_MODE);
  if (!source.SMTP_URL && !(demo.success && demo.data)) problems.push(noMailMessage);
  if (problems.length > 0 || !result.success) throw new EnvError(problems);
  return result.data;
}
