"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { DataTable, type Pager } from "@/components/ui/data-table";
import { ShortcutHelp, type Shortcut } from "@/components/ui/shortcuts";
import { ticketHref } from "@/lib/triage/queue-link";
import { BulkBar } from "./bulk-bar";
import { QueueRow, useQueueColumns, type QueueItem } from "./queue-row";

export type { QueueItem } from "./queue-row";

/**
 * The queue's table, its bulk bar and its keys (j/k, Enter, x, /, ?).
 * `now`: the page's reference time (ISO), so relative times need no clock of their own and match server and browser.
 * `queueQuery`: the current filter, carried by every row link so the ticket page can offer the next ticket of it.
 * `empty`: said instead of the table (and its keys) when no ticket matches; the bulk bar's last result stays; `pager`: the next keyset page.
 */
export function QueueTable({ rows, agents, now, queueQuery, empty, pager }: { rows: QueueItem[]; agents: { id: string; name: string }[]; now: string; queueQuery: string; empty?: string; pager?: Pager }) {
  const t = useTranslations("it.queue");
  const router = useRouter();
  const table = useRef<HTMLTableElement>(null);
  const [selected, setSelected] = useState<number[]>([]);
  // The row the keys act on, by ticket number: an auto-refresh that reorders rows keeps it.
  const [active, setActive] = useState<number | null>(null);
  const toggle = (n: number) => setSelected((s) => (s.includes(n) ? s.filter((x) => x !== n) : [...s, n]));
  const hrefOf = (n: number) => ticketHref(n, queueQuery);
  const columns = useQueueColumns({ href: (row) => hrefOf(row.number), now, isSelected: (row) => selected.includes(row.number), onToggle: (row) => toggle(row.number) });

  const move = (step: 1 | -1) => {
    if (rows.length === 0) return;
    const index = rows.findIndex((r) => r.number === active);
    const next = rows[index < 0 ? 0 : Math.min(Math.max(index + step, 0), rows.length - 1)].number;
    setActive(next);
    table.current?.querySelector<HTMLElement>(`[data-ticket="${next}"]`)?.focus();
  };
  const open = () => {
    // Enter keeps its usual meaning on a focused link or button; elsewhere it opens the row the keys chose.
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && focused.matches("a[href], button, summary")) focused.click();
    else if (active !== null && rows.some((r) => r.number === active)) router.push(hrefOf(active));
  };
  const shortcuts: Shortcut[] = [
    { key: "j", description: t("keys.next"), run: () => move(1) },
    { key: "k", description: t("keys.previous"), run: () => move(-1) },
    { key: "Enter", description: t("keys.open"), run: open },
    { key: "x", description: t("keys.select"), run: () => active !== null && rows.some((r) => r.number === active) && toggle(active) },
    {
      key: "/",
      description: t("keys.search"),
      run: () => {
        const search = document.getElementById("filter-q");
        if (search instanceof HTMLInputElement) {
          search.focus();
          search.select();
        }
      },
    },
  ];

  return (
    <div className="flex flex-col gap-4">
      {/* Always there, even when the list is empty: an operation that empties the list (the last
          tickets of a filter resolved) still says what it did, and its result region stays in place. */}
      <BulkBar selected={selected} agents={agents} onApplied={() => setSelected([])} />
      {rows.length > 0 ? (
        <div className="flex justify-end">
          <ShortcutHelp shortcuts={shortcuts} />
        </div>
      ) : null}
      <DataTable
        caption={t("caption")}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.number}
        tableRef={table}
        empty={empty}
        pager={pager}
        renderRow={(row, _i, cells) => (
          <QueueRow key={row.number} row={row} active={active === row.number} onFocus={() => setActive(row.number)}>
            {cells}
          </QueueRow>
        )}
      />
    </div>
  );
}
