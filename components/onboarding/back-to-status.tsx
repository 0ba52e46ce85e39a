import { Link } from "@/components/ui/link";
import { getTranslations } from "@/lib/i18n/server-translations";

/** The way back from every step page to the status page. */
export async function BackToStatus() {
  const t = await getTranslations("status");
  return (
    <p className="mt-8 print:hidden">
      <Link href="/" className="font-medium text-blue-800 underline">
        {t("back")}
      </Link>
    </p>
  );
}
