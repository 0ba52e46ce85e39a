import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * A static walk of the import graph from the app router's files, so the test
 * of the per-segment message lists follows the code as it changes: every
 * module reached from a "use client" module runs in the browser, and each of
 * its `useTranslations("…")` calls needs that namespace in the nearest
 * NextIntlClientProvider above it.
 */

export const root = path.resolve(import.meta.dirname, "../..");
const extensions = [".ts", ".tsx", "/index.ts", "/index.tsx"];

/** The project file an import names, or null for a package (node_modules) or a non-code asset. */
export function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  if (/\.(tsx?)$/.test(base) && fs.existsSync(base)) return base;
  for (const ext of extensions) if (fs.existsSync(base + ext)) return base + ext;
  if (/\.(css|json|svg|png)$/.test(base)) return null;
  throw new Error(`${path.relative(root, from)}: cannot resolve "${specifier}"`);
}

type Parsed = { client: boolean; server: boolean; imports: string[]; namespaces: string[]; literals: string[] };
const parsedCache = new Map<string, Parsed>();

/** One module's directive, runtime imports (type-only ones left out: they load no code) and translation namespaces. */
export function parseModule(file: string): Parsed {
  const cached = parsedCache.get(file);
  if (cached) return cached;
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const first = source.statements[0];
  const directive = !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) ? first.expression.text : null;
  const client = directive === "use client";
  // A "use server" module imported by browser code becomes references to its actions: none of its code or imports runs there.
  const server = directive === "use server";
  const imports: string[] = [];
  const namespaces: string[] = [];
  const literals: string[] = [];
  const where = (node: ts.Node) => `${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  // A namespace ("forbidden") is not a message key, even when an error has the same name.
  const namespaceArgs = new Set<ts.Node>();
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) && /^[a-z][A-Za-z0-9]*$/.test(node.text) && !namespaceArgs.has(node)) literals.push(node.text);
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly : node.isTypeOnly;
      if (!typeOnly) imports.push(node.moduleSpecifier.text);
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
        imports.push(node.arguments[0].text);
      }
      if (ts.isIdentifier(callee) && callee.text === "useTranslations") {
        const arg = node.arguments[0];
        // No namespace: the component reads from the whole catalogue, so only "" (everything) covers it.
        if (!arg) namespaces.push("");
        else if (ts.isStringLiteralLike(arg)) {
          namespaces.push(arg.text);
          namespaceArgs.add(arg);
        }
        else throw new Error(`${where(node)}: useTranslations with a computed namespace; name it literally so the lists can be checked`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const parsed = { client, server, imports: imports.map((s) => resolveImport(file, s)).filter((f): f is string => f !== null), namespaces, literals };
  parsedCache.set(file, parsed);
  return parsed;
}

/**
 * The modules that run in the browser from an app router file: every module reached from a
 * "use client" one, short of "use server" modules (the browser gets references to their actions).
 */
function browserModules(entry: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, inClient: boolean) => {
    const { client, server, imports } = parseModule(file);
    if (inClient && server) return;
    const browser = inClient || client;
    const key = `${browser ? "c" : "s"}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (browser) found.push(file);
    for (const next of imports) walk(next, browser);
  };
  walk(entry, false);
  return found;
}

/** Each of `names(file)` found in browser code reachable from `entry`, with the first module it comes from. */
function collect(entry: string, names: (file: string) => string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of browserModules(entry)) for (const name of names(file)) if (!found.has(name)) found.set(name, path.relative(root, file));
  return found;
}

/** Namespaces used by browser code reachable from an app router file, with where each comes from. */
export function clientNamespaces(entry: string): Map<string, string> {
  return collect(entry, (file) => parseModule(file).namespaces);
}

const listsFile = path.join(root, "lib/i18n/client-namespaces.ts");

/**
 * The string literals of browser code reachable from an app router file that name a message of
 * `errors`: the keys its own checks (the forms' zod schemas, the day rules) and its own fallbacks
 * may show. The server's refusals arrive with their text. The lists themselves (merge-messages
 * imports their helpers) name keys without showing any.
 */
export function clientErrorKeys(entry: string, errorKeys: ReadonlySet<string>): Map<string, string> {
  return collect(entry, (file) => (file === listsFile ? [] : parseModule(file).literals.filter((literal) => errorKeys.has(literal))));
}

/** Files of the app router that render inside a layout's provider, api routes aside. */
export function routeFiles(): string[] {
  const names = /^(page|layout|error|not-found|forbidden|unauthorized|loading|template|default)\.tsx$/;
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path.relative(root, full) !== path.join("app", "api")) walk(full);
      } else if (names.test(entry.name)) out.push(full);
    }
  };
  walk(path.join(root, "app"));
  return out.sort();
}

/** A route file's folder relative to app/ ("" for the root, "(employee)/device", …). */
export function segmentOf(file: string): string {
  return path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep).join("/");
}

