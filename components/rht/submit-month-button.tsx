"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";

type Result = { ok: true } | { ok: false; formError?: string; values?: Record<string, string | number> };

/**
 * Submits a month and shows the refusal with its values ("3 working days have no entry
 * yet"), which the generic action button would drop.
 */
export function SubmitMonthButton({ action, children }: { action: () => Promise<Result>; children: ReactNode }) {
  const router = useRouter();
  const [error, setError] = useState<{ key: string; values?: Record<string, string | number> } | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      <FormError error={error} />
      <Button
        variant="secondary"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(null);
          const result = await action();
          setPending(false);
          if (!result.ok) setError({ key: result.formError ?? "unexpected", values: result.values });
          router.refresh();
        }}
      >
        {children}
      </Button>
    </div>
  );
}
