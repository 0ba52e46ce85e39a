import type { RolloutForecast } from "./rollout-forecast";

// The forecast in words, the same on the dashboard and in the crisis cell's daily e-mail
// (issue 17 point 3): a headline and one line per pool. Pure: the caller gives the "admin"
// translator and how it writes numbers and days in the reader's language.

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function forecastText(forecast: RolloutForecast, t: Translate, n: (value: number) => string, day: (iso: string) => string): { headline: string; lines: string[] } {
  const headline = forecast.overall ? t("capacity.forecast.everyone", { date: day(forecast.overall) }) : t("capacity.forecast.notEveryone");
  const lines = forecast.pools.map((p) => {
    const pool = t(`capacity.kinds.${p.kind}`);
    const line = p.equippedBy
      ? t("capacity.forecast.pool", { pool, count: p.waiting, n: n(p.waiting), date: day(p.equippedBy) })
      : t("capacity.forecast.poolShort", { pool, n: n(p.waiting), beyond: n(p.beyond) });
    const remedy = p.ifDelivered?.equippedBy ? ` ${t("capacity.forecast.ifDelivered", { quantity: n(p.ifDelivered.quantity), date: day(p.ifDelivered.date), by: day(p.ifDelivered.equippedBy) })}` : "";
    return line + remedy;
  });
  return { headline, lines };
}
