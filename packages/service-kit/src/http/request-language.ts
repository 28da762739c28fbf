import type { Language } from '@konsey/contracts';
import type { Request } from 'express';

/** Turkish unless the caller prefers English over Turkish in Accept-Language. */
export function requestLanguage(req: Request): Language {
  return req.acceptsLanguages('tr', 'en') === 'en' ? 'en' : 'tr';
}
