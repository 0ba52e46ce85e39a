export const staffRoles = ["it_agent", "hr", "admin"] as const;
export type StaffRole = (typeof staffRoles)[number];
/** Every active person on the roster is an `employee`; staff roles come on top. */
export type Role = "employee" | StaffRole;

export const areaPaths: Record<Role, string> = {
  employee: "/",
  it_agent: "/it",
  hr: "/hr",
  admin: "/admin",
};

export function hasRole(roles: readonly Role[], required: Role | readonly Role[]): boolean {
  const wanted = Array.isArray(required) ? required : [required as Role];
  return wanted.some((r) => roles.includes(r));
}

/** Where a person lands after sign-in when no page was asked for: their most specific area. */
export function homeFor(roles: readonly Role[]): string {
  for (const role of ["admin", "it_agent", "hr"] as const) {
    if (roles.includes(role)) return areaPaths[role];
  }
  return areaPaths.employee;
}
