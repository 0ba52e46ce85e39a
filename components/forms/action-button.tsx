"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "./form-error";

type Result = { ok: true } | { ok: false; formError?: string };

/** A button that runs one server action, shows its refusal, and refreshes the page when it worked. */
export function ActionButton({ action, children, variant = "primary" }: { action: () => Promise<Result>; children: ReactNode; variant?: "primary" | "secondary" }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
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
          const result = await action();
          setPending(false);
          if (!result.ok) setError(result.formError ?? "unexpected");
          router.refresh();
        }}
      >
        {children}
      </Button>
    </div>
  );
}
