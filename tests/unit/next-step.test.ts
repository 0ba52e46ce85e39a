import { describe, expect, test } from "vitest";
import { emptyCase, nextAction, nextSteps, onwardFrom, type CaseSteps, type NextAction, type NextStep } from "@/lib/onboarding/rules";

const eligible: CaseSteps = { ...emptyCase, eligibility: "eligible" };
const tokenDone: CaseSteps = { ...eligible, device: "issued", path: "vdi", handoverChosen: true, token: "active" };
const done: CaseSteps = { ...tokenDone, path: "laptop", connectivity: "good" };

// Every state the status page can be in, with the one next step and where its action leads.
// A step IT is handling has no action: the person must not be sent to do something that cannot help.
const table: [string, CaseSteps, boolean, NextStep, string | null][] = [
  ["not eligible", { ...done, eligibility: "not_eligible" }, false, "none", null],
  ["eligibility not answered", emptyCase, false, "eligibility", "/eligibility"],
  ["eligibility under review", { ...emptyCase, eligibility: "review" }, true, "eligibility_review", null],
  ["eligible, no device", eligible, false, "device", "/device"],
  ["device cancelled", { ...eligible, device: "cancelled" }, false, "device", "/device"],
  ["laptop reserved, no handover method chosen", { ...eligible, device: "reserved", path: "laptop" }, false, "device_handover", "/device"],
  ["laptop reserved with a slot: the token comes next", { ...eligible, device: "reserved", path: "laptop", handoverChosen: true }, false, "token", "/token"],
  ["VDI seat ready: the token comes next", { ...eligible, device: "issued", path: "vdi", handoverChosen: true }, false, "token", "/token"],
  ["in the queue: the token meanwhile", { ...eligible, device: "waiting", path: "vdi" }, false, "token", "/token"],
  ["token waiting for its first code", { ...tokenDone, token: "pending_verification" }, false, "token", "/token"],
  ["token locked", { ...tokenDone, token: "locked" }, false, "token", "/token"],
  ["token reset", { ...tokenDone, token: "reset" }, false, "token", "/token"],
  ["token active: the connection test comes next", tokenDone, false, "connectivity", "/connectivity"],
  ["gateway unreachable", { ...tokenDone, connectivity: "gateway_unreachable" }, false, "connectivity", "/connectivity"],
  ["offline", { ...tokenDone, connectivity: "offline" }, false, "connectivity", "/connectivity"],
  ["no internet, no 4G: IT has it", { ...tokenDone, connectivity: "no_internet" }, true, "connectivity_with_it", null],
  ["no internet, IT's ticket closed: test again", { ...tokenDone, connectivity: "no_internet" }, false, "connectivity", "/connectivity"],
  ["4G router requested", { ...tokenDone, connectivity: "router_requested" }, false, "connectivity_router", "/connectivity"],
  ["4G router requested, open ticket", { ...tokenDone, connectivity: "router_requested" }, true, "connectivity_router", "/connectivity"],
  ["rest done, still in the queue", { ...done, device: "waiting" }, false, "device_queue", "/device"],
  ["rest done, laptop reserved with a slot", { ...done, device: "reserved", handoverMethod: "collect" }, false, "device_collect", "/device"],
  ["rest done, laptop to be delivered", { ...done, device: "reserved", handoverMethod: "ship" }, false, "device_delivery", "/device"],
  ["rest done, laptop reserved without a handover method", { ...done, device: "reserved", handoverChosen: false }, false, "device_handover", "/device"],
  ["ready on a laptop", done, false, "ready", "/guide"],
  ["ready on a VDI seat with UDP blocked", { ...tokenDone, connectivity: "udp_blocked" }, false, "ready", "/guide"],
  ["ready on a laptop whose browser could not test UDP", { ...done, connectivity: "udp_untested" }, false, "ready", "/guide"],
  ["ready, limited, open ticket", { ...done, connectivity: "limited" }, true, "ready", "/guide"],
];

describe("nextAction: the one next step for every state", () => {
  test.each(table)("%s", (_label, steps, hasOpenTicket, step, href) => {
    expect(nextAction(steps, hasOpenTicket)).toEqual<NextAction>({ step, href });
  });

  test("the table covers every next step there is", () => {
    expect(new Set(table.map((row) => row[3]))).toEqual(new Set(nextSteps));
  });
});

describe("onwardFrom: the next step a finished page offers", () => {
  test.each<[string, NextAction, string, NextAction | null]>([
    ["VDI seat ready, on /device → the token", { step: "token", href: "/token" }, "/device", { step: "token", href: "/token" }],
    ["token active, on /token → the connection test", { step: "connectivity", href: "/connectivity" }, "/token", { step: "connectivity", href: "/connectivity" }],
    ["ready, on /token → the guide", { step: "ready", href: "/guide" }, "/token", { step: "ready", href: "/guide" }],
    ["handover still to choose, on /device → the form on this page, no link", { step: "device_handover", href: "/device" }, "/device", null],
    ["IT has it → nothing to send the person to", { step: "connectivity_with_it", href: null }, "/token", null],
  ])("%s", (_label, action, page, expected) => {
    expect(onwardFrom(action, page)).toEqual(expected);
  });
});
