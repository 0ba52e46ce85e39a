// Pure rules of the onboarding case (DESIGN.md, "The case, as states").
// The status page derives everything from the step states; nothing is stored twice.

export type Eligibility = "pending" | "eligible" | "not_eligible" | "review";
export type Device = "none" | "waiting" | "reserved" | "issued" | "cancelled";
export type Token = "none" | "pending_verification" | "active" | "locked" | "reset";
export type Connectivity =
  | "not_tested" | "good" | "limited" | "udp_blocked" | "gateway_unreachable" | "offline" | "no_internet" | "router_requested";
export type Path = "laptop" | "vdi" | null;

export type CaseSteps = {
  eligibility: Eligibility;
  device: Device;
  path: Path;
  /** A reserved laptop has a collection slot or a shipping address. */
  handoverChosen: boolean;
  token: Token;
  connectivity: Connectivity;
};

export const emptyCase: CaseSteps = { eligibility: "pending", device: "none", path: null, handoverChosen: false, token: "none", connectivity: "not_tested" };

export type CaseStage = "in_progress" | "ready" | "waiting" | "with_it" | "not_eligible";
export type NextStep =
  | "eligibility"
  | "eligibility_review"
  | "device"
  | "device_handover"
  | "token"
  | "connectivity"
  | "device_queue"
  | "device_collect"
  | "none";

/** Good or limited always works; blocked UDP works on the SSL VPN profile (443) or a VDI seat. */
export function connectivityWorks(connectivity: Connectivity): boolean {
  return connectivity === "good" || connectivity === "limited" || connectivity === "udp_blocked";
}

export function isReady(c: CaseSteps): boolean {
  return c.eligibility === "eligible" && c.device === "issued" && c.token === "active" && connectivityWorks(c.connectivity);
}

/** The one next action the status page offers. */
export function nextStep(c: CaseSteps): NextStep {
  if (c.eligibility === "not_eligible") return "none";
  if (c.eligibility === "pending") return "eligibility";
  if (c.eligibility === "review") return "eligibility_review";
  if (c.device === "none" || c.device === "cancelled") return "device";
  if (c.device === "reserved" && !c.handoverChosen) return "device_handover";
  if (c.token !== "active") return "token";
  if (!connectivityWorks(c.connectivity)) return "connectivity";
  if (c.device === "waiting") return "device_queue";
  if (c.device === "reserved") return "device_collect";
  return "none";
}

export function caseStage(c: CaseSteps, hasOpenTicket: boolean): CaseStage {
  if (c.eligibility === "not_eligible") return "not_eligible";
  if (isReady(c)) return "ready";
  if (hasOpenTicket) return "with_it";
  if (nextStep(c) === "device_queue") return "waiting";
  return "in_progress";
}
