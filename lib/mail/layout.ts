import { escapeHtml } from "./message";

/** A plain, accessible HTML e-mail: one heading, paragraphs, one button. */
export function renderEmailHtml(input: {
  lang: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer: string;
}): string {
  const paragraphs = input.paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join("");
  const action = input.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(input.action.url)}" style="background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(input.action.label)}</a></p>`
    : "";
  return `<!doctype html><html lang="${escapeHtml(input.lang)}"><body style="font-family:system-ui,sans-serif;color:#111827;line-height:1.5;max-width:560px;margin:0 auto;padding:24px"><h1 style="font-size:20px">${escapeHtml(input.heading)}</h1>${paragraphs}${action}<p style="color:#4b5563;font-size:13px">${escapeHtml(input.footer)}</p></body></html>`;
}
