"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { previewDeliveryAction } from "@/lib/devices/stock-actions";
import { forecastKinds } from "@/lib/devices/stock-schema";

type Preview = { waiting: number; before: string | null; after: string | null };

/**
 * Under a delivery form: the pool's forecast with the delivery as typed, before saving (issue 17
 * point 3). Asked of the server a moment after the typing stops; an answer to older input is
 * dropped. Polite live region, not a status: the form's own "Planned." stays the one status.
 */
export function DeliveryPreview({ kind, pool, deliveryId, expectedOn, quantity }: { kind: string; pool: string; deliveryId?: string; expectedOn: string; quantity: string }) {
  const t = useTranslations("admin.stock.deliveries");
  const format = useFormatter();
  const [preview, setPreview] = useState<Preview | null>(null);
  const forecastable = (forecastKinds as readonly string[]).includes(kind);
  const complete = forecastable && /^\d{4}-\d{2}-\d{2}$/.test(expectedOn) && /^\d+$/.test(quantity.trim()) && Number(quantity) > 0;

  useEffect(() => {
    if (!complete) return;
    let current = true;
    const timer = setTimeout(async () => {
      const result = await previewDeliveryAction({ kind, deliveryId, expectedOn, quantity });
      if (current) setPreview(result.ok ? (result.data as Preview) : null);
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [complete, kind, deliveryId, expectedOn, quantity]);

  if (!complete || !preview) return <p aria-live="polite" className="basis-full text-sm" />;
  const day = (iso: string | null) => (iso ? format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "full", timeZone: "UTC" }) : t("previewNoDate"));
  return (
    <p aria-live="polite" className="basis-full text-sm text-slate-800">
      {preview.waiting === 0 ? t("previewNobody", { pool }) : t("preview", { pool, after: day(preview.after), before: day(preview.before) })}
    </p>
  );
}
