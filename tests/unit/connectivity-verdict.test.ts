import { describe, expect, test } from "vitest";
import { connectivityVerdict, defaultThresholds, storedUdpOk, udpOutcomeOf, type Measurements, type UdpOutcome } from "@/lib/connectivity/verdict";
import { testResultSchema } from "@/lib/connectivity/schema";
import { bindingResponse, parseListen } from "@/lib/connectivity/stun-responder";

const good: Measurements = { latencyMs: 20, jitterMs: 5, downloadKbps: 50_000, uploadKbps: 10_000, udp: "open", gateways: [{ reachable: true }, { reachable: true }] };
const g = defaultThresholds.good;

describe("connectivityVerdict", () => {
  test.each<[string, Partial<Measurements>, "laptop" | "vdi" | null, string, string, string[]]>([
    ["everything good, laptop", {}, "laptop", "good", "ipsec", []],
    ["everything good, VDI", {}, "vdi", "good", "vdi", []],
    ["latency exactly at the limit", { latencyMs: g.maxLatencyMs }, "laptop", "good", "ipsec", []],
    ["latency 1 ms over", { latencyMs: g.maxLatencyMs + 1 }, "laptop", "limited", "ipsec", ["latency"]],
    ["jitter exactly at the limit", { jitterMs: g.maxJitterMs }, "laptop", "good", "ipsec", []],
    ["jitter 1 ms over", { jitterMs: g.maxJitterMs + 1 }, "laptop", "limited", "ipsec", ["jitter"]],
    ["download exactly at the limit", { downloadKbps: g.minDownloadKbps }, "laptop", "good", "ipsec", []],
    ["download 1 kbit/s under", { downloadKbps: g.minDownloadKbps - 1 }, "laptop", "limited", "ipsec", ["download"]],
    ["upload exactly at the limit", { uploadKbps: g.minUploadKbps }, "laptop", "good", "ipsec", []],
    ["upload 1 kbit/s under", { uploadKbps: g.minUploadKbps - 1 }, "laptop", "limited", "ipsec", ["upload"]],
    ["no upload measured", { uploadKbps: null }, "laptop", "limited", "ipsec", ["upload"]],
    ["UDP blocked on a laptop: SSL profile", { udp: "blocked" }, "laptop", "udp_blocked", "ssl", []],
    ["UDP blocked before choosing a device", { udp: "blocked" }, null, "udp_blocked", "ssl", []],
    ["UDP blocked on VDI: the seat works", { udp: "blocked" }, "vdi", "udp_blocked", "vdi", []],
    ["UDP blocked and slow", { udp: "blocked", downloadKbps: 1000 }, "laptop", "udp_blocked", "ssl", ["download"]],
    // No candidate at all (WebRTC off or missing) says nothing about the provider: not "blocked".
    ["UDP could not be tested on a laptop: SSL profile", { udp: "untested" }, "laptop", "udp_untested", "ssl", []],
    ["UDP could not be tested before choosing a device", { udp: "untested" }, null, "udp_untested", "ssl", []],
    ["UDP could not be tested on VDI: the seat works", { udp: "untested" }, "vdi", "udp_untested", "vdi", []],
    ["UDP could not be tested and slow", { udp: "untested", uploadKbps: 100 }, "laptop", "udp_untested", "ssl", ["upload"]],
    ["gateways down wins over UDP not tested", { gateways: [{ reachable: false }], udp: "untested" }, "laptop", "gateway_unreachable", "it", []],
    ["offline wins over UDP not tested", { latencyMs: null, jitterMs: null, udp: "untested" }, "laptop", "offline", "retry", []],
    ["one gateway down is fine", { gateways: [{ reachable: false }, { reachable: true }] }, "laptop", "good", "ipsec", []],
    ["all gateways down: IT", { gateways: [{ reachable: false }, { reachable: false }] }, "laptop", "gateway_unreachable", "it", []],
    ["all gateways down on VDI", { gateways: [{ reachable: false }] }, "vdi", "gateway_unreachable", "vdi", []],
    ["gateways down wins over UDP blocked", { gateways: [{ reachable: false }], udp: "blocked" }, "laptop", "gateway_unreachable", "it", []],
    ["no gateway configured", { gateways: [] }, "laptop", "good", "ipsec", []],
    ["no ping came back: offline", { latencyMs: null, jitterMs: null, udp: "blocked", gateways: [{ reachable: false }] }, "laptop", "offline", "retry", []],
  ])("%s", (_label, over, path, verdict, recommendation, limits) => {
    expect(connectivityVerdict({ ...good, ...over }, path)).toEqual({ verdict, recommendation, limits });
  });
});

describe("the UDP outcome is stored as udp_ok: true, false, or null when it could not be tested", () => {
  test.each<[UdpOutcome, boolean | null]>([
    ["open", true],
    ["blocked", false],
    ["untested", null],
  ])("%s ↔ %s", (outcome, stored) => {
    expect(storedUdpOk(outcome)).toBe(stored);
    expect(udpOutcomeOf(stored)).toBe(outcome);
  });
});

// latencyStats and the rate helpers: tests/unit/line-stats.test.ts.

describe("reported results are bounded", () => {
  const valid = { testId: "7d0f2d6c-8a53-4c52-9e55-3d7a3f1a2b4c", latencySamples: [10, 12], downloadKbps: 5000, udp: "open", gateways: [{ id: "zrh", reachable: true, ms: 30 }] };
  test.each([
    ["valid", valid, true],
    ["negative latency", { ...valid, latencySamples: [-1] }, false],
    ["latency of a day", { ...valid, latencySamples: [86_400_000] }, false],
    ["fractional ms", { ...valid, latencySamples: [1.5] }, false],
    ["too many samples", { ...valid, latencySamples: Array(51).fill(1) }, false],
    ["huge download", { ...valid, downloadKbps: 1e12 }, false],
    ["download as text", { ...valid, downloadKbps: "fast" }, false],
    ["not a test id", { ...valid, testId: "1; drop table" }, false],
    ["odd gateway id", { ...valid, gateways: [{ id: "<script>", reachable: true, ms: 1 }] }, false],
    ["UDP could not be tested", { ...valid, udp: "untested" }, true],
    ["udp as a boolean", { ...valid, udp: true }, false],
    ["unknown udp outcome", { ...valid, udp: "maybe" }, false],
  ])("%s", (_label, input, ok) => {
    expect(testResultSchema.safeParse(input).success).toBe(ok);
  });
});

describe("STUN binding response", () => {
  const request = Buffer.alloc(20);
  request.writeUInt16BE(0x0001, 0);
  request.writeUInt32BE(0x2112a442, 4);
  Buffer.from("0123456789ab").copy(request, 8);

  test("answers a Binding Request with the sender's address, XOR-mapped", () => {
    const response = bindingResponse(request, "192.0.2.7", 54321)!;
    expect(response.readUInt16BE(0)).toBe(0x0101);
    expect(response.subarray(8, 20).toString()).toBe("0123456789ab");
    expect(response.readUInt16BE(20)).toBe(0x0020);
    expect(response.readUInt16BE(26) ^ 0x2112).toBe(54321);
    const ip = (response.readUInt32BE(28) ^ 0x2112a442) >>> 0;
    expect([ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join(".")).toBe("192.0.2.7");
  });

  test.each([
    ["too short", request.subarray(0, 10)],
    ["not a request", Buffer.concat([Buffer.from([0x01, 0x01]), request.subarray(2)])],
    ["wrong cookie", Buffer.concat([request.subarray(0, 4), Buffer.alloc(4), request.subarray(8)])],
    ["length field lies", Buffer.concat([request.subarray(0, 2), Buffer.from([0, 8]), request.subarray(4)])],
  ])("ignores %s", (_label, packet) => {
    expect(bindingResponse(packet, "192.0.2.7", 1)).toBeNull();
  });

  test.each([
    ["127.0.0.1:3478", { host: "127.0.0.1", port: 3478 }],
    ["localhost:19302", { host: "localhost", port: 19302 }],
    ["127.0.0.1:0", null],
    ["127.0.0.1:70000", null],
    ["stun.example:3478", null],
    [undefined, null],
  ])("parseListen(%s)", (value, expected) => {
    expect(parseListen(value)).toEqual(expected);
  });
});
