import { Link } from "@/components/ui/link";
import type { ReactNode, Ref } from "react";

/**
 * One column: its header and how a row fills its cell.
 * `rowHeader` makes the cell the row's `<th scope="row">` (the cell a screen reader names the row by).
 * A header that must not show (a checkbox column) passes `<span className="sr-only">…</span>`.
 */
export type Column<Row> = {
  key: string;
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  rowHeader?: boolean;
  /** Extra classes of the column's cells (not its header): `font-mono`, `whitespace-nowrap`… */
  className?: string;
  /** A smaller second line of the cell, under its content (a person's number under the name). */
  note?: (row: Row) => ReactNode;
};

/** The links to the neighbouring pages of a keyset-paged list (the cursor is in the href). */
export type Pager = { next?: { href: string; label: string } | null; previous?: { href: string; label: string } | null };

type Props<Row> = {
  /** Names the table for screen readers; shown above it with `captionVisible`. */
  caption: string;
  captionVisible?: boolean;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  /** Shown instead of the table when there is no row. Without it an empty table is drawn (its header still says what would be there). */
  empty?: ReactNode;
  /** A scroll region of its own, about half a screen high, whose header row stays in view while it scrolls. */
  sticky?: boolean;
  pager?: Pager;
  /** Classes of one row's `<tr>` (highlight, alignment). */
  rowClassName?: (row: Row) => string | undefined;
  /**
   * A row drawn by its own component (keys, focus, selection: the IT queue); `cells` are the columns' cells,
   * ready to be placed in the caller's `<tr>`. Without it each row is a plain `<tr>` of the cells.
   */
  renderRow?: (row: Row, index: number, cells: ReactNode) => ReactNode;
  id?: string;
  tableRef?: Ref<HTMLTableElement>;
};

export const cellClass = "p-2";

/** The cells of one row, as the columns say (the row header as `<th scope="row">`). */
export function rowCells<Row>(columns: Column<Row>[], row: Row, index: number): ReactNode {
  return columns.map((c) => {
    const content = (
      <>
        {c.cell(row, index)}
        {c.note ? <span className="block text-xs font-normal text-slate-700">{c.note(row)}</span> : null}
      </>
    );
    return c.rowHeader ? (
      <th key={c.key} scope="row" className={`${cellClass} text-left font-medium ${c.className ?? ""}`}>
        {content}
      </th>
    ) : (
      <td key={c.key} className={`${cellClass} ${c.className ?? ""}`}>
        {content}
      </td>
    );
  });
}

/**
 * Every table of the portal: caption, column headers, rows, an empty state, an optional sticky header and a keyset pager.
 * No hooks: it renders on the server for pages and inside client components (the queue, the import reports) alike.
 */
export function DataTable<Row>({ caption, captionVisible = false, columns, rows, rowKey, empty, sticky = false, pager, rowClassName, renderRow, id, tableRef }: Props<Row>) {
  if (rows.length === 0 && empty !== undefined) {
    return (
      <>
        <div id={id}>{typeof empty === "string" ? <p>{empty}</p> : empty}</div>
        <PagerLinks pager={pager} />
      </>
    );
  }
  const table = (
    <table ref={tableRef} className="w-full border-collapse bg-white text-sm">
      <caption className={captionVisible ? "mb-1 text-left font-semibold" : "sr-only"}>{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300 text-left">
          {columns.map((c) => (
            // A sticky header needs its own background, or the rows scrolling under it show through.
            <th key={c.key} scope="col" className={`${cellClass} ${sticky ? "sticky top-0 z-10 bg-white shadow-[inset_0_-1px_0_#cbd5e1]" : ""}`}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => {
          const cells = rowCells(columns, row, i);
          return renderRow ? (
            renderRow(row, i, cells)
          ) : (
            <tr key={rowKey(row, i)} className={`border-b border-slate-200 ${rowClassName?.(row) ?? ""}`}>
              {cells}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  return (
    <>
      {sticky ? (
        // A scrolling region must be reachable by keyboard (axe: scrollable-region-focusable) and named.
        <div id={id} role="region" aria-label={caption} tabIndex={0} className="max-h-[32rem] overflow-auto rounded-md focus-visible:outline-2 focus-visible:outline-blue-700">
          {table}
        </div>
      ) : (
        <div id={id} className="overflow-x-auto">
          {table}
        </div>
      )}
      <PagerLinks pager={pager} />
    </>
  );
}

function PagerLinks({ pager }: { pager?: Pager }) {
  if (!pager?.next && !pager?.previous) return null;
  return (
    <p className="mt-4 flex flex-wrap gap-3">
      {pager.previous ? (
        <Link href={pager.previous.href} className="inline-flex min-h-11 items-center font-medium text-blue-800 underline">
          {pager.previous.label}
        </Link>
      ) : null}
      {pager.next ? (
        <Link href={pager.next.href} className="inline-flex min-h-11 items-center font-medium text-blue-800 underline">
          {pager.next.label}
        </Link>
      ) : null}
    </p>
  );
}
