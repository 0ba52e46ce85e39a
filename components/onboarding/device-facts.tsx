import { getFormatter, getTranslations } from "@/lib/i18n/server-translations";
import type { DeviceRequest } from "@/lib/devices/queries";

/**
 * What the person waits for, on the status page's device step itself (issue 13 point 9): the
 * queue position and expected date (or why there is none yet), the chosen collection slot or
 * the delivery address. The same sentences as /device, so both pages say the same.
 */
export async function DeviceFacts({ request }: { request: DeviceRequest | null }) {
  if (!request) return null;
  const t = await getTranslations("device");
  const format = await getFormatter();
  const lines: string[] = [];
  if (request.status === "waiting") {
    lines.push(t("queue.title", { position: request.position ?? 0 }));
    lines.push(request.expectedDate ? t("queue.expected", { date: format.dateTime(request.expectedDate, { dateStyle: "full", timeZone: "UTC" }) }) : t("queue.noDate"));
  } else if (request.status === "reserved" && request.handover?.method === "collect") {
    lines.push(t("handover.chosenCollect", { site: request.handover.site, when: format.dateTime(request.handover.startsAt, { dateStyle: "full", timeStyle: "short" }) }));
  } else if (request.status === "reserved" && request.handover?.method === "ship") {
    const { street, postcode, city } = request.handover.address;
    lines.push(t("handover.chosenShip", { street, postcode, city }));
  }
  if (lines.length === 0) return null;
  // Paragraphs, not a nested list: the steps list keeps one item per step.
  return (
    <div className="mt-1 flex flex-col gap-1 text-slate-800">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
