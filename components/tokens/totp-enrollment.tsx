"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionButton } from "@/components/forms/action-button";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { TextField } from "@/components/ui/text-field";
import { startTotpAction, verifyTotpAction } from "@/lib/tokens/actions";
import { verifyTotpSchema } from "@/lib/tokens/schema";
import { ManualKey } from "./manual-key";
import { RecoveryCodes } from "./recovery-codes";

export function StartTotpButton() {
  const t = useTranslations("token.totp");
  return <ActionButton action={() => startTotpAction({})}>{t("start")}</ActionButton>;
}

/**
 * People usually set up the token on the phone that runs the authenticator app,
 * where a QR code on the same screen cannot be scanned: the otpauth:// link hands the
 * account to the app directly, the key can be copied, and the QR code stays for
 * those who read this page on a computer.
 */
export function TotpEnrollment({ qrSvg, uri, keyGroups }: { qrSvg: string; uri: string; keyGroups: string[] }) {
  const t = useTranslations("token.totp");
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  const { form, submit, fieldError, summary, isSubmitting } = useActionForm<{ code: string }, { recoveryCodes: string[] }>({
    schema: verifyTotpSchema,
    defaultValues: { code: "" },
    action: async (values) => {
      const result = await verifyTotpAction(values);
      // A lock changes the whole page: show it.
      if (!result.ok && result.formError === "tokenLocked") router.refresh();
      return result;
    },
    onSuccess: (data) => setCodes(data.recoveryCodes),
  });

  if (codes) return <RecoveryCodes codes={codes} />;

  return (
    <div className="flex flex-col gap-5">
      <ol className="list-decimal space-y-2 pl-6">
        <li>{t("step1")}</li>
        <li>{t("step2")}</li>
      </ol>
      <div className="flex flex-col gap-2">
        <h3 className="font-semibold">{t("phoneHeading")}</h3>
        {/* A plain link, no prefetch: the phone hands it to the app, our server never sees it. */}
        <a href={uri} className={buttonClass("primary", "self-start")}>
          {t("openInApp")}
        </a>
        <p className="text-sm text-slate-700">{t("openInAppHint")}</p>
      </div>
      <div className="flex flex-col gap-2">
        <h3 className="font-semibold">{t("computerHeading")}</h3>
        <p>{t("scanHint")}</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- a generated data: URL, nothing to optimise */}
        <img src={`data:image/svg+xml;utf8,${encodeURIComponent(qrSvg)}`} alt={t("qrAlt")} width={200} height={200} className="rounded-md border border-slate-300 bg-white p-2" />
      </div>
      <ManualKey groups={keyGroups} />
      <form onSubmit={submit} noValidate className="flex flex-col gap-3">
        <FormError error={summary} />
        <TextField id="code" label={t("codeLabel")} hint={t("codeHint")} inputMode="numeric" autoComplete="one-time-code" maxLength={7} error={fieldError("code")} {...form.register("code")} />
        <Button type="submit" disabled={isSubmitting}>
          {t("verify")}
        </Button>
      </form>
      <RestartTotpButton />
    </div>
  );
}

function RestartTotpButton() {
  const t = useTranslations("token.totp");
  return (
    <ActionButton variant="ghost" action={() => startTotpAction({ restart: true })}>
      {t("restart")}
    </ActionButton>
  );
}
