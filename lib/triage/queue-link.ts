import { itQueueQuery } from "@/lib/http/page-queries";
import { firstValues, type RawSearchParams } from "@/lib/http/search-params";
import type { QueueFilters } from "./queries";

// The queue's filter travels with the agent into a ticket (/it/tickets/20?from=status%3Dopen%26category%3D…),
// so the ticket page can offer "next ticket of this filter" and a way back to the same queue.
// Pure (no server-only): the queue's client table builds its row links with it too.

const filterKeys = ["category", "status", "priority", "site", "orgUnit", "assignee", "incident", "q"] as const;

/** The queue's filter only, as a canonical query string: known keys, valid values, no page cursor, "status=open" left out (the default). */
export function canonicalQueueQuery(queueQuery: string): string {
  const raw = new URLSearchParams(queueQuery.startsWith("?") ? queueQuery.slice(1) : queueQuery);
  const parsed = itQueueQuery.safeParse(firstValues(raw).values);
  if (!parsed.success) return "";
  const out = new URLSearchParams();
  for (const key of filterKeys) {
    const value = parsed.data[key];
    if (!value || (key === "status" && value === "open")) continue;
    out.set(key, value);
  }
  return out.toString();
}

/** The ticket's address, carrying the queue's current filter (its query string, with or without "?"). `extra`: the ticket page's own parameters. */
export function ticketHref(number: number, queueQuery: string, extra: Record<string, string> = {}): string {
  const from = canonicalQueueQuery(queueQuery);
  const query = new URLSearchParams({ ...(from ? { from } : {}), ...extra }).toString();
  return query ? `/it/tickets/${number}?${query}` : `/it/tickets/${number}`;
}

/** Opens whatever follows `number` in the filter when it is followed (the ticket page redirects there), e.g. after resolving it. */
export function followingHref(number: number, queueQuery: string): string {
  return ticketHref(number, queueQuery, { go: "next" });
}

/** On the ticket page: the queue filter it was opened from, as a query string ("" = the default queue). */
export function queueFilterFromTicket(searchParams: RawSearchParams): string {
  const from = firstValues(searchParams).values.from;
  return from && from.length <= 1000 ? canonicalQueueQuery(from) : "";
}

/** The queue's address for that filter (the "back to the queue" link). */
export function queueHref(queueQuery: string): string {
  const query = canonicalQueueQuery(queueQuery);
  return query ? `/it?${query}` : "/it";
}

/** The filter as the queue's SQL reads it. */
export function queueFilters(queueQuery: string): QueueFilters {
  const parsed = itQueueQuery.safeParse(Object.fromEntries(new URLSearchParams(canonicalQueueQuery(queueQuery))));
  if (!parsed.success) return { status: "open" };
  const { after: _after, ...filters } = parsed.data;
  return filters;
}
