// A transaction handle that reports each statement as it is sent and once it has returned,
// whether it goes through drizzle (tx.execute, the builders) or straight to the transaction's
// postgres.js client (rawClient). PostgreSQL runs every statement; nothing is replaced.
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";

export type Watch = { sent?: (text: string) => void; done?: (text: string) => Promise<void> };

const dialect = new PgDialect();
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

type Client = { unsafe(text: string, params?: unknown[], options?: object): PromiseLike<unknown> };

function watchedClient(client: Client, watch: Watch): Client {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop !== "unsafe") return Reflect.get(target, prop, receiver);
      return (text: string, params?: unknown[], options?: object) => {
        watch.sent?.(oneLine(text));
        return target.unsafe(text, params, options).then(async (result) => (await watch.done?.(oneLine(text)), result));
      };
    },
  });
}

export function watched(tx: Tx, watch: Watch): Tx {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === "execute") {
        return async (query: SQL) => {
          const text = oneLine(dialect.sqlToQuery(query).sql);
          watch.sent?.(text);
          const result = await target.execute(query);
          await watch.done?.(text);
          return result;
        };
      }
      if (prop === "session") {
        const session = Reflect.get(target, prop, receiver) as { client: Client };
        return new Proxy(session, { get: (s, p, r) => (p === "client" ? watchedClient(s.client, watch) : Reflect.get(s, p, r)) });
      }
      if (prop === "insert" || prop === "update" || prop === "delete" || prop === "select") {
        return (...args: unknown[]) => (watch.sent?.(`builder ${prop}`), (target[prop] as (...a: unknown[]) => unknown)(...args));
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}
