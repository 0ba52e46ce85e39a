"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { callAction, isUnreachable } from "./call-action";
import { FormError } from "./form-error";
import { refusalOf, type ActionFailure, type Shown } from "./refusal";

type Result = { ok: true } | ActionFailure;

/** A button that runs one server action, shows its refusal with its values ("3 working days have no entry"), and shows the page as it now is (its action `refreshesPage`). */
export function ActionButton({ action, children, variant = "primary" }: { action: () => Promise<Result>; children: ReactNode; variant?: "primary" | "secondary" | "ghost" }) {
  const router = useRouter();
  const [error, setError] = useState<Shown | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      <FormError error={error} />
      <Button
        variant={variant}
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(null);
          const result = await callAction(action);
          setPending(false);
          if (result.ok) return;
          setError(refusalOf(result));
          // A success brought the page's new render with it (each action here `refreshesPage`); a
          // refusal may mean the page is behind (someone else acted): refresh it. Without a link the
          // refresh would fail too, and Next would then reload the whole page.
          if (!isUnreachable(result)) router.refresh();
        }}
      >
        {children}
      </Button>
    </div>
  );
}
