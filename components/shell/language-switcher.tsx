"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { callAction, isUnreachable } from "@/components/forms/call-action";
import { setLocale } from "@/lib/i18n/actions";
import { useKeptFocus } from "@/components/ui/kept-focus";
import { NoAnswer } from "./no-answer";

const languages = [
  { code: "fr", label: "Français", short: "FR" },
  { code: "de", label: "Deutsch", short: "DE" },
  { code: "en", label: "English", short: "EN" },
] as const;

export function LanguageSwitcher() {
  const current = useLocale();
  const t = useTranslations("shell");
  const [pending, startTransition] = useTransition();
  // Without an answer the page stays as it is (a refresh would reload it into the browser's error page).
  const [lost, setLost] = useState(false);

  const switcher = (
    <nav aria-label={t("language")} className="flex items-center gap-1">
      {languages.map((language) => (
        <LanguageButton
          key={language.code}
          language={language}
          current={current === language.code}
          pending={pending}
          choose={() =>
            startTransition(async () => {
              // The answer brings the page in the new language (the action `refreshesPage`).
              setLost(isUnreachable(await callAction(() => setLocale({ locale: language.code }))));
            })
          }
        />
      ))}
    </nav>
  );
  return (
    <>
      {switcher}
      <NoAnswer shown={lost} />
    </>
  );
}

/** One language; pressed from the keyboard, it has the focus again on the page in that language. */
function LanguageButton({ language, current, pending, choose }: { language: (typeof languages)[number]; current: boolean; pending: boolean; choose: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  const press = useKeptFocus(ref, choose);
  return (
    <button
      ref={ref}
      type="button"
      lang={language.code}
      aria-label={language.label}
      aria-current={current ? "true" : undefined}
      disabled={pending}
      onClick={press}
      className={`min-h-11 min-w-11 rounded-md px-2 text-sm font-semibold ${current ? "bg-white text-blue-900" : "text-white hover:bg-blue-800"}`}
    >
      {language.short}
    </button>
  );
}
