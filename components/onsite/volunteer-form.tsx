"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { volunteerAction } from "@/lib/roster/onsite-actions";
import { refusalOf, type Shown } from "@/components/forms/refusal";
import { callAction } from "@/components/forms/call-action";

/** The next working days as checkboxes: tick the days you can come to site. */
export function VolunteerForm({ offered, chosen }: { offered: string[]; chosen: string[] }) {
  const t = useTranslations("onsite");
  const format = useFormatter();
  const [days, setDays] = useState(() => new Set(chosen));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Shown | null>(null);
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        setError(null);
        setSaved(false);
        const result = await callAction(() => volunteerAction({ days: [...days] }));
        setPending(false);
        if (!result.ok) return setError(refusalOf(result, "days"));
        setSaved(true);
      }}
    >
      <FormError error={error} />
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-2 font-semibold">{t("legend")}</legend>
        {offered.map((day) => (
          <label key={day} className="flex min-h-11 items-center gap-3">
            <input
              type="checkbox"
              className="h-5 w-5 accent-blue-700"
              checked={days.has(day)}
              onChange={(e) => {
                setSaved(false);
                setDays((current) => {
                  const next = new Set(current);
                  if (e.target.checked) next.add(day);
                  else next.delete(day);
                  return next;
                });
              }}
            />
            {format.dateTime(new Date(`${day}T12:00:00Z`), { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" })}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
        {saved ? (
          <p role="status" className="font-medium text-green-800">
            {t("saved", { count: days.size })}
          </p>
        ) : null}
      </div>
    </form>
  );
}
