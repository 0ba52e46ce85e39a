"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { completeTestAction, startTestAction } from "@/lib/connectivity/actions";
import { measureDownload, measureLatency, sendUploads } from "@/lib/connectivity/measure-throughput";
import { ispChoices, type ProbePlan } from "@/lib/connectivity/schema";
import { probeUdp } from "@/lib/connectivity/udp-probe";
import { refusalOf, type Shown } from "@/components/forms/refusal";
import { callAction } from "@/components/forms/call-action";

type Plan = {
  testId: string;
  ticket: string;
  plan: ProbePlan;
  stun: { host: string; port: number };
  gateways: { id: string; name: string; url: string }[];
};

type Phase = "idle" | "latency" | "download" | "upload" | "gateways" | "udp" | "saving";
const phases: Phase[] = ["latency", "download", "upload", "gateways", "udp", "saving"];

async function probeGateway(url: string, timeoutMs: number): Promise<{ reachable: boolean; ms: number | null }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const started = performance.now();
  try {
    // An opaque answer is enough: a TCP+TLS connection to the gateway worked.
    await fetch(url, { mode: "no-cors", cache: "no-store", signal: controller.signal });
    return { reachable: true, ms: Math.round(performance.now() - started) };
  } catch {
    return { reachable: false, ms: null };
  } finally {
    clearTimeout(timer);
  }
}

/** `again`: a result is on the page, and the next step is its primary action, so starting over is secondary. */
export function SelfTest({ again = false }: { again?: boolean }) {
  const t = useTranslations("connectivity.test");
  const [phase, setPhase] = useState<Phase>("idle");
  // How far the current phase is (0–1): download and upload last seconds each, the bar moves meanwhile.
  const [within, setWithin] = useState(0);
  const [isp, setIsp] = useState("");
  const [ispOther, setIspOther] = useState("");
  const [error, setError] = useState<Shown | null>(null);
  const running = phase !== "idle";
  const progress = running ? Math.round(((phases.indexOf(phase) + within) / phases.length) * 100) : 0;
  const enter = (next: Phase) => {
    setWithin(0);
    setPhase(next);
  };

  async function run() {
    setError(null);
    setPhase("latency");
    const started = await callAction(() => startTestAction({ isp, ispOther: isp === "other" ? ispOther : undefined }));
    if (!started.ok) {
      setPhase("idle");
      setError(refusalOf(started, "ispOther"));
      return;
    }
    const { testId, ticket, plan, stun, gateways } = started.data as Plan;
    const probe = { base: "", ticket };
    const latencySamples = await measureLatency(probe, plan.pings, setWithin);
    enter("download");
    const downloadKbps = latencySamples.length ? await measureDownload(probe, { streams: plan.downloadStreams, durationMs: plan.downloadMs, graceMs: plan.graceMs, onProgress: setWithin }) : null;
    enter("upload");
    // The server measures the upload; the browser only sends.
    if (latencySamples.length) await sendUploads(probe, { streams: plan.uploadStreams, durationMs: plan.uploadMs, graceMs: plan.graceMs, onProgress: setWithin }, downloadKbps);
    enter("gateways");
    const gatewayResults = await Promise.all(gateways.map(async (g) => ({ id: g.id, ...(await probeGateway(g.url, plan.gatewayTimeoutMs)) })));
    setPhase("udp");
    const udp = await probeUdp(stun, plan.stunTimeoutMs);
    setPhase("saving");
    const result = await callAction(() => completeTestAction({ testId, latencySamples, downloadKbps, udp, gateways: gatewayResults }));
    setPhase("idle");
    if (!result.ok) return setError(refusalOf(result));
    // The answer brought the page's new render with the verdict (the action `refreshesPage`).
    document.getElementById("result-heading")?.focus();
  }

  return (
    <div className="flex flex-col gap-4">
      <FormError error={error} />
      <SelectField id="isp" label={t("ispLabel")} hint={t("ispHint")} value={isp} disabled={running} onChange={(e) => setIsp(e.target.value)}>
        <option value="">{t("ispUnknown")}</option>
        {ispChoices.map((choice) => (
          <option key={choice} value={choice}>
            {t(`isp.${choice}`)}
          </option>
        ))}
      </SelectField>
      {isp === "other" ? <TextField id="ispOther" label={t("ispOtherLabel")} value={ispOther} maxLength={60} disabled={running} onChange={(e) => setIspOther(e.target.value)} /> : null}
      <Button onClick={run} disabled={running} variant={again ? "secondary" : "primary"}>
        {running ? t("running") : t("start")}
      </Button>
      {running ? (
        <div className="flex flex-col gap-2">
          <div role="progressbar" aria-label={t("progressLabel")} aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress} className="h-3 w-full overflow-hidden rounded-full bg-slate-200">
            <div className="h-full bg-blue-700 transition-all" style={{ width: `${progress}%` }} />
          </div>
          <p aria-live="polite">{t(`phase.${phase as "latency"}`)}</p>
        </div>
      ) : null}
    </div>
  );
}
