import { afterEach, describe, expect, test, vi } from "vitest";
import { candidateType, probeUdp, udpOutcomeFromCandidates } from "@/lib/connectivity/udp-probe";

describe("what the gathered ICE candidates say about UDP", () => {
  test.each<[string, (string | null)[], string]>([
    ["a server-reflexive candidate: the STUN answer came back", ["host", "srflx"], "open"],
    ["server-reflexive only (host addresses hidden by policy)", ["srflx"], "open"],
    ["host candidates but no STUN answer: UDP is blocked", ["host", "host"], "blocked"],
    ["a relay without srflx says nothing about plain UDP", ["host", "relay"], "blocked"],
    ["no candidate at all: WebRTC off or unavailable", [], "untested"],
    ["only unreadable candidates", [null, null], "untested"],
  ])("%s", (_label, types, outcome) => {
    expect(udpOutcomeFromCandidates(types)).toBe(outcome);
  });

  test.each<[string, { type?: string | null; candidate?: string }, string | null]>([
    ["the type field", { type: "srflx", candidate: "" }, "srflx"],
    ["parsed from the SDP line when the browser gives no type", { candidate: "candidate:1 1 udp 1686052607 198.51.100.7 50000 typ srflx raddr 0.0.0.0 rport 0" }, "srflx"],
    ["an mDNS host candidate", { candidate: "candidate:2 1 udp 2122260223 3f1c.local 54321 typ host generation 0" }, "host"],
    ["nothing readable", { candidate: "garbage" }, null],
  ])("candidateType: %s", (_label, candidate, type) => {
    expect(candidateType(candidate)).toBe(type);
  });
});

/** Just enough of RTCPeerConnection to play back the candidates a browser would gather. */
function fakePeer(candidates: ({ type: string } | null)[], opts: { throwOnCreate?: boolean } = {}) {
  return class {
    onicecandidate: ((event: { candidate: { type: string; candidate: string } | null }) => void) | null = null;
    closed = false;
    constructor() {
      if (opts.throwOnCreate) throw new Error("WebRTC is disabled");
    }
    createDataChannel() {}
    async createOffer() {
      return { type: "offer", sdp: "" };
    }
    async setLocalDescription() {
      // Candidates trickle in after the offer, one per tick, as in a browser.
      candidates.forEach((c, i) => setTimeout(() => this.onicecandidate?.({ candidate: c ? { type: c.type, candidate: "" } : null }), i + 1));
    }
    close() {
      this.closed = true;
    }
  } as unknown as typeof RTCPeerConnection;
}

describe("probeUdp", () => {
  const stun = { host: "127.0.0.1", port: 3478 };
  afterEach(() => vi.useRealTimers());

  async function run(peer: typeof RTCPeerConnection | undefined) {
    vi.useFakeTimers();
    const outcome = probeUdp(stun, 5000, peer);
    await vi.advanceTimersByTimeAsync(6000);
    return outcome;
  }

  test("no RTCPeerConnection at all: could not test", async () => {
    expect(await run(undefined)).toBe("untested");
  });

  test("RTCPeerConnection throws (WebRTC switched off): could not test", async () => {
    expect(await run(fakePeer([], { throwOnCreate: true }))).toBe("untested");
  });

  test("gathering ends without any candidate: could not test", async () => {
    expect(await run(fakePeer([null]))).toBe("untested");
  });

  test("nothing gathered before the timeout: could not test", async () => {
    expect(await run(fakePeer([]))).toBe("untested");
  });

  test("host candidates, then gathering ends: blocked", async () => {
    expect(await run(fakePeer([{ type: "host" }, { type: "host" }, null]))).toBe("blocked");
  });

  test("host candidates and no STUN answer before the timeout: blocked", async () => {
    expect(await run(fakePeer([{ type: "host" }]))).toBe("blocked");
  });

  test("a server-reflexive candidate: open", async () => {
    expect(await run(fakePeer([{ type: "host" }, { type: "srflx" }]))).toBe("open");
  });
});
