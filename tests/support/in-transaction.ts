import type { Tx } from "@/db/client";
import { db } from "@/lib/db";

/** Runs a domain function in its own transaction, as an action would. */
export const inTransaction = <T,>(fn: (tx: Tx) => Promise<T>) => db().transaction(fn);
