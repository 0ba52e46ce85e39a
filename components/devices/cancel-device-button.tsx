"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { cancelDeviceAction } from "@/lib/devices/actions";
import { refusalOf, type Shown } from "@/components/forms/refusal";
import { callAction } from "@/components/forms/call-action";

/** Two steps: a person does not give up their place in the queue with one stray click. */
export function CancelDeviceButton() {
  const t = useTranslations("device");
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Shown | null>(null);
  if (!confirming) {
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        {t("cancel")}
      </Button>
    );
  }
  return (
    <div className="flex flex-col gap-2 rounded-md border border-amber-400 bg-amber-50 p-4">
      <FormError error={error} />
      <p>{t("cancelConfirm")}</p>
      <div className="flex flex-wrap gap-2">
        <Button
          disabled={pending}
          onClick={async () => {
            setPending(true);
            const result = await callAction(() => cancelDeviceAction());
            setPending(false);
            if (!result.ok) return setError(refusalOf(result));
            setConfirming(false);
          }}
        >
          {t("cancelYes")}
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)}>
          {t("cancelNo")}
        </Button>
      </div>
    </div>
  );
}
