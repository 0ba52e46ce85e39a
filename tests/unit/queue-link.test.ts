import { describe, expect, it } from "vitest";
import { queueFilterFromTicket, queueFilters, queueHref, ticketHref } from "@/lib/triage/queue-link";

describe("queue link", () => {
  it("carries the queue's filter into the ticket address, without the page cursor", () => {
    expect(ticketHref(20, "?category=token_problem&after=abc&status=open")).toBe("/it/tickets/20?from=category%3Dtoken_problem");
    expect(ticketHref(20, "")).toBe("/it/tickets/20");
    expect(ticketHref(7, "status=resolved&q=%2320")).toBe("/it/tickets/7?from=status%3Dresolved%26q%3D%252320");
  });

  it("reads the filter back on the ticket page, dropping junk", () => {
    const href = ticketHref(20, "priority=urgent&assignee=me&category=nonsense&evil=1");
    const from = new URL(href, "http://x").searchParams;
    expect(queueFilterFromTicket(from)).toBe("priority=urgent&assignee=me");
    expect(queueFilterFromTicket({ from: ["status=new", "status=closed"] })).toBe("status=new");
    expect(queueFilterFromTicket({})).toBe("");
    expect(queueFilterFromTicket({ from: "site=not-a-uuid" })).toBe("");
  });

  it("gives the queue address and the filter as SQL reads it", () => {
    expect(queueHref("status=open")).toBe("/it");
    expect(queueHref("status=new&q=Muller")).toBe("/it?status=new&q=Muller");
    expect(queueFilters("")).toEqual({ status: "open" });
    expect(queueFilters("status=new&priority=high&after=xyz")).toMatchObject({ status: "new", priority: "high" });
    expect(queueFilters("status=new&after=xyz")).not.toHaveProperty("after");
  });
});

describe("the ticket page's own parameters", () => {
  it("keep the filter first and add theirs", () => {
    expect(ticketHref(20, "status=new", { resolved: "19" })).toBe("/it/tickets/20?from=status%3Dnew&resolved=19");
    expect(ticketHref(20, "", { go: "next" })).toBe("/it/tickets/20?go=next");
  });
});
