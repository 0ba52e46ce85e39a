// Which days employees can volunteer for on-site duty. Pure.

import { addDays, isWorkingDay } from "@/lib/devices/rules";

/** The next `count` working days after `today` (ISO dates): what the volunteer form offers. */
export function offeredDays(today: Date, count = 10): string[] {
  const days: string[] = [];
  for (let d = addDays(today, 1); days.length < count; d = addDays(d, 1)) if (isWorkingDay(d)) days.push(d.toISOString().slice(0, 10));
  return days;
}
