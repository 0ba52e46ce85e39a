import { Link } from "@/components/ui/link";
import { buttonClass } from "@/components/ui/button-class";
import { PageTitle } from "@/components/ui/page-title";

/** The root's not-found, forbidden and unauthorized pages: a title, a sentence, one way on. */
export function BoundaryPage({ title, body, href, link }: { title: string; body: string; href: string; link: string }) {
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead={body}>{title}</PageTitle>
      <Link href={href} className={buttonClass("primary")}>
        {link}
      </Link>
    </div>
  );
}
