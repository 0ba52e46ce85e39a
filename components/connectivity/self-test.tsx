"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { completeTestAction, startTestAction } from "@/lib/connectivity/actions";
import { ispChoices } from "@/lib/connectivity/schema";
import { probeUdp } from "@/lib/connectivity/udp-probe";

type Plan = {
  testId: string;
  plan: { pings: number; downloadStreams: number; downloadBytes: number; uploadStreams: number; uploadBytes: number; gatewayTimeoutMs: number; stunTimeoutMs: number };
  stun: { host: string; port: number };
  gateways: { id: string; name: string; url: string }[];
};

type Phase = "idle" | "latency" | "download" | "upload" | "gateways" | "udp" | "saving";
const phases: Phase[] = ["latency", "download", "upload", "gateways", "udp", "saving"];

async function measureLatency(testId: string, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    try {
      const response = await fetch(`/api/probe/ping?test=${testId}&i=${i}`, { cache: "no-store" });
      if (response.ok) samples.push(Math.round(performance.now() - started));
    } catch {
      /* a lost probe counts as lost */
    }
  }
  return samples;
}

async function measureDownload(testId: string, streams: number, bytes: number): Promise<number | null> {
  const started = performance.now();
  let received = 0;
  await Promise.all(
    Array.from({ length: streams }, async () => {
      try {
        const response = await fetch(`/api/probe/download?test=${testId}&bytes=${bytes}`, { cache: "no-store" });
        const reader = response.body?.getReader();
        if (!reader) return;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          received += value.byteLength;
        }
      } catch {
        /* counted as what arrived */
      }
    }),
  );
  const ms = performance.now() - started;
  return received > 0 && ms > 0 ? Math.round((received * 8) / ms) : null;
}

async function sendUploads(testId: string, streams: number, bytes: number): Promise<void> {
  const body = new Uint8Array(bytes);
  for (let offset = 0; offset < bytes; offset += 65536) crypto.getRandomValues(body.subarray(offset, Math.min(bytes, offset + 65536)));
  // The server measures; the browser only sends.
  await Promise.all(Array.from({ length: streams }, () => fetch(`/api/probe/upload?test=${testId}`, { method: "POST", body, cache: "no-store" }).catch(() => null)));
}

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
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>("idle");
  const [isp, setIsp] = useState("");
  const [ispOther, setIspOther] = useState("");
  const [error, setError] = useState<string | null>(null);
  const running = phase !== "idle";
  const progress = running ? Math.round((phases.indexOf(phase) / phases.length) * 100) : 0;

  async function run() {
    setError(null);
    setPhase("latency");
    const started = await startTestAction({ isp, ispOther: isp === "other" ? ispOther : undefined });
    if (!started.ok) {
      setPhase("idle");
      setError(started.fieldErrors?.ispOther?.[0] ?? started.formError ?? "unexpected");
      return;
    }
    const { testId, plan, stun, gateways } = started.data as Plan;
    const latencySamples = await measureLatency(testId, plan.pings);
    setPhase("download");
    const downloadKbps = latencySamples.length ? await measureDownload(testId, plan.downloadStreams, plan.downloadBytes) : null;
    setPhase("upload");
    if (latencySamples.length) await sendUploads(testId, plan.uploadStreams, plan.uploadBytes);
    setPhase("gateways");
    const gatewayResults = await Promise.all(gateways.map(async (g) => ({ id: g.id, ...(await probeGateway(g.url, plan.gatewayTimeoutMs)) })));
    setPhase("udp");
    const udp = await probeUdp(stun, plan.stunTimeoutMs);
    setPhase("saving");
    const result = await completeTestAction({ testId, latencySamples, downloadKbps, udp, gateways: gatewayResults });
    setPhase("idle");
    if (!result.ok) return setError(result.formError ?? "unexpected");
    router.refresh();
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
