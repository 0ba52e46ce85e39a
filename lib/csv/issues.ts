// Problems found in an imported file, kept bounded: every one is counted, at most
// `issueLimit` are kept, and the report lists the first `listedIssues` by line. Pure.

import { issueLimit, listedIssues } from "./limits";

export type Issue = { line: number; column: string | null; key: string; values?: Record<string, string | number> };

export class IssueList {
  private kept: Issue[] = [];
  count = 0;
  /** Line where checking stopped because there were too many problems. */
  stoppedAt: number | null = null;

  add(issue: Issue): void {
    this.count += 1;
    if (this.kept.length < issueLimit) this.kept.push(issue);
  }

  /** Enough to refuse the file: callers stop checking at `line`. */
  full(line: number): boolean {
    if (this.count < issueLimit) return false;
    this.stoppedAt ??= line;
    return true;
  }

  /** The listed problems by line (after a note where checking stopped), and how many there are. */
  report(): { issues: Issue[]; issueCount: number } {
    const issues = [...this.kept].sort((a, b) => a.line - b.line).slice(0, listedIssues);
    if (this.stoppedAt !== null) issues.unshift({ line: this.stoppedAt, column: null, key: "importTooManyIssues", values: { max: issueLimit, line: this.stoppedAt } });
    return { issues, issueCount: this.count };
  }
}

/** A report refused at once for one reason (empty, malformed, too large…). */
export function single(issue: Issue): { issues: Issue[]; issueCount: number } {
  return { issues: [issue], issueCount: 1 };
}
