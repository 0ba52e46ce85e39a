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

export type TicketPriority = "low" | "normal" | "high" | "urgent";

/**
 * Minutes from the start of the clock to the SLA due time, from the hours per priority
 * (setting sla_hours). The clock starts when a ticket opens and again when the person's
 * answer reopens it: their answer is a new request to IT.
 */
export function slaMinutes(hours: Record<TicketPriority, number>, priority: TicketPriority): number {
  return Math.round(hours[priority] * 60);
}

/** Fills a canned response's placeholders; unknown ones stay visible so nothing is silently lost. */
export function fillPlaceholders(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
