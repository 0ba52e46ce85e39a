// The connectivity verdict, from measurements taken in the employee's browser
// (upload measured on the server). Pure, so every threshold edge is tested.

export type Verdict = "good" | "limited" | "udp_blocked" | "udp_untested" | "gateway_unreachable" | "offline";
export type Recommendation = "ipsec" | "ssl" | "vdi" | "retry" | "it";
export type Limit = "latency" | "jitter" | "download" | "upload";

/**
 * What the STUN probe found. "open": a server-reflexive candidate came back.
 * "blocked": the browser gathered host candidates but no server-reflexive one.
 * "untested": no candidate at all (WebRTC off or missing): nothing is known about
 * the provider, so it is never called "blocked" nor counted for or against it.
 */
export const udpOutcomes = ["open", "blocked", "untested"] as const;
export type UdpOutcome = (typeof udpOutcomes)[number];

/** Stored in connectivity_tests.udp_ok: true, false, or null when the browser could not test. */
export function storedUdpOk(outcome: UdpOutcome): boolean | null {
  return outcome === "open" ? true : outcome === "blocked" ? false : null;
}

export function udpOutcomeOf(udpOk: boolean | null): UdpOutcome {
  return udpOk === true ? "open" : udpOk === false ? "blocked" : "untested";
}

export type Thresholds = {
  /** Good enough for video calls over the VPN. */
  good: { maxLatencyMs: number; maxJitterMs: number; minDownloadKbps: number; minUploadKbps: number };
};

export const defaultThresholds: Thresholds = {
  // Line rates (payload plus protocol overhead, lib/connectivity/line-stats.ts). A line sold as
  // 10/2 Mbit/s that measures up to 10 % under its rate still passes: that is the measurement's
  // own spread, not a slow line.
  good: { maxLatencyMs: 100, maxJitterMs: 30, minDownloadKbps: 9_000, minUploadKbps: 1_800 },
};

export type Measurements = {
  /** Lowest round trip to the portal; null when no probe came back. */
  latencyMs: number | null;
  jitterMs: number | null;
  downloadKbps: number | null;
  uploadKbps: number | null;
  udp: UdpOutcome;
  gateways: { reachable: boolean }[];
};

export type VerdictResult = { verdict: Verdict; recommendation: Recommendation; limits: Limit[] };

function limitsOf(m: Measurements, t: Thresholds): Limit[] {
  const limits: Limit[] = [];
  if (m.latencyMs !== null && m.latencyMs > t.good.maxLatencyMs) limits.push("latency");
  if (m.jitterMs !== null && m.jitterMs > t.good.maxJitterMs) limits.push("jitter");
  if (m.downloadKbps === null || m.downloadKbps < t.good.minDownloadKbps) limits.push("download");
  if (m.uploadKbps === null || m.uploadKbps < t.good.minUploadKbps) limits.push("upload");
  return limits;
}

/**
 * Worst problem first: no connection at all, then no VPN gateway reachable on
 * TCP 443, then UDP blocked (IPsec/WireGuard cannot work: use the SSL profile
 * on 443, or the VDI seat), then speed below what video calls need. UDP that
 * could not be tested gets the same way round (the SSL profile works everywhere)
 * under its own name, so nobody is told their provider blocks anything.
 */
export function connectivityVerdict(m: Measurements, path: "laptop" | "vdi" | null, t: Thresholds = defaultThresholds): VerdictResult {
  if (m.latencyMs === null) return { verdict: "offline", recommendation: "retry", limits: [] };
  const limits = limitsOf(m, t);
  if (m.gateways.length > 0 && m.gateways.every((g) => !g.reachable)) {
    return { verdict: "gateway_unreachable", recommendation: path === "vdi" ? "vdi" : "it", limits };
  }
  if (m.udp === "blocked") return { verdict: "udp_blocked", recommendation: path === "vdi" ? "vdi" : "ssl", limits };
  if (m.udp === "untested") return { verdict: "udp_untested", recommendation: path === "vdi" ? "vdi" : "ssl", limits };
  return { verdict: limits.length > 0 ? "limited" : "good", recommendation: path === "vdi" ? "vdi" : "ipsec", limits };
}
