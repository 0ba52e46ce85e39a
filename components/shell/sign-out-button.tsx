"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

export function SignOutButton() {
  const t = useTranslations("shell");
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/signin?signedOut=1" });
      }}
      className="min-h-11 rounded-md border border-white/70 px-3 text-sm font-medium text-white hover:bg-blue-800"
    >
      {t("signOut")}
    </button>
  );
}
