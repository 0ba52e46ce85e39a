import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import type { NotEligibleHelp } from "@/lib/eligibility/explanation";
import { BackToStatus } from "./back-to-status";
import { DecisionFacts } from "./decision-facts";
import { InsteadPanel } from "./instead-panel";

/**
 * A step page (/token, /device) for a person who may not telework: no enrollment, no request
 * form, but why and what to do instead (issue 13 point 6).
 */
export function NotEligiblePage({ title, notice, help }: { title: string; notice: { title: string; body: string }; help: NotEligibleHelp }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <div className="flex flex-col gap-6">
        <Notice tone="warning" title={notice.title}>
          <div className="flex flex-col gap-3">
            <p>{notice.body}</p>
            {help.explanation ? <DecisionFacts explanation={help.explanation} /> : null}
          </div>
        </Notice>
        <InsteadPanel contact={help.contact} />
      </div>
      <BackToStatus />
    </>
  );
}
