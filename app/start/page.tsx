import { redirect } from "next/navigation";
import { homeFor } from "@/lib/auth/roles";
import { requirePerson } from "@/lib/auth/session";

/** After sign-in without a requested page: each person lands in their own area. */
export default async function StartPage() {
  const person = await requirePerson();
  redirect(homeFor(person.roles));
}
