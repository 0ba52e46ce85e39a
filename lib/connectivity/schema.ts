import { z } from "zod";
import { optionalPhone } from "@/lib/contact/phone";
import { defaultThresholds, udpOutcomes } from "./verdict";

export const ispChoices = ["swisscom", "sunrise", "salt", "quickline", "init7", "wingo", "yallo", "other"] as const;

export const startTestSchema = z
  .object({
    isp: z.enum(ispChoices).optional().or(z.literal("").transform(() => undefined)),
    ispOther: z.string().trim().max(60, "tooLong").optional(),
  })
  .refine((v) => v.isp !== "other" || (v.ispOther && v.ispOther.length >= 2), { path: ["ispOther"], message: "ispOtherRequired" });

const ms = z.number().int().min(0).max(60_000);

/** What the browser reports. Bounds refuse absurd or forged numbers. */
export const testResultSchema = z.object({
  testId: z.uuid(),
  latencySamples: z.array(ms).max(50),
  downloadKbps: z.number().int().min(0).max(10_000_000).nullable(),
  udp: z.enum(udpOutcomes),
  gateways: z.array(z.object({ id: z.string().regex(/^[a-z0-9_-]{1,32}$/), reachable: z.boolean(), ms: ms.nullable() })).max(20),
});

export const noInternetSchema = z.discriminatedUnion("coverage", [
  // "How can IT reach you?": the ticket's phone, E.164 after parsing.
  z.object({ coverage: z.literal("no"), phone: optionalPhone }),
  z.object({
    coverage: z.literal("yes"),
    street: z.string({ error: "streetRequired" }).trim().min(3, "streetRequired").max(120, "tooLong"),
    postcode: z.string({ error: "postcodeRequired" }).trim().regex(/^[1-9]\d{3}$/, "postcodeInvalid"),
    city: z.string({ error: "cityRequired" }).trim().min(2, "cityRequired").max(60, "tooLong").regex(/^[\p{L}][\p{L}\p{M} .'’()/-]*$/u, "cityInvalid"),
    phone: optionalPhone,
  }),
], { error: "coverageRequired" });

export const connectivitySettingsSchema = z.object({
  stun: z.object({ host: z.string().min(1), port: z.number().int().min(1).max(65535) }),
  gateways: z.array(z.object({ id: z.string().regex(/^[a-z0-9_-]{1,32}$/), name: z.string().min(1), url: z.string().min(1) })).max(20),
  sslProfile: z.object({ name: z.string(), host: z.string() }),
  ipsecProfile: z.object({ name: z.string(), host: z.string() }),
  /** What counts as "good" (video calls over the VPN); absent in settings saved before it existed. */
  thresholds: z
    .object({
      good: z.object({
        maxLatencyMs: z.number().int().min(1).max(5000),
        maxJitterMs: z.number().int().min(1).max(5000),
        minDownloadKbps: z.number().int().min(1).max(10_000_000),
        minUploadKbps: z.number().int().min(1).max(10_000_000),
      }),
    })
    .optional(),
});
export type ConnectivitySettings = z.infer<typeof connectivitySettingsSchema>;

export const defaultConnectivitySettings: ConnectivitySettings = {
  stun: { host: "127.0.0.1", port: 3478 },
  gateways: [
    { id: "zrh", name: "VPN Zürich", url: "/api/probe/gateway?g=zrh" },
    { id: "lsn", name: "VPN Lausanne", url: "/api/probe/gateway?g=lsn" },
  ],
  sslProfile: { name: "Transalpina SSL (443)", host: "vpn-ssl.transalpina.test" },
  ipsecProfile: { name: "Transalpina IPsec", host: "vpn.transalpina.test" },
  thresholds: defaultThresholds,
};

/**
 * What the browser needs to run the test. Download and upload each last a fixed time, whatever
 * the line (LibreSpeed's way): streams run until the browser stops them, and what arrived counts.
 * The first `graceMs` of each are TCP's slow start and left out. So any line, 0.3 Mbit/s or
 * 1 Gbit/s, has its verdict in about 20 s.
 */
export const probePlan = {
  // Twenty round trips (under a second on any line): enough that one busy moment is an outlier.
  pings: 20,
  downloadStreams: 4,
  downloadMs: 8000,
  uploadStreams: 3,
  uploadMs: 8000,
  graceMs: 1500,
  gatewayTimeoutMs: 4000,
  stunTimeoutMs: 5000,
} as const;
export type ProbePlan = typeof probePlan;

/**
 * What one probe request may cost the server, whoever sends it: a download stream ends after
 * `maxStreamMs` or `maxDownloadBytes`; an upload is counted (never held) up to `maxUploadBytes`
 * and `maxStreamMs`; a run has at most `maxStreamsPerRun` streams open at once.
 */
export const probeLimits = {
  maxDownloadBytes: 1024 * 1024 * 1024,
  maxUploadBytes: 64 * 1024 * 1024,
  maxStreamMs: 20_000,
  maxStreamsPerRun: 12,
} as const;
