import { HelpForm } from "@/components/tickets/help-form";
import { requirePerson } from "@/lib/auth/session";
import { phoneOnFile } from "@/lib/contact/queries";
import { contactChoiceForPage } from "@/lib/roster/queries";
import { db } from "@/lib/db";

/** "I need help" for the signed-in person, offering the phone they last gave IT (else the roster's), and naming the address IT's answers go to. */
export async function PersonHelpForm() {
  // requirePerson is cached per request: the page already read it, no second lookup.
  const person = await requirePerson();
  const [phone, contact] = await Promise.all([phoneOnFile(db(), person.employeeId), contactChoiceForPage(person.employeeId)]);
  return <HelpForm phone={phone} address={contact.address} />;
}
