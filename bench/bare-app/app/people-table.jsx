// The bare page's content: `n` rows of a plain table (no client component, no database).
export function PeopleTable({ n, agent }) {
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
