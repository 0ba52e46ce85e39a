import { headers } from "next/headers";

// The bare page at another size: `?n=` rows (at most 5,000). The HTTP bench sizes it to each
// measured page's HTML, as a second reference: what Next.js itself costs for that much output.
export default async function BareRows({ searchParams }) {
  const agent = (await headers()).get("user-agent") ?? "";
  const n = Math.min(Math.max(Number((await searchParams).n) || 50, 1), 5000);
  const rows = Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `Person ${i + 1}`, status: i % 3 === 0 ? "waiting" : "ready", at: new Date(Date.UTC(2026, 10, 30, 8, i % 60)).toISOString() }));
  return (
    <main>
      <h1>Bare page</h1>
      <p>{agent.length}</p>
      <table>
        <caption>People</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.id}</td>
              <td>{r.name}</td>
              <td>{r.status}</td>
              <td>{r.at}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
