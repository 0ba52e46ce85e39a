import { describe, expect, test } from "vitest";
import {
  caseStage,
  connectivityWorks,
  emptyCase,
  isReady,
  nextStep,
  type CaseStage,
  type CaseSteps,
  type Connectivity,
  type NextStep,
} from "@/lib/onboarding/rules";

const eligible: CaseSteps = { ...emptyCase, eligibility: "eligible" };
const done: CaseSteps = { eligibility: "eligible", device: "issued", path: "laptop", handoverChosen: true, token: "active", connectivity: "good" };

describe("case rules", () => {
  test.each<[string, CaseSteps, boolean, NextStep, CaseStage, boolean]>([
    // label, case, open ticket, next step, stage, ready
    ["not eligible", { ...done, eligibility: "not_eligible" }, false, "none", "not_eligible", false],
    ["not eligible, open ticket", { ...emptyCase, eligibility: "not_eligible" }, true, "none", "not_eligible", false],
    ["empty case (pending)", emptyCase, false, "eligibility", "in_progress", false],
    ["under review", { ...emptyCase, eligibility: "review" }, false, "eligibility_review", "in_progress", false],
    ["eligible, no device", eligible, false, "device", "in_progress", false],
    ["device cancelled", { ...eligible, device: "cancelled" }, false, "device", "in_progress", false],
    ["laptop reserved, no handover chosen yet", { ...eligible, device: "reserved", path: "laptop" }, false, "device_handover", "in_progress", false],
    ["laptop reserved with a slot, no token", { ...eligible, device: "reserved", path: "laptop", handoverChosen: true }, false, "token", "in_progress", false],
    ["token locked", { ...done, token: "locked" }, false, "token", "in_progress", false],
    ["connectivity not tested", { ...done, connectivity: "not_tested" }, false, "connectivity", "in_progress", false],
    ["gateway unreachable", { ...done, connectivity: "gateway_unreachable" }, false, "connectivity", "in_progress", false],
    ["all done, good", done, false, "ready", "ready", true],
    ["all done, limited", { ...done, connectivity: "limited" }, false, "ready", "ready", true],
    ["all done, UDP blocked", { ...done, connectivity: "udp_blocked" }, false, "ready", "ready", true],
    ["all done on VDI", { ...done, path: "vdi" }, false, "ready", "ready", true],
    ["waiting for a device", { ...done, device: "waiting" }, false, "device_queue", "waiting", false],
    ["device reserved, rest done: collect it", { ...done, device: "reserved" }, false, "device_collect", "in_progress", false],
    ["device reserved, handover missing, rest done", { ...done, device: "reserved", handoverChosen: false }, false, "device_handover", "in_progress", false],
    ["open ticket, not ready", { ...done, connectivity: "gateway_unreachable" }, true, "connectivity", "with_it", false],
    ["open ticket while waiting", { ...done, device: "waiting" }, true, "device_queue", "with_it", false],
    ["open ticket, ready", done, true, "ready", "ready", true],
  ])("%s", (_label, steps, hasOpenTicket, next, stage, ready) => {
    expect(nextStep(steps, hasOpenTicket)).toBe(next);
    expect(caseStage(steps, hasOpenTicket)).toBe(stage);
    expect(isReady(steps)).toBe(ready);
  });
});

describe("connectivityWorks", () => {
  test.each<[Connectivity, boolean]>([
    ["good", true],
    ["limited", true],
    ["udp_blocked", true],
    ["udp_untested", true],
    ["not_tested", false],
    ["gateway_unreachable", false],
    ["offline", false],
    ["no_internet", false],
    ["router_requested", false],
  ])("%s → %s", (connectivity, expected) => {
    expect(connectivityWorks(connectivity)).toBe(expected);
  });
});
