"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { remindMissingAction } from "@/lib/rht/hr-actions";
import { refusalOf, type Shown } from "@/components/forms/refusal";
import { callAction } from "@/components/forms/call-action";

/**
 * E-mails everyone in the chosen scope whose month still has days without hours.
 * The operation id is fixed until it succeeds, so a double click or a retry sends once.
 */
export function ReminderForm({ month, units }: { month: string; units: { id: string; name: string }[] }) {
  const t = useTranslations("hr.reminders");
  const [unitId, setUnitId] = useState("all");
  const [operationId, setOperationId] = useState(() => crypto.randomUUID());
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Shown | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  return (
    <form
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        setError(null);
        setSent(null);
        const result = await callAction(() => remindMissingAction({ month, unitId, operationId }));
        setPending(false);
        if (!result.ok) return setError(refusalOf(result));
        setSent(result.data.reminded);
        setOperationId(crypto.randomUUID());
      }}
    >
      <FormError error={error} />
      <div className="sm:w-72">
        <SelectField id="reminder-unit" label={t("unit")} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
          <option value="all">{t("allUnits")}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("send")}
      </Button>
      {sent !== null ? (
        <p role="status" className="font-medium text-green-800">
          {t("sent", { count: sent })}
        </p>
      ) : null}
    </form>
  );
}
