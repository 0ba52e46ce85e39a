import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { callAction, isUnreachable } from "@/components/forms/call-action";
import { sourceFiles } from "../support/source-files";
import { root } from "./client-namespaces-walk";

/**
 * Browser code reaches a server action only through a door that turns a request without an answer
 * (a lost link, an instance gone) into a refusal the person reads: `callAction`, `useActionForm`'s
 * `action` (which calls it) or `ActionButton`'s. Anything else left a form silent or a button
 * disabled; inside a transition, the rejection replaced the whole page by the error boundary.
 */
function isDoor(node: ts.Node): boolean {
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "callAction") return true;
  if (ts.isJsxAttribute(node) && node.name.getText() === "action") {
    const element = node.parent.parent;
    return (ts.isJsxSelfClosingElement(element) || ts.isJsxOpeningElement(element)) && element.tagName.getText() === "ActionButton";
  }
  if (ts.isPropertyAssignment(node) && node.name.getText() === "action") {
    const call = node.parent.parent;
    return ts.isCallExpression(call) && call.expression.getText().startsWith("useActionForm");
  }
  return false;
}

/** Each use of an imported server action that no door encloses, as file:line. */
function unguardedUses(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const actions = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!/^@\/lib\/.+actions$/.test(statement.moduleSpecifier.text) || statement.importClause?.isTypeOnly) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) if (!element.isTypeOnly) actions.add(element.name.text);
  }
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && actions.has(node.text) && !ts.isImportSpecifier(node.parent)) {
      let at: ts.Node | undefined = node.parent;
      while (at && !isDoor(at)) at = at.parent;
      if (!at) found.push(`${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Each `.refresh()` call in a file, as "file: the top-level function or constant that holds it".
 */
function refreshCalls(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "refresh" && node.arguments.length === 0) {
      let top: ts.Node = node;
      while (!ts.isSourceFile(top.parent)) top = top.parent;
      if (ts.isExportAssignment(top)) top = top.expression;
      const name = ts.isFunctionDeclaration(top) ? top.name?.text : ts.isVariableStatement(top) ? top.declarationList.declarations[0]?.name.getText() : undefined;
      found.push(`${path.relative(root, file)}: ${name ?? "?"}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The files of browser code: components and pages marked "use client". */
const clientFiles = () => sourceFiles("components", "app").filter((file) => /^\s*["']use client["']/.test(fs.readFileSync(file, "utf8")));

describe("server actions called from the browser", () => {
  it("go through a door that answers when no answer came", () => {
    const files = clientFiles();
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(unguardedUses)).toEqual([]);
  });

  // An action that `refreshesPage` brings the page's new render with its answer (lib/auth/action.ts);
  // a form that also asked for the page after a success made the server render it twice and the
  // person wait for a second round trip. So every refresh the browser asks for is listed here with
  // why it is not after such a success: a new one fails until it is looked at.
  it("ask for the page again only where no action's answer brought it", () => {
    expect(clientFiles().flatMap(refreshCalls).sort()).toEqual(
      [
        // A refusal that may mean the page is behind (someone else acted first), unless the link is lost.
        "components/forms/action-button.tsx: ActionButton",
        "components/hr/review-decision.tsx: ReviewDecision",
        "components/admin/versioned-form.tsx: VersionedForm",
        "components/triage/ticket-context.tsx: TicketProvider",
        "components/triage/ticket-context.tsx: TicketProvider",
        "components/tokens/totp-enrollment.tsx: TotpEnrollment",
        // No action: a file import is a route (/api/imports), the queue's timer, the error page's retry,
        // the recovery codes' "done" (the enrolment's answer showed them first), the sign-out.
        "components/forms/file-import.tsx: FileImport",
        "components/triage/auto-refresh.tsx: AutoRefresh",
        "app/error.tsx: ErrorPage",
        "components/tokens/recovery-codes.tsx: RecoveryCodes",
        "components/shell/sign-out-button.tsx: SignOutButton",
      ].sort(),
    );
  });

  it("turn a request that got no answer into the 'unreachable' refusal, and keep every answer", async () => {
    const lost = await callAction(() => Promise.reject(new TypeError("Failed to fetch")));
    expect(lost).toEqual({ ok: false, formError: "unreachable" });
    expect(isUnreachable(lost)).toBe(true);
    const refused = await callAction(() => Promise.resolve({ ok: false as const, formError: "unavailable" }));
    expect(refused).toEqual({ ok: false, formError: "unavailable" });
    expect(isUnreachable(refused)).toBe(false);
    expect(await callAction(() => Promise.resolve({ ok: true as const, data: 1 }))).toEqual({ ok: true, data: 1 });
  });
});
