import { HelpForm } from "@/components/tickets/help-form";
import { requirePerson } from "@/lib/auth/session";
import { contactChoiceForPage } from "@/lib/contact/queries";

/** "I need help" for the signed-in person, offering the phone they last gave IT (else the roster's), and naming the address IT's answers go to. */
export async function PersonHelpForm() {
  // requirePerson is cached per request: the page already read it, no second lookup; so is the contact (the contact card read it).
  const person = await requirePerson();
  const contact = await contactChoiceForPage(person.employeeId);
  return <HelpForm phone={contact.phone} address={contact.address} />;
}
