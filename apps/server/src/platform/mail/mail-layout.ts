/** One layout for every e-mail: a greeting, paragraphs, an optional button, a footer. Text and HTML from one source. */
export interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer: string;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export function renderMail(content: MailContent): { subject: string; text: string; html: string } {
  const text = [
    content.greeting,
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    ...(content.action ? [`${content.action.label} : ${content.action.url}`, ""] : []),
    "--",
    content.footer,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:sans-serif;font-size:16px;line-height:1.5;color:#111;max-width:600px">
<p>${escapeHtml(content.greeting)}</p>
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${
  content.action
    ? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(content.action.label)}</a></p>
<p style="font-size:14px;color:#444">${escapeHtml(content.action.url)}</p>`
    : ""
}
<hr><p style="font-size:13px;color:#555">${escapeHtml(content.footer)}</p>
</body></html>`;
  return { subject: content.subject, text, html };
}
