import { headers } from "next/headers";
import { PeopleTable } from "../people-table";

// The bare page at another size: `?n=` rows (at most 5,000). The HTTP bench sizes it to each
// measured page's HTML, as a second reference: what Next.js itself costs for that much output.
export default async function BareRows({ searchParams }) {
  const n = Math.min(Math.max(Number((await searchParams).n) || 50, 1), 5000);
  return <PeopleTable n={n} agent={(await headers()).get("user-agent") ?? ""} />;
}
