import { describe, expect, test } from "vitest";
import { hasRole, homeFor, type Role } from "@/lib/auth/roles";

describe("hasRole", () => {
  test.each<[Role[], Role | Role[], boolean]>([
    [["employee"], "employee", true],
    [["employee"], "hr", false],
    [["employee", "hr"], "hr", true],
    [["employee", "hr"], ["it_agent", "hr"], true],
    [["employee", "it_agent"], ["admin", "hr"], false],
    [["employee", "admin"], [], false],
    [[], "employee", false],
  ])("%j has %j → %s", (roles, required, expected) => {
    expect(hasRole(roles, required)).toBe(expected);
  });
});

describe("homeFor", () => {
  test.each<[Role[], string]>([
    [[], "/"],
    [["employee"], "/"],
    [["employee", "hr"], "/hr"],
    [["employee", "it_agent"], "/it"],
    [["employee", "hr", "it_agent"], "/it"],
    [["it_agent", "hr", "employee"], "/it"],
    [["employee", "hr", "admin"], "/admin"],
    [["admin", "it_agent", "hr", "employee"], "/admin"],
  ])("%j → %s", (roles, expected) => {
    expect(homeFor(roles)).toBe(expected);
  });
});
