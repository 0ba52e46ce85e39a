// Ticket life cycle: new → in progress → waiting for the employee → resolved → closed,
// and back to in progress when the employee answers or an agent reopens.

export const ticketStatuses = ["new", "in_progress", "waiting_for_employee", "resolved", "closed"] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

const transitions: Record<TicketStatus, TicketStatus[]> = {
  new: ["in_progress", "waiting_for_employee", "resolved", "closed"],
  in_progress: ["waiting_for_employee", "resolved", "closed"],
  waiting_for_employee: ["in_progress", "resolved", "closed"],
  resolved: ["in_progress", "closed"],
  closed: [],
};

export function allowedTransition(from: TicketStatus, to: TicketStatus): boolean {
  return transitions[from].includes(to);
}

/** Overdue: still open past its SLA due time. */
export function isOverdue(status: TicketStatus, slaDueAt: Date, now = new Date()): boolean {
  return (status === "new" || status === "in_progress") && slaDueAt.getTime() < now.getTime();
}

/** Fills a canned response's placeholders; unknown ones stay visible so nothing is silently lost. */
export function fillPlaceholders(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
