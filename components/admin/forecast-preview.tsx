"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { previewDeliveryAction, previewPoolAction } from "@/lib/devices/stock-actions";
import { forecastKinds } from "@/lib/devices/stock-schema";
import { callAction } from "@/components/forms/call-action";

type Preview = { waiting: number; before: string | null; after: string | null };
type Change = { delivery: { deliveryId?: string; expectedOn: string; quantity: string } } | { pool: { capacity: string; dailyLimit: string } };

const whole = (value: string) => /^\d+$/.test(value.trim());

/** Whether the typed values are complete enough to ask the server (its schema still decides). */
function complete(change: Change): boolean {
  if ("delivery" in change) return /^\d{4}-\d{2}-\d{2}$/.test(change.delivery.expectedOn) && whole(change.delivery.quantity) && Number(change.delivery.quantity) > 0;
  return whole(change.pool.capacity) && (change.pool.dailyLimit.trim() === "" || (whole(change.pool.dailyLimit) && Number(change.pool.dailyLimit) > 0));
}

/**
 * Under a delivery or pool form: the pool's forecast with the values as typed, before saving
 * (issue 17 point 3). Asked of the server a moment after the typing stops; an answer to older
 * input is dropped. A polite live region, not a status: the form's own "Saved." stays the one status.
 */
export function ForecastPreview({ kind, pool, change }: { kind: string; pool: string; change: Change }) {
  const t = useTranslations("admin.stock.deliveries");
  const format = useFormatter();
  const [preview, setPreview] = useState<Preview | null>(null);
  const asked = (forecastKinds as readonly string[]).includes(kind) && complete(change);
  const key = JSON.stringify(change);

  useEffect(() => {
    if (!asked) return;
    let current = true;
    const timer = setTimeout(async () => {
      const typed = JSON.parse(key) as Change;
      const result = await callAction(async () => ("delivery" in typed ? previewDeliveryAction({ kind, ...typed.delivery }) : previewPoolAction({ kind, ...typed.pool })));
      if (current) setPreview(result.ok ? (result.data as Preview) : null);
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [asked, kind, key]);

  if (!asked || !preview) return <p aria-live="polite" className="basis-full text-sm" />;
  const day = (iso: string | null) => (iso ? format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "full", timeZone: "UTC" }) : t("previewNoDate"));
  const text = preview.waiting === 0 ? t("previewNobody", { pool }) : t("delivery" in change ? "preview" : "previewPool", { pool, after: day(preview.after), before: day(preview.before) });
  return (
    <p aria-live="polite" className="basis-full text-sm text-slate-800">
      {text}
    </p>
  );
}
