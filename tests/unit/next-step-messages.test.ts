import { describe, expect, test } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { nextStepHrefs, nextSteps, type NextStep } from "@/lib/onboarding/rules";

type Status = { next: Record<string, string>; nextAction: Record<string, string> };
const catalogs: Record<"en" | "fr" | "de", Status> = { en: en.status, fr: fr.status, de: de.status };

// What each next-step sentence must say, and must not say, in each language: the
// sentence follows the state, not the other way round (issue 13, points 4 and 5).
const says: Record<NextStep, Record<"en" | "fr" | "de", { must: RegExp; mustNot?: RegExp }>> = {
  none: { en: { must: /nothing to do/i }, fr: { must: /rien à faire/i }, de: { must: /nichts zu tun/i } },
  eligibility: { en: { must: /questions/i }, fr: { must: /questions/i }, de: { must: /Fragen/ } },
  eligibility_review: { en: { must: /reviewed/i }, fr: { must: /examen/i }, de: { must: /geprüft/i } },
  device: { en: { must: /choose/i }, fr: { must: /choisissez/i }, de: { must: /Wählen/ } },
  device_handover: {
    en: { must: /choose/i, mustNot: /wait for the delivery/i },
    fr: { must: /choisissez/i, mustNot: /attendez la livraison/i },
    de: { must: /Wählen/, mustNot: /warten Sie auf die Lieferung/i },
  },
  device_queue: { en: { must: /queue/i }, fr: { must: /file d’attente/i }, de: { must: /Warteschlange/ } },
  device_collect: {
    en: { must: /time you chose/i, mustNot: /deliver/i },
    fr: { must: /heure choisie/i, mustNot: /livr/i },
    de: { must: /gewählten Zeit/i, mustNot: /Liefer/i },
  },
  device_delivery: {
    en: { must: /deliver/i, mustNot: /collect/i },
    fr: { must: /livr/i, mustNot: /retirez/i },
    de: { must: /geliefert/i, mustNot: /Holen Sie/i },
  },
  token: { en: { must: /token/i }, fr: { must: /jeton/i }, de: { must: /Token/ } },
  connectivity: { en: { must: /test/i }, fr: { must: /testez/i }, de: { must: /Testen/ } },
  connectivity_with_it: {
    en: { must: /IT/, mustNot: /\btest\b/i },
    fr: { must: /IT/, mustNot: /testez/i },
    de: { must: /IT/, mustNot: /testen/i },
  },
  connectivity_router: { en: { must: /router/i }, fr: { must: /routeur/i }, de: { must: /Router/ } },
  ready: { en: { must: /guide/i }, fr: { must: /guide/i }, de: { must: /Anleitung/i } },
};

describe.each(Object.entries(catalogs))("next-step texts in %s", (locale, status) => {
  const language = locale as keyof typeof catalogs;

  test.each([...nextSteps])("%s has a sentence that says what the state asks", (step) => {
    const sentence = status.next[step];
    expect(sentence, `status.next.${step}`).toBeTruthy();
    expect(sentence).toMatch(says[step][language].must);
    if (says[step][language].mustNot) expect(sentence).not.toMatch(says[step][language].mustNot!);
  });

  test("every state says something different", () => {
    const sentences = nextSteps.map((step) => status.next[step]);
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  test("there is no sentence for a state that does not exist", () => {
    expect(Object.keys(status.next).sort()).toEqual([...nextSteps].sort());
  });

  test("every step with an action has its label, and only those", () => {
    const withAction = nextSteps.filter((step) => nextStepHrefs[step] !== null);
    expect(Object.keys(status.nextAction).sort()).toEqual([...withAction].sort());
  });

  test("every action label names a different action", () => {
    const labels = Object.entries(status.nextAction);
    expect(new Set(labels.map(([, label]) => label)).size).toBe(labels.length);
  });
});
