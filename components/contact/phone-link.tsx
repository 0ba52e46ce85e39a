import { formatPhone, telHref } from "@/lib/contact/phone";

/**
 * A stored (E.164) phone as a link the phone's dialler opens, shown grouped as people write it.
 * Only for the person themselves and IT staff: callers read it through lib/contact.
 */
export function PhoneLink({ phone, label, className = "font-medium text-blue-800 underline" }: { phone: string; label?: string; className?: string }) {
  return (
    <a href={telHref(phone)} className={`whitespace-nowrap ${className}`} aria-label={label}>
      {formatPhone(phone)}
    </a>
  );
}
