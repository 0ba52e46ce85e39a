import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { clientNamespaces, mergeMessages, pickMessages, type ClientSegment } from "@/lib/i18n/client-namespaces";
import { clientErrorKeys, clientNamespaces as usedBy, root, routeFiles, segmentOf } from "./client-namespaces-walk";

const segments = Object.keys(clientNamespaces) as ClientSegment[];

/** The providers stacked above a route file's folder: the root's and every listed segment at or above it (their messages merge). */
function chain(segment: string): ClientSegment[] {
  return segments.filter((s) => s === "" || segment === s || segment.startsWith(`${s}/`));
}

/** "it.ticket" is covered by "it.ticket" or "it"; "it" only by "it". */
function covered(namespace: string, provided: readonly string[]): boolean {
  return provided.some((p) => namespace === p || namespace.startsWith(`${p}.`));
}

describe("per-segment client messages", () => {
  it("has a layout rendering each listed segment's provider", () => {
    for (const segment of segments) {
      const layout = path.join(root, "app", segment, "layout.tsx");
      expect(fs.existsSync(layout), `app/${segment}/layout.tsx`).toBe(true);
      const source = fs.readFileSync(layout, "utf8");
      if (segment === "") expect(source).toMatch(/<NextIntlClientProvider[^>]*messages=\{await messagesFor\(""\)\}/);
      else expect(source).toContain(`<ClientMessages segment="${segment}">{children}</ClientMessages>`);
    }
  });

  it("lists only namespaces that exist in every catalogue", () => {
    for (const [segment, namespaces] of Object.entries(clientNamespaces)) {
      for (const catalogue of [fr, de, en]) expect(() => pickMessages(catalogue, namespaces), segment).not.toThrow();
    }
  });

  it("sends every namespace that the browser code of each page, layout and boundary reads", () => {
    const missing: string[] = [];
    for (const file of routeFiles()) {
      const provided = chain(segmentOf(file)).flatMap((s) => clientNamespaces[s]);
      for (const [namespace, from] of usedBy(file)) {
        // `errors` goes out key by key: the next test checks those.
        if (namespace === "errors") continue;
        if (!covered(namespace, provided)) missing.push(`${path.relative(root, file)}: "${namespace}" (${from})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("sends each page exactly the `errors` messages its browser code may show by itself (the server's refusals come with their text)", () => {
    const errorKeys = new Set(Object.keys(en.errors));
    const keysOf = (segments: readonly ClientSegment[]) => new Set(segments.flatMap((s) => clientNamespaces[s]).filter((n) => n.startsWith("errors.")).map((n) => n.slice("errors.".length)));
    const missing: string[] = [];
    const needed = new Map<ClientSegment, Set<string>>(segments.map((s) => [s, new Set<string>()]));
    for (const file of routeFiles()) {
      const above = chain(segmentOf(file));
      const provided = keysOf(above);
      for (const [key, from] of clientErrorKeys(file, errorKeys)) {
        if (!provided.has(key)) missing.push(`${path.relative(root, file)}: errors.${key} (${from})`);
        // Needed from the nearest segment above that lists it.
        const owner = [...above].reverse().find((s) => keysOf([s]).has(key));
        if (owner !== undefined) needed.get(owner)!.add(key);
      }
    }
    expect(missing).toEqual([]);
    const unused = segments.flatMap((s) => [...keysOf([s])].filter((key) => !needed.get(s)!.has(key)).map((key) => `${s || "(root)"}: errors.${key}`));
    expect(unused).toEqual([]);
  });

  it("gives the root only the shell's namespaces, enough for the root layout and its boundaries", () => {
    for (const file of routeFiles().filter((f) => segmentOf(f) === "")) {
      for (const namespace of usedBy(file).keys()) expect(covered(namespace, clientNamespaces[""]), namespace).toBe(true);
    }
    expect(clientNamespaces[""]).not.toContain("errors");
  });

  it("reports the French messages each page sends, against the whole catalogue", () => {
    const whole = JSON.stringify(fr).length;
    const sizes = routeFiles()
      .filter((f) => f.endsWith("page.tsx"))
      .map((file) => {
        const messages = chain(segmentOf(file)).reduce((all, s) => mergeMessages(all, pickMessages(fr, clientNamespaces[s])), {});
        return [`/${segmentOf(file)}`, JSON.stringify(messages).length] as const;
      });
    console.log(`whole fr catalogue: ${whole} B\n${sizes.map(([page, size]) => `${page.padEnd(32)} ${String(size).padStart(6)} B`).join("\n")}`);
    for (const [, size] of sizes) expect(size).toBeLessThan(whole / 2);
  });
});

describe("pickMessages", () => {
  const catalogue = { shell: { a: "A" }, admin: { stock: { s: "S" }, change: { c: "C" }, title: "T" }, errors: { e: "E" } };

  it("keeps a sub-namespace's nesting and merges siblings", () => {
    expect(pickMessages(catalogue, ["shell", "admin.stock", "admin.change"])).toEqual({
      shell: { a: "A" },
      admin: { stock: { s: "S" }, change: { c: "C" } },
    });
  });

  it("lets a whole namespace absorb its sub-namespaces", () => {
    expect(pickMessages(catalogue, ["admin.stock", "admin"])).toEqual({ admin: catalogue.admin });
  });

  it("refuses an unknown namespace rather than sending raw keys", () => {
    expect(() => pickMessages(catalogue, ["admin.nope"])).toThrow(/admin\.nope/);
  });

  it("merges a segment's messages into the parent's without dropping either", () => {
    const parent = pickMessages(catalogue, ["shell", "admin.change"]);
    expect(mergeMessages(parent, pickMessages(catalogue, ["admin.stock"]))).toEqual(pickMessages(catalogue, ["shell", "admin.change", "admin.stock"]));
  });
});
