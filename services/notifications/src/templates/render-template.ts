import type { Language } from '@konsey/contracts';
import { IntlMessageFormat } from 'intl-messageformat';
import type { ChannelName } from '../domain/channel-name.js';
import { templateOf, type TemplateName } from './template-catalogue.js';

export type TemplateVariables = Record<string, string | number>;

export interface RenderedMessage {
  subject?: string;
  text: string;
  html?: string;
}

/** Locales and the zone every date is written in: the council is in Türkiye. */
const locales: Record<Language, string> = { tr: 'tr-TR', en: 'en-GB' };
const zone = 'Europe/Istanbul';
const formats = {
  date: { long: { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone } },
  time: { short: { hour: '2-digit', minute: '2-digit', timeZone: zone } },
} as const;

const footer: Record<Language, { unsubscribe: string; essential: string; signature: string }> = {
  tr: {
    signature: 'Kent Konseyi',
    unsubscribe: 'Bu tür e-postaları almak istemiyorsanız: {url}',
    essential: 'Bu ileti zorunlu bir bildirimdir; abonelikten çıkılamaz.',
  },
  en: {
    signature: 'City Council',
    unsubscribe: 'To stop receiving e-mails like this: {url}',
    essential: 'This is an essential notice; it cannot be unsubscribed from.',
  },
};

/** Thrown when a template cannot be rendered (a missing or wrong variable): the message is never sent. */
export class TemplateRenderError extends Error {
  constructor(template: string, cause: unknown) {
    super(`template ${template} cannot be rendered: ${(cause as Error)?.message ?? String(cause)}`, {
      cause,
    });
    this.name = 'TemplateRenderError';
  }
}

const isoDate = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/;

function format(message: string, language: Language, values: TemplateVariables): string {
  const typed = Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key,
      typeof value === 'string' && isoDate.test(value) ? new Date(value) : value,
    ]),
  );
  const result = new IntlMessageFormat(message, locales[language], formats, { ignoreTag: true }).format(
    typed,
  );
  if (typeof result !== 'string') throw new Error('template produced rich content');
  return result;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((part) => `<p>${escapeHtml(part).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

/**
 * Render a template for one channel in one language. E-mail gets a subject, a text and an HTML part
 * (values escaped) with the unsubscribe link of optional messages; SMS gets one short text. A missing
 * variable throws TemplateRenderError.
 */
export function renderTemplate(options: {
  template: TemplateName;
  channel: Exclude<ChannelName, 'webhook'>;
  language: Language;
  variables: TemplateVariables;
  unsubscribeUrl?: string;
}): RenderedMessage {
  const definition = templateOf(options.template);
  const { language, variables } = options;
  try {
    if (options.channel === 'sms') {
      const sms = definition.sms?.[language];
      if (!sms) throw new Error('no SMS text');
      return { text: format(sms, language, variables) };
    }
    const email = definition.email[language];
    const subject = format(email.subject, language, variables);
    const body = format(email.body, language, variables);
    const words = footer[language];
    const note = definition.essential
      ? words.essential
      : options.unsubscribeUrl
        ? words.unsubscribe.replace('{url}', options.unsubscribeUrl)
        : undefined;
    const text = [body, `— ${words.signature}`, ...(note ? [note] : [])].join('\n\n');
    const noteHtml = definition.essential
      ? `<p style="color:#666">${escapeHtml(words.essential)}</p>`
      : options.unsubscribeUrl
        ? `<p style="color:#666">${escapeHtml(words.unsubscribe.replace('{url}', ''))}<a href="${escapeHtml(options.unsubscribeUrl)}">${escapeHtml(options.unsubscribeUrl)}</a></p>`
        : '';
    const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:sans-serif;line-height:1.5">
${paragraphs(body)}
<p>— ${escapeHtml(words.signature)}</p>
${noteHtml}
</body></html>`;
    return { subject, text, html };
  } catch (error) {
    throw new TemplateRenderError(options.template, error);
  }
}
