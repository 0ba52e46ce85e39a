"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { ruleFacts, type EligibilityRule, type RuleFact } from "@/lib/eligibility/rules";
import { publishEligibilityRulesAction } from "@/lib/settings/actions";
import { VersionedForm, type VersionedApi } from "./versioned-form";
import { refusalOf, type Shown } from "@/components/forms/refusal";
import { callAction } from "@/components/forms/call-action";

type Condition = { fact: RuleFact; op: "eq" | "in"; value: string };
type Rule = { id: string; outcome: EligibilityRule["outcome"]; reason: { fr: string; de: string; en: string }; when: Condition[] };

const facts = Object.keys(ruleFacts) as RuleFact[];
const outcomes = ["not_eligible", "review", "eligible"] as const;
const input = "min-h-11 w-full rounded-md border border-slate-500 bg-white px-2";

const toEditable = (rules: EligibilityRule[]): Rule[] =>
  rules.map((r) => ({ ...r, when: r.when.map((c) => ({ fact: c.fact, op: c.op, value: Array.isArray(c.value) ? c.value.join(", ") : c.value })) }));
const toRules = (rules: Rule[]) =>
  rules.map((r) => ({ ...r, id: r.id.trim(), when: r.when.map((c) => (c.op === "in" ? { ...c, value: c.value.split(",").map((v) => v.trim()).filter(Boolean) } : { ...c, value: c.value.trim() })) }));

type Props = { initial: EligibilityRule[]; version: number };

/**
 * The eligibility rules as forms: first matching rule decides. Publishing sends the whole
 * list and the version it was based on; the server checks it against the same schema and
 * keeps it as a new version, unless another admin published one meanwhile (VersionedForm).
 */
export function RulesEditor(props: Props) {
  return (
    <VersionedForm version={String(props.version)} noticeAt="bottom">
      {(api) => <Editor {...props} api={api} />}
    </VersionedForm>
  );
}

function Editor({ initial, version, api }: Props & { api: VersionedApi }) {
  const t = useTranslations("admin.settings.rulesEditor");
  const [rules, setRules] = useState<Rule[]>(() => toEditable(initial));
  const [error, setError] = useState<Shown | null>(null);
  const [pending, setPending] = useState(false);

  const change = (index: number, patch: Partial<Rule>) => {
    setRules((all) => all.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  };
  const changeCondition = (index: number, c: number, patch: Partial<Condition>) => change(index, { when: rules[index].when.map((x, j) => (j === c ? { ...x, ...patch } : x)) });
  const move = (index: number, by: -1 | 1) =>
    setRules((all) => {
      const next = [...all];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });

  async function publish() {
    setPending(true);
    setError(null);
    const result = await callAction(() => publishEligibilityRulesAction({ value: JSON.stringify(toRules(rules)), basedOn: version }));
    setPending(false);
    if (api.refusedAsStale(result)) return;
    if (!result.ok) return setError(refusalOf(result, "value"));
    api.saved(result.data.version, t("published", { version: result.data.version }));
  }

  return (
    <div className="flex flex-col gap-4">
      <ol className="flex flex-col gap-4">
        {rules.map((rule, index) => {
          const n = index + 1;
          return (
            <li key={index} className="rounded-md border border-slate-300 p-3">
              <fieldset className="flex flex-col gap-3">
                <legend className="px-1 font-semibold">{t("rule", { n })}</legend>
                <div className="grid gap-3 sm:grid-cols-2">
                  <label className="flex flex-col gap-1">
                    <span className="font-medium">{t("id", { n })}</span>
                    <input className={input} value={rule.id} onChange={(e) => change(index, { id: e.target.value })} />
                  </label>
                  <label className="flex flex-col gap-1">
                    <span className="font-medium">{t("outcome", { n })}</span>
                    <select className={input} value={rule.outcome} onChange={(e) => change(index, { outcome: e.target.value as Rule["outcome"] })}>
                      {outcomes.map((o) => (
                        <option key={o} value={o}>
                          {t(`outcomes.${o}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
                <fieldset className="flex flex-col gap-2">
                  <legend className="font-medium">{t("conditions", { n })}</legend>
                  {rule.when.map((c, ci) => {
                    const choices = ruleFacts[c.fact];
                    return (
                      <div key={ci} className="grid gap-2 sm:grid-cols-[2fr_1fr_2fr_auto] sm:items-end">
                        <label className="flex flex-col gap-1">
                          <span className="text-sm">{t("fact", { n, c: ci + 1 })}</span>
                          <select className={input} value={c.fact} onChange={(e) => changeCondition(index, ci, { fact: e.target.value as RuleFact, value: "" })}>
                            {facts.map((f) => (
                              <option key={f} value={f}>
                                {t(`facts.${f.replace(".", "_") as "answers_workFromHome"}`)}
                              </option>
                            ))}
                          </select>
                        </label>
                        <label className="flex flex-col gap-1">
                          <span className="text-sm">{t("op", { n, c: ci + 1 })}</span>
                          <select className={input} value={c.op} onChange={(e) => changeCondition(index, ci, { op: e.target.value as Condition["op"] })}>
                            <option value="eq">{t("ops.eq")}</option>
                            <option value="in">{t("ops.in")}</option>
                          </select>
                        </label>
                        <label className="flex flex-col gap-1">
                          <span className="text-sm">{t("value", { n, c: ci + 1 })}</span>
                          {choices && c.op === "eq" ? (
                            <select className={input} value={c.value} onChange={(e) => changeCondition(index, ci, { value: e.target.value })}>
                              <option value="">–</option>
                              {choices.map((v) => (
                                <option key={v} value={v}>
                                  {v}
                                </option>
                              ))}
                            </select>
                          ) : (
                            <input className={input} value={c.value} placeholder={c.op === "in" ? t("listHint") : ""} onChange={(e) => changeCondition(index, ci, { value: e.target.value })} />
                          )}
                        </label>
                        <Button variant="ghost" disabled={rule.when.length === 1} onClick={() => change(index, { when: rule.when.filter((_, j) => j !== ci) })}>
                          {t("removeCondition", { n, c: ci + 1 })}
                        </Button>
                      </div>
                    );
                  })}
                  <Button variant="ghost" className="self-start" onClick={() => change(index, { when: [...rule.when, { fact: "answers.workFromHome", op: "eq", value: "" }] })}>
                    {t("addCondition", { n })}
                  </Button>
                </fieldset>
                <div className="grid gap-3 sm:grid-cols-3">
                  {(["fr", "de", "en"] as const).map((lang) => (
                    <label key={lang} className="flex flex-col gap-1">
                      <span className="font-medium">{t(`reason.${lang}`, { n })}</span>
                      <textarea className="w-full rounded-md border border-slate-500 p-2" rows={3} value={rule.reason[lang]} onChange={(e) => change(index, { reason: { ...rule.reason, [lang]: e.target.value } })} />
                    </label>
                  ))}
                </div>
                <div className="flex flex-wrap gap-2">
                  <Button variant="secondary" disabled={index === 0} onClick={() => move(index, -1)}>
                    {t("up", { n })}
                  </Button>
                  <Button variant="secondary" disabled={index === rules.length - 1} onClick={() => move(index, 1)}>
                    {t("down", { n })}
                  </Button>
                  <Button variant="secondary" onClick={() => setRules((all) => all.filter((_, i) => i !== index))}>
                    {t("remove", { n })}
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <Button
        variant="secondary"
        className="self-start"
        onClick={() => setRules((all) => [...all, { id: `rule_${all.length + 1}`, outcome: "review", reason: { fr: "", de: "", en: "" }, when: [{ fact: "answers.workFromHome", op: "eq", value: "" }] }])}
      >
        {t("add")}
      </Button>
      <FormError error={error} />
      <Button disabled={pending} onClick={publish} className="self-start">
        {t("publish")}
      </Button>
    </div>
  );
}
