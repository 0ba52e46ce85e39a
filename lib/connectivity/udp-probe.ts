// The self-test's UDP probe, run in the browser: can the VPN's UDP traffic get out?
// A STUN Binding Request goes out over UDP; a server-reflexive ICE candidate means the
// answer came back. Three outcomes, because "the browser could not try" is not
// "the provider blocks UDP" (issue 13 point 17).

import type { UdpOutcome } from "./verdict";

/** A candidate's type: the browser's field, or parsed from the SDP line (" typ srflx") where that field is missing. */
export function candidateType(candidate: { type?: string | null; candidate?: string }): string | null {
  if (candidate.type) return candidate.type;
  return / typ ([a-z]+)/.exec(candidate.candidate ?? "")?.[1] ?? null;
}

/**
 * Server-reflexive: open. Other candidates but no server-reflexive one: the browser
 * could send, the answer never came: blocked. Nothing at all: could not test.
 */
export function udpOutcomeFromCandidates(types: (string | null)[]): UdpOutcome {
  if (types.includes("srflx")) return "open";
  return types.some((t) => t !== null) ? "blocked" : "untested";
}

/**
 * Gathers candidates against the STUN server until a server-reflexive one arrives,
 * gathering ends, or `timeoutMs` passes. `Peer` is the browser's RTCPeerConnection
 * (a parameter so the decision can be tested without a browser).
 */
export async function probeUdp(
  stun: { host: string; port: number },
  timeoutMs: number,
  Peer: typeof RTCPeerConnection | undefined = typeof RTCPeerConnection === "undefined" ? undefined : RTCPeerConnection,
): Promise<UdpOutcome> {
  if (!Peer) return "untested";
  let connection: RTCPeerConnection;
  try {
    connection = new Peer({ iceServers: [{ urls: `stun:${stun.host}:${stun.port}` }] });
  } catch {
    // WebRTC switched off by policy or an extension: nothing was tried.
    return "untested";
  }
  const types: (string | null)[] = [];
  try {
    connection.createDataChannel("probe");
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      connection.onicecandidate = (event) => {
        if (event.candidate) types.push(candidateType(event.candidate));
        // Gathering is over (null candidate) or the answer is in: no need to wait longer.
        if (!event.candidate || types.includes("srflx")) {
          clearTimeout(timer);
          resolve();
        }
      };
    });
    await connection.setLocalDescription(await connection.createOffer());
    await done;
  } catch {
    /* judged on what was gathered before the failure */
  } finally {
    connection.close();
  }
  return udpOutcomeFromCandidates(types);
}
