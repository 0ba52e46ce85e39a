// Pure rules of the onboarding case (DESIGN.md, "The case, as states").
// The status page derives everything from the step states; nothing is stored twice.

export type Eligibility = "pending" | "eligible" | "not_eligible" | "review";
export type Device = "none" | "waiting" | "reserved" | "issued" | "cancelled";
export type Token = "none" | "pending_verification" | "active" | "locked" | "reset";
export type Connectivity =
  | "not_tested" | "good" | "limited" | "udp_blocked" | "udp_untested" | "gateway_unreachable" | "offline" | "no_internet" | "router_requested";
export type Path = "laptop" | "vdi" | null;

export type CaseSteps = {
  eligibility: Eligibility;
  device: Device;
  path: Path;
  /** A reserved laptop has a collection slot or a shipping address. */
  handoverChosen: boolean;
  /** How the reserved laptop reaches the person, once chosen: the last next step says "collect" or "wait for the delivery". */
  handoverMethod?: "collect" | "ship" | null;
  token: Token;
  connectivity: Connectivity;
};

export const emptyCase: CaseSteps = { eligibility: "pending", device: "none", path: null, handoverChosen: false, token: "none", connectivity: "not_tested" };

export type CaseStage = "in_progress" | "ready" | "waiting" | "with_it" | "not_eligible";
/** Every next step the status page can show, in journey order; each has a sentence in messages (`status.next.*`). */
export const nextSteps = [
  "none",
  "eligibility",
  "eligibility_review",
  "device",
  "device_handover",
  "token",
  "connectivity",
  "connectivity_with_it",
  "connectivity_router",
  "device_queue",
  "device_collect",
  "device_delivery",
  "ready",
] as const;
export type NextStep = (typeof nextSteps)[number];

/** The next step and where its one action leads; `href` is null when nobody can act but IT or time. */
export type NextAction = { step: NextStep; href: string | null };

export const nextStepHrefs: Record<NextStep, string | null> = {
  none: null,
  eligibility: "/eligibility",
  eligibility_review: null,
  device: "/device",
  device_handover: "/device",
  token: "/token",
  connectivity: "/connectivity",
  // IT has the case (no internet, no 4G): a test cannot help, so there is nothing to press.
  connectivity_with_it: null,
  // The router request's status and, once it is plugged in, the test live on the same page.
  connectivity_router: "/connectivity",
  device_queue: "/device",
  device_collect: "/device",
  device_delivery: "/device",
  ready: "/guide",
};

/**
 * Good or limited always works; blocked UDP works on the SSL VPN profile (443) or a VDI seat,
 * and so does UDP the browser could not test (the SSL profile needs no UDP).
 */
export const workingConnectivity: readonly Connectivity[] = ["good", "limited", "udp_blocked", "udp_untested"];

export function connectivityWorks(connectivity: Connectivity): boolean {
  return workingConnectivity.includes(connectivity);
}

export function isReady(c: CaseSteps): boolean {
  return c.eligibility === "eligible" && c.device === "issued" && c.token === "active" && connectivityWorks(c.connectivity);
}

/**
 * The one next step. `hasOpenTicket` tells "no internet, IT is on it" from
 * "no internet, IT closed the request" (then a new test is what is left).
 */
export function nextStep(c: CaseSteps, hasOpenTicket = false): NextStep {
  if (c.eligibility === "not_eligible") return "none";
  if (c.eligibility === "pending") return "eligibility";
  if (c.eligibility === "review") return "eligibility_review";
  if (c.device === "none" || c.device === "cancelled") return "device";
  if (c.device === "reserved" && !c.handoverChosen) return "device_handover";
  if (c.token !== "active") return "token";
  if (c.connectivity === "no_internet" && hasOpenTicket) return "connectivity_with_it";
  if (c.connectivity === "router_requested") return "connectivity_router";
  if (!connectivityWorks(c.connectivity)) return "connectivity";
  if (c.device === "waiting") return "device_queue";
  if (c.device === "reserved") return c.handoverMethod === "ship" ? "device_delivery" : "device_collect";
  return "ready";
}

/** The next step with its action's target, for the status page and every step page. */
export function nextAction(c: CaseSteps, hasOpenTicket = false): NextAction {
  const step = nextStep(c, hasOpenTicket);
  return { step, href: nextStepHrefs[step] };
}

/**
 * What a step page offers once its own step is done: the next step, unless it is
 * on this very page (then the page's own form is the action) or has no action.
 */
export function onwardFrom(action: NextAction, page: string): NextAction | null {
  return action.href && action.href !== page ? action : null;
}

export function caseStage(c: CaseSteps, hasOpenTicket: boolean): CaseStage {
  if (c.eligibility === "not_eligible") return "not_eligible";
  if (isReady(c)) return "ready";
  if (hasOpenTicket) return "with_it";
  if (nextStep(c) === "device_queue") return "waiting";
  return "in_progress";
}

export type StepKey = "eligibility" | "device" | "token" | "connectivity";

/**
 * The steps the status page lists. A person who is not eligible has nothing to set up for
 * telework: listing a device or a token step would invite them to do what they may not
 * (issue 13 point 6); the page shows what they can do instead.
 */
export function visibleSteps(c: CaseSteps): StepKey[] {
  return c.eligibility === "not_eligible" ? ["eligibility"] : ["eligibility", "device", "token", "connectivity"];
}

/** Every name the device step can have (`status.deviceState.*`), path and handover included. */
export const deviceStates = [
  "none",
  "cancelled",
  "laptop_waiting",
  "vdi_waiting",
  "laptop_reserved",
  "laptop_reserved_collect",
  "laptop_reserved_ship",
  "laptop_handed_over",
  "laptop_shipped",
  "vdi_ready",
] as const;
export type DeviceState = (typeof deviceStates)[number];

/**
 * The device step's name and whether it is done. A reserved laptop is not done, whatever was
 * chosen: it is done once IT records it collected or sent. A VDI seat is assigned, never
 * "handed over" (issue 13 point 9).
 */
export function deviceStep(c: CaseSteps): { state: DeviceState; done: boolean } {
  if (c.device === "none" || c.device === "cancelled") return { state: c.device, done: false };
  if (c.path === "vdi") return c.device === "waiting" ? { state: "vdi_waiting", done: false } : { state: "vdi_ready", done: true };
  if (c.device === "waiting") return { state: "laptop_waiting", done: false };
  if (c.device === "reserved") {
    const state = !c.handoverChosen ? "laptop_reserved" : c.handoverMethod === "ship" ? "laptop_reserved_ship" : "laptop_reserved_collect";
    return { state, done: false };
  }
  return { state: c.handoverMethod === "ship" ? "laptop_shipped" : "laptop_handed_over", done: true };
}
