/**
 * Which message namespaces each route segment sends to the browser.
 *
 * Server components translate on the server and need nothing here; only
 * "use client" components read messages in the browser, and shipping the
 * whole catalogue (≈ 90 KB in French, admin and e-mail texts included) with
 * every page cost about a quarter of the status page's throughput.
 *
 * The root layout provides the shell's texts; each listed segment's layout
 * (<ClientMessages segment=…>) adds its own on top, so a page gets the union
 * of its segment and every listed segment above it. A sub-namespace
 * ("admin.stock") sends only that part of its parent. tests/unit/
 * client-namespaces.test.ts walks the imports of every page and fails when a
 * client component's namespace is missing here.
 *
 * Of `errors` (16 KB in French), a segment gets only the messages its browser code may show by
 * itself: its forms' own checks (their zod schemas) and its fallbacks. The server's refusals
 * arrive with their text (`messages` of an action's result, `message` of an import's issue); the
 * same test lists the keys each segment needs, and fails on one missing or one too many.
 */
function errors(...keys: string[]): string[] {
  return keys.map((key) => `errors.${key}`);
}

export const clientNamespaces = {
  // Header (language switcher, sign-out, file-import progress), the error boundary and the not-found,
  // forbidden and unauthorized pages (client components: see app/not-found.tsx); the generic
  // refusal every form falls back to, and the one a browser gives itself when no answer came.
  "": ["shell", "errorPage", "notFound", "forbidden", "unauthorized", ...errors("unexpected", "unavailable", "unreachable")],
  // The status page (contact address, ticket answers, help form); every employee page has forms.
  "(employee)": [
    "help",
    "status.contact",
    "status.tickets",
    ...errors("invalidInput", "categoryRequired", "contactAddressRequired", "descriptionRequired", "descriptionTooLong", "descriptionTooShort", "emailInvalid", "emailTooLong", "messageRequired", "messageTooLong", "phoneInvalid", "phoneTooLong", "phoneTooShort"),
  ],
  "(employee)/connectivity": ["connectivity.noInternet", "connectivity.test", ...errors("cityInvalid", "cityRequired", "coverageRequired", "ispOtherRequired", "postcodeInvalid", "postcodeRequired", "streetRequired", "tooLong")],
  "(employee)/device": ["device", ...errors("cityInvalid", "cityRequired", "methodRequired", "pathRequired", "postcodeInvalid", "postcodeRequired", "slotRequired", "streetRequired", "tooLong")],
  "(employee)/eligibility": ["eligibility", ...errors("answerRequired", "reviewNotPending")],
  "(employee)/onsite": ["onsite"],
  "(employee)/timesheet": ["timesheet", ...errors("absenceInvalid", "absenceOnFreeDay", "dateInvalid", "employeeNotFound", "exceedsPlanned", "invalidCharacters", "monthInvalid", "reasonRequired", "timeInvalid", "timeTooLong", "unitNotFound")],
  "(employee)/token": ["token", ...errors("codeInvalid", "codeRequired", "recoveryCodeInvalid", "recoveryCodeRequired", "serialInvalid", "serialRequired", "tokenLocked")],
  // The queue; a ticket's page and the incidents add their own below.
  it: [
    "it.queue",
    "it.category",
    "it.priority",
    "it.status",
    "it.reach",
    "it.bulk",
    "it.ticket",
    "shortcuts",
    "status.connectivity",
    ...errors("invalidInput", "assigneeRequired", "dateInvalid", "incidentNotFound", "invalidCharacters", "messageRequired", "messageTooLong", "monthInvalid", "notEligible", "phoneInvalid", "phoneTooLong", "phoneTooShort", "selectTickets", "serialInvalid", "staleTicket", "statusRequired", "ticketNotFound", "titleRequired", "tooLong"),
  ],
  "it/tickets/[number]": ["it.events", "it.caseActions"],
  "it/incidents": ["it.incidents"],
  hr: ["hr.period", "hr.reminders", ...errors("invalidInput")],
  "hr/import": ["hr.import", "fileImport", ...errors("importNoFile", "importTooLarge", "importTooManyIssues", "unauthenticated")],
  "hr/people": ["timesheet", "hr.person", ...errors("absenceInvalid", "absenceOnFreeDay", "dateInvalid", "employeeNotFound", "exceedsPlanned", "invalidCharacters", "monthInvalid", "reasonRequired", "timeInvalid", "timeTooLong", "unitNotFound")],
  "hr/reviews": ["hr.reviews", ...errors("notEligible")],
  "hr/units/[unitId]": ["hr.submitImported", "hr.unit.authorisation", ...errors("authorisationDateRequired", "authorisationEndsBeforeStart", "dateInvalid", "invalidCharacters")],
  // The dashboard, the audit log and the on-site list have no client texts: each admin page that has gets its own.
  "admin/roster": ["admin.roster.roles", "admin.roster.import", "fileImport", ...errors("invalidInput", "importNoFile", "importTooLarge", "importTooManyIssues", "unauthenticated")],
  "admin/settings": [
    "admin.settings",
    "admin.change",
    ...errors("invalidInput", "bigChangeUnconfirmed", "cannedIdRequired", "cannedIdTwice", "cannedTextRequired", "changedMeanwhile", "dateInvalid", "forbidden", "invalidCharacters", "phoneInvalid", "phoneTooLong", "phoneTooShort", "rosterCantonInvalid", "rosterRequired", "settingBigChange", "settingNotJson", "settingNotJsonAt", "settingTooLarge", "tooLong", "unauthenticated"),
  ],
  "admin/stock": ["admin.stock", "admin.change", "fileImport", ...errors("invalidInput", "bigChangeUnconfirmed", "changedMeanwhile", "dateInvalid", "importNoFile", "importTooLarge", "importTooManyIssues", "invalidCharacters", "numberInvalid", "numberNegative", "numberTooLarge", "siteRequired", "timeInvalid", "unauthenticated")],
  "admin/waves": ["admin.waves", "admin.change", ...errors("invalidInput", "bigChangeUnconfirmed", "numberInvalid", "numberNegative", "numberTooLarge", "rosterRequired", "tooLong", "waveLinkMissing")],
  signin: ["signIn", ...errors("invalidInput", "emailInvalid", "emailRequired", "emailTooLong")],
} satisfies Record<string, readonly string[]>;

export type ClientSegment = keyof typeof clientNamespaces;

type Tree = { [key: string]: unknown };

function isTree(value: unknown): value is Tree {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The listed namespaces of a catalogue, keeping their nesting ("admin.stock" → { admin: { stock } }). */
export function pickMessages(messages: Tree, namespaces: readonly string[]): Tree {
  const picked: Tree = {};
  for (const namespace of namespaces) {
    const path = namespace.split(".");
    let from: unknown = messages;
    for (const key of path) from = isTree(from) ? from[key] : undefined;
    // A typo here would surface as raw keys in the browser: fail loudly instead.
    if (from === undefined) throw new Error(`No messages for namespace "${namespace}"`);
    let into = picked;
    for (const key of path.slice(0, -1)) into = (into[key] = isTree(into[key]) ? into[key] : {}) as Tree;
    const last = path[path.length - 1];
    into[last] = isTree(into[last]) && isTree(from) ? mergeMessages(into[last] as Tree, from) : from;
  }
  return picked;
}

/** Deep merge of two message trees; the second wins on a conflict (it never differs: both come from one catalogue). */
export function mergeMessages(base: Tree, extra: Tree): Tree {
  const merged: Tree = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    merged[key] = isTree(merged[key]) && isTree(value) ? mergeMessages(merged[key] as Tree, value) : value;
  }
  return merged;
}
