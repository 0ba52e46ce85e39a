import { execFileSync } from "node:child_process";

// A bandwidth-shaped link for tests: a network namespace joined to this one by a veth pair
// (loopback cannot be shaped per direction), with a token bucket (tbf) on each end. Needs root
// and iproute2; `shapedLinkUnavailable()` says why not when it cannot be made.

export type ShapedLink = { namespace: string; hostAddress: string; peerAddress: string; shape: (mbit: number) => void; remove: () => void };

const run = (args: string[]) => execFileSync(args[0], args.slice(1), { stdio: ["ignore", "pipe", "pipe"], timeout: 10_000 }).toString();

/** null when a shaped link can be made here, otherwise the reason (printed by the test that skips). */
export function shapedLinkUnavailable(): string | null {
  if (process.platform !== "linux") return `not Linux (${process.platform})`;
  if (process.getuid?.() !== 0) return "not root: network namespaces and tc need root";
  for (const tool of ["ip", "tc"]) {
    try {
      run(["sh", "-c", `command -v ${tool}`]);
    } catch {
      return `${tool} (iproute2) is not installed`;
    }
  }
  try {
    const link = createShapedLink();
    link.remove();
  } catch (error) {
    return `cannot create a network namespace with a veth pair: ${(error as Error).message.split("\n")[0]}`;
  }
  return null;
}

export function createShapedLink(): ShapedLink {
  // Names unique per process (interface names have at most 15 characters).
  const id = `${process.pid % 100_000}${Math.floor(Math.random() * 100)}`;
  const namespace = `pslk${id}`;
  const host = `pslk${id}h`;
  const peer = `pslk${id}p`;
  const subnet = 16 + (process.pid % 200);
  const hostAddress = `10.231.${subnet}.1`;
  const peerAddress = `10.231.${subnet}.2`;
  const inNs = (args: string[]) => run(["ip", "netns", "exec", namespace, ...args]);
  const remove = () => {
    for (const args of [["ip", "link", "del", host], ["ip", "netns", "del", namespace]]) {
      try {
        run(args);
      } catch {
        /* already gone */
      }
    }
  };
  try {
    run(["ip", "netns", "add", namespace]);
    run(["ip", "link", "add", host, "type", "veth", "peer", "name", peer]);
    run(["ip", "link", "set", peer, "netns", namespace]);
    run(["ip", "addr", "add", `${hostAddress}/30`, "dev", host]);
    run(["ip", "link", "set", host, "up"]);
    inNs(["ip", "addr", "add", `${peerAddress}/30`, "dev", peer]);
    inNs(["ip", "link", "set", peer, "up"]);
    inNs(["ip", "link", "set", "lo", "up"]);
  } catch (error) {
    remove();
    throw error;
  }
  /** The same rate both ways: the host end shapes what the server sends, the peer end what the client sends. */
  const shape = (mbit: number) => {
    // A bucket of a few milliseconds at the rate (at least ten full frames): the shaper's own
    // burst stays small against a measurement of seconds.
    const burst = Math.max(15_140, Math.round((mbit * 1e6) / 8 / 250));
    const tbf = ["root", "tbf", "rate", `${mbit}mbit`, "burst", String(burst), "latency", "100ms"];
    run(["tc", "qdisc", "replace", "dev", host, ...tbf]);
    inNs(["tc", "qdisc", "replace", "dev", peer, ...tbf]);
  };
  return { namespace, hostAddress, peerAddress, shape, remove };
}
