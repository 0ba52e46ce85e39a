// Requests as a person's browser sends them, each on a connection of its own (the storms of
// bench/device-storm.ts and bench/sign-in-storm.ts): a GET or a POST, and a call of one of the
// production build's server actions (a POST to the page with the action's id in `Next-Action`,
// the arguments as JSON, the session cookie, the page's origin).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

export type HttpAnswer = { status: number; body: string; /** name=value of each cookie it sets */ cookies: string[] };

/** One request on a connection of its own. A connection refused or reset rejects (the caller counts it and sends again, as the person would). */
function send(url: string, method: "GET" | "POST", headers: Record<string, string>, body?: string): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const length: Record<string, string> = body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) };
    const request = http.request(url, { method, agent: false, headers: { ...headers, ...length } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), cookies: (response.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]) }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

export const get = (url: string, headers: Record<string, string>) => send(url, "GET", headers);
export const post = (url: string, headers: Record<string, string>, body: string) => send(url, "POST", headers, body);

/** The id the build gave a server action (what the browser sends as `Next-Action`). */
export function serverActionId(appDir: string, filename: string, exportedName: string): string {
  const manifestFile = path.join(appDir, ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} of ${filename} in ${manifestFile}`);
  return found[0];
}

/** A server action's call as the browser makes it: the arguments in React's reply encoding (plain JSON for plain values). */
export function serverActionRequest(appUrl: string, id: string, cookie: string, args: unknown[]) {
  return {
    headers: { "next-action": id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: appUrl, cookie },
    body: JSON.stringify(args),
  };
}

/** The value a server action returned, from its answer (row 1 of the React Server Components stream). */
export function serverActionResult<T>(answer: HttpAnswer): T {
  const row = answer.body.split("\n").find((line) => line.startsWith("1:"));
  if (answer.status !== 200 || !row) throw new Error(`the server action answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  return JSON.parse(row.slice(2)) as T;
}

/**
 * Whether a server action's answer brought the page's new render (the action `refreshesPage`):
 * row 0 then holds the tree. Without it, the browser's form asks for the page again.
 */
export function serverActionCarriesPage(answer: HttpAnswer): boolean {
  const row = answer.body.split("\n").find((line) => line.startsWith("0:"));
  if (!row) return false;
  const head = JSON.parse(row.slice(2)) as { t?: unknown; f?: unknown };
  return head.t !== undefined || (Array.isArray(head.f) && head.f.length > 0);
}

/** The page's payload as `router.refresh()` asks for it (through the proxy, with the session cookie). */
export async function refreshPage(pageUrl: string, cookie: string): Promise<HttpAnswer> {
  // `_rsc` empty: the cache-busting value Next expects when no router header is sent.
  const answer = await get(`${pageUrl}?_rsc`, { rsc: "1", cookie });
  if (answer.status !== 200) throw new Error(`the page's refresh answered ${answer.status}`);
  return answer;
}
