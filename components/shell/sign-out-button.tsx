"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { requestSignOut } from "@/components/auth/next-auth-requests";
import { useKeptFocus } from "@/components/ui/kept-focus";
import { NoAnswer } from "./no-answer";

export function SignOutButton() {
  const t = useTranslations("shell");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  // No answer: the session is still open on the server, so the person is told, and can try again.
  const [lost, setLost] = useState(false);
  const ref = useRef<HTMLButtonElement>(null);
  const press = useKeptFocus(ref, async () => {
    setPending(true);
    setLost(false);
    try {
      // The session row is deleted on the server; then show the signed-out notice.
      await requestSignOut();
    } catch {
      setPending(false);
      setLost(true);
      return;
    }
    router.replace("/signin?signedOut=1");
    router.refresh();
  });
  return (
    <>
      <button
        type="button"
        disabled={pending}
        ref={ref}
        onClick={press}
        className="min-h-11 rounded-md border border-white/70 px-3 text-sm font-medium text-white hover:bg-blue-800"
      >
        {t("signOut")}
      </button>
      <NoAnswer shown={lost} />
    </>
  );
}
