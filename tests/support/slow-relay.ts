import { SMTPServer } from "smtp-server";
import { freePort } from "../../scripts/lib/pg-server";

// A local SMTP peer that takes its time: it reads each message, waits `delayMs`,
// then accepts it, like a relay that answers the end of DATA after seconds (or at
// once with 0). It
// records what it accepted, so a test or the bench can count deliveries per
// message (the X-Passerelle-Outbox-Id header names the outbox row).

export type Accepted = { outboxId: number; to: string; raw: string };
export type SlowRelay = { port: number; accepted: Accepted[]; close(): Promise<void> };

/** `port`: a port chosen beforehand (e.g. one a transport already failed to reach); else a free one. */
export async function startSlowRelay(options: { delayMs: number; port?: number; onMessage?: (outboxId: number) => Promise<void> | void }): Promise<SlowRelay> {
  const accepted: Accepted[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      stream.on("end", () => {
        const outboxId = Number(/^X-Passerelle-Outbox-Id: (\d+)/im.exec(raw)?.[1] ?? NaN);
        setTimeout(() => {
          Promise.resolve(options.onMessage?.(outboxId))
            .then(() => {
              accepted.push({ outboxId, to: session.envelope.rcptTo.map((r) => r.address).join(","), raw });
              callback();
            })
            .catch((error: Error) => callback(error));
        }, options.delayMs);
      });
    },
  });
  const port = options.port ?? (await freePort());
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  return {
    port,
    accepted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** How many times the relay accepted each outbox row: exactly-once means every value is 1. */
export function deliveriesPerMessage(accepted: Accepted[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const a of accepted) counts.set(a.outboxId, (counts.get(a.outboxId) ?? 0) + 1);
  return counts;
}
