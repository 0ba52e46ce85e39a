"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/forms/action-button";
import type { StaffRole } from "@/lib/auth/roles";
import { changeRoleAction } from "@/lib/roster/actions";

/** Grant or revoke each staff role of one person. */
export function RoleButtons({ number, name, roles }: { number: string; name: string; roles: StaffRole[] }) {
  const t = useTranslations("admin.roster.roles");
  return (
    <div className="flex flex-wrap gap-2">
      {(["it_agent", "hr", "admin"] as const).map((role) => {
        const has = roles.includes(role);
        return (
          <ActionButton key={role} variant="secondary" action={() => changeRoleAction({ number, role, grant: !has })}>
            {t(has ? "revoke" : "grant", { role: t(`names.${role}`), name })}
          </ActionButton>
        );
      })}
    </div>
  );
}
