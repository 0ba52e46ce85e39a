import type { ReactNode } from "react";

type Props = {
  /** The h2's id: the section is named by its heading, so it is a region a screen reader can jump to. */
  id: string;
  title: ReactNode;
  /** Shown on the heading's line, at its end (an export link). */
  action?: ReactNode;
  /** Extra classes of the section (its spacing in the page: `mb-8`). */
  className?: string;
  children: ReactNode;
};

/** One titled white card of a page: a `<section>` with its h2, the frame the admin pages repeat around their tables and forms. */
export function SectionCard({ id, title, action, className = "", children }: Props) {
  const heading = (
    <h2 id={id} className={`text-xl font-semibold ${action ? "" : "mb-2"}`}>
      {title}
    </h2>
  );
  return (
    <section aria-labelledby={id} className={`rounded-lg border border-slate-300 bg-white p-4 ${className}`}>
      {action ? (
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          {heading}
          {action}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
