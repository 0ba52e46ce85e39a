import type { Tx } from "@/db/client";
import { runTransaction } from "@/lib/db/transaction";

/** Runs a domain function in its own transaction, exactly as an action does (defineAction's runner). */
export const inTransaction = <T,>(fn: (tx: Tx) => Promise<T>) => runTransaction(fn);
