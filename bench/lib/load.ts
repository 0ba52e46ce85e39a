// One load run with autocannon: requests per second, latency percentiles, errors — and the
// ratio to the bare page measured right before it, which is what decides.
import autocannon from "autocannon";

export type LoadResult = { rps: number; p50: number; p95: number; p99: number; max: number; errors: number; non2xx: number; requests: number };

export type LoadOptions = {
  url: string;
  connections: number;
  seconds: number;
  /** One cookie per virtual person: requests take them in turn (100 people on the status page). */
  cookies?: string[];
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
};

const browserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

export async function load(options: LoadOptions): Promise<LoadResult> {
  const cookies = options.cookies ?? [];
  let turn = 0;
  // Every response's time, for exact percentiles (autocannon's summary has p97.5, not p95).
  const times: number[] = [];
  let done: (result: autocannon.Result) => void = () => {};
  let failed: (error: unknown) => void = () => {};
  const finished = new Promise<autocannon.Result>((resolve, reject) => ((done = resolve), (failed = reject)));
  const instance = autocannon(
    {
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    method: options.method ?? "GET",
    body: options.body,
    // A browser's User-Agent: the app serves browsers their metadata in <head> (next.config.js,
    // htmlLimitedBots), and a request without one is served as Next serves an unknown client.
    headers: { "user-agent": browserAgent, ...(options.body ? { "content-type": "application/json" } : {}), ...options.headers },
    requests:
      cookies.length > 0
        ? [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, cookie: cookies[turn++ % cookies.length] } }) }]
        : undefined,
    // A request slower than this counts as an error (a hung page), not as a long latency.
    timeout: 30,
    },
    (error, result) => (error ? failed(error) : done(result)),
  );
  // The tracker passes the client first (lib/run.js), which the published types leave out.
  (instance as unknown as { on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): void }).on("response", (_c, _s, _b, ms) => times.push(ms));
  const result = await finished;
  const sorted = times.sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return {
    rps: result.requests.average,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: sorted.at(-1) ?? 0,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}
