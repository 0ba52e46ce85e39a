import { HelpForm } from "@/components/tickets/help-form";
import { requirePerson } from "@/lib/auth/session";
import { phoneOnFile } from "@/lib/contact/queries";
import { db } from "@/lib/db";

/** "I need help" for the signed-in person, offering the phone they last gave IT (else the roster's). */
export async function PersonHelpForm() {
  // requirePerson is cached per request: the page already read it, no second lookup.
  const person = await requirePerson();
  return <HelpForm phone={await phoneOnFile(db(), person.employeeId)} />;
}
