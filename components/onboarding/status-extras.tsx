import { ClosedTickets } from "./closed-tickets";
import { ContactAddressCard } from "./contact-address-card";

/** Below the case: the person's ended requests, then where their mail goes (issue 13 points 1, 3). */
export function StatusExtras({ employeeId }: { employeeId: string }) {
  return (
    <div className="mt-6 flex flex-col gap-6">
      <ClosedTickets employeeId={employeeId} />
      <ContactAddressCard employeeId={employeeId} />
    </div>
  );
}
