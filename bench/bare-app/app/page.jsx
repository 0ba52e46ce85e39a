import { headers } from "next/headers";
import { PeopleTable } from "./people-table";

// Dynamic like every Passerelle page (rendered per request), a 50-row table, no database.
export default async function BarePage() {
  return <PeopleTable n={50} agent={(await headers()).get("user-agent") ?? ""} />;
}
