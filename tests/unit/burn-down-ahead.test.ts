import { describe, expect, test } from "vitest";
import { burnDownAhead } from "@/lib/admin/rollout-forecast";

// The dashboard's burn-down ahead (issue 17 point 3): people still waiting at the end of each
// day, from each queued position's day; a position without a date waits through the horizon.
describe("the burn-down ahead", () => {
  test("counts down as dates pass, stops when everyone is equipped, and keeps the undated", () => {
    const dates = new Map([
      ["laptop", ["2026-12-01", "2026-12-02", "2026-12-02", null]],
      ["vdi_seat", ["2026-12-01"]],
      ["router_4g", []],
    ] as const);
    const ahead = burnDownAhead("2026-12-01", dates as never, "2026-12-03");
    expect(ahead).toEqual([
      { day: "2026-12-01", laptop: 3, vdi_seat: 0, router_4g: 0 },
      { day: "2026-12-02", laptop: 1, vdi_seat: 0, router_4g: 0 },
      { day: "2026-12-03", laptop: 1, vdi_seat: 0, router_4g: 0 },
    ]);
  });

  test("without an end (supply short), six weeks ahead", () => {
    const ahead = burnDownAhead("2026-12-01", new Map([["laptop", [null]]]) as never, null);
    expect(ahead).toHaveLength(43);
    expect(ahead.at(-1)).toEqual({ day: "2027-01-12", laptop: 1, vdi_seat: 0, router_4g: 0 });
  });
});
