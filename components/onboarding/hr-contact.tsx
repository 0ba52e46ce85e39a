import { getTranslations } from "@/lib/i18n/server-translations";
import { formatPhone, normalisePhone, telHref } from "@/lib/contact/phone";
import type { HrContact } from "@/lib/settings/schemas";

// The setting is checked by the same phone rule when saved; one saved before that rule may not read.
const phoneHref = (phone: string) => {
  const read = normalisePhone(phone);
  return read.ok ? telHref(read.e164) : `tel:${phone.replace(/[^+0-9]/g, "")}`;
};
const phoneText = (phone: string) => {
  const read = normalisePhone(phone);
  return read.ok ? formatPhone(read.e164) : phone;
};

const linkClass = "inline-flex min-h-11 items-center font-medium break-all text-blue-800 underline";

/** The HR contact from settings as links a phone can act on (mail, call, web page); a plain sentence while none is set. */
export async function HrContactLinks({ contact }: { contact: HrContact }) {
  const t = await getTranslations("status.instead");
  if (!contact.email && !contact.phone && !contact.url) return <p>{t("hrNone")}</p>;
  return (
    <div>
      {contact.name ? <p>{t("hrContact", { name: contact.name })}</p> : null}
      <ul className="flex flex-col">
        {contact.email ? (
          <li>
            <a href={`mailto:${contact.email}`} className={linkClass}>
              {t("hrEmail", { email: contact.email })}
            </a>
          </li>
        ) : null}
        {contact.phone ? (
          <li>
            <a href={phoneHref(contact.phone)} className={linkClass}>
              {t("hrPhone", { phone: phoneText(contact.phone) })}
            </a>
          </li>
        ) : null}
        {contact.url ? (
          <li>
            <a href={contact.url} className={linkClass}>
              {t("hrUrl")}
            </a>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
