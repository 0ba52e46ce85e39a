import { headers } from "next/headers";

// Dynamic like every Passerelle page (rendered per request), a 50-row table, no database.
export default async function BarePage() {
  const agent = (await headers()).get("user-agent") ?? "";
  const rows = Array.from({ length: 50 }, (_, i) => ({ id: i + 1, name: `Person ${i + 1}`, status: i % 3 === 0 ? "waiting" : "ready", at: new Date(Date.UTC(2026, 10, 30, 8, i)).toISOString() }));
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
