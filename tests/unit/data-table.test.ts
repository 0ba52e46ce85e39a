import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, type Column } from "@/components/ui/data-table";

type Row = { id: number; name: string; n: number };
const columns: Column<Row>[] = [
  { key: "name", header: "Name", cell: (r) => r.name, rowHeader: true },
  { key: "n", header: "Count", cell: (r) => String(r.n), className: "font-mono" },
];
const html = (props: Partial<Parameters<typeof DataTable<Row>>[0]> & { rows: Row[] }) =>
  renderToStaticMarkup(createElement(DataTable<Row>, { caption: "People", columns, rowKey: (r: Row) => r.id, ...props }));

describe("DataTable", () => {
  it("draws a caption, column headers and one row per item with its row header", () => {
    const out = html({ rows: [{ id: 1, name: "Anna", n: 3 }, { id: 2, name: "Luc", n: 4 }] });
    expect(out).toContain('<caption class="sr-only">People</caption>');
    expect(out.match(/<th scope="col"/g)).toHaveLength(2);
    expect(out.match(/<th scope="row"[^>]*>Anna<\/th>/)).not.toBeNull();
    expect(out).toContain('class="p-2 font-mono">4</td>');
    expect(out.match(/<tr /g)).toHaveLength(3);
  });

  it("shows the empty state instead of a table, and an empty table without one", () => {
    expect(html({ rows: [], empty: "Nobody yet" })).toBe("<div><p>Nobody yet</p></div>");
    expect(html({ rows: [] })).toContain("<tbody></tbody>");
  });

  it("a sticky table scrolls in a named, focusable region under a header that stays", () => {
    const out = html({ rows: [{ id: 1, name: "Anna", n: 3 }], sticky: true });
    expect(out).toMatch(/<div role="region" aria-label="People" tabindex="0"/);
    expect(out).toMatch(/<th scope="col" class="p-2 sticky top-0/);
  });

  it("the pager links carry the cursor, and none is drawn on the last page", () => {
    const out = html({ rows: [{ id: 1, name: "Anna", n: 3 }], pager: { next: { href: "/x?after=abc", label: "Older" } } });
    expect(out).toContain('href="/x?after=abc"');
    expect(out).toContain(">Older</a>");
    expect(html({ rows: [{ id: 1, name: "Anna", n: 3 }], pager: { next: null } })).not.toContain("<a ");
  });

  it("a column's note is a smaller second line of its cell (a person's number under the name)", () => {
    const noted: Column<Row>[] = [{ ...columns[0], note: (r) => `#${r.id}` }, columns[1]];
    const out = html({ rows: [{ id: 1, name: "Anna", n: 3 }], columns: noted });
    expect(out).toMatch(/<th scope="row"[^>]*>Anna<span class="block text-xs font-normal text-slate-700">#1<\/span><\/th>/);
    expect(out).toContain('class="p-2 font-mono">3</td>');
  });

  it("a custom row receives the columns' cells", () => {
    const out = html({ rows: [{ id: 7, name: "Eva", n: 1 }], renderRow: (r, _i, cells) => createElement("tr", { key: r.id, "data-ticket": r.id }, cells) });
    expect(out).toMatch(/<tr data-ticket="7"><th scope="row"[^>]*>Eva<\/th>/);
  });
});
