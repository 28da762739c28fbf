/**
 * Stable machine codes of the errors the kit itself raises, with their HTTP status and the message a
 * person reads (Turkish first). Services add their own codes with `defineErrorCodes`.
 */
export interface ErrorCodeDefinition {
  status: number;
  tr: string;
  en: string;
}

export const kitErrorCodes = {
  'validation-failed': {
    status: 400,
    tr: 'İstek geçersiz; belirtilen alanları düzeltip yeniden gönderin.',
    en: 'The request is invalid; correct the fields named and send it again.',
  },
  'malformed-json': {
    status: 400,
    tr: 'İstek gövdesi geçerli JSON değil.',
    en: 'The request body is not valid JSON.',
  },
  'unsupported-media-type': {
    status: 415,
    tr: 'İstek gövdesi application/json olarak gönderilmeli.',
    en: 'Send the request body as application/json.',
  },
  'payload-too-large': {
    status: 413,
    tr: 'İstek gövdesi çok büyük.',
    en: 'The request body is too large.',
  },
  unauthenticated: {
    status: 401,
    tr: 'Oturum açmanız gerekiyor; geçerli bir erişim belirteciyle yeniden deneyin.',
    en: 'You need to sign in; try again with a valid access token.',
  },
  forbidden: {
    status: 403,
    tr: 'Bu işlem için yetkiniz yok.',
    en: 'You are not allowed to do this.',
  },
  'not-found': {
    status: 404,
    tr: 'Aradığınız kayıt bulunamadı.',
    en: 'The record you asked for does not exist.',
  },
  'route-not-found': {
    status: 404,
    tr: 'Böyle bir adres yok; API belgesine (/openapi.json) bakın.',
    en: 'No such path; see the API document (/openapi.json).',
  },
  'method-not-allowed': {
    status: 405,
    tr: 'Bu adres bu yöntemi desteklemiyor.',
    en: 'This path does not support this method.',
  },
  conflict: {
    status: 409,
    tr: 'İstek kaydın şu anki durumuyla çelişiyor.',
    en: 'The request conflicts with the current state of the record.',
  },
  'idempotency-key-reused': {
    status: 422,
    tr: 'Bu Idempotency-Key başka bir istekle kullanıldı; yeni bir anahtar kullanın.',
    en: 'This Idempotency-Key was used with a different request; use a new key.',
  },
  unavailable: {
    status: 503,
    tr: 'Hizmet şu anda hazır değil; birazdan yeniden deneyin.',
    en: 'The service is not ready; try again shortly.',
  },
  internal: {
    status: 500,
    tr: 'Beklenmeyen bir hata oluştu; sorun sürerse izleme kimliğiyle birlikte bildirin.',
    en: 'Something unexpected went wrong; if it persists, report it with the trace id.',
  },
} as const satisfies Record<string, ErrorCodeDefinition>;

export type KitErrorCode = keyof typeof kitErrorCodes;

const registry = new Map<string, ErrorCodeDefinition>(Object.entries(kitErrorCodes));

/** Register a service's own error codes; a code may be defined once. */
export function defineErrorCodes<const T extends Record<string, ErrorCodeDefinition>>(codes: T): T {
  for (const [code, definition] of Object.entries(codes)) {
    const existing = registry.get(code);
    if (existing && existing !== definition) throw new Error(`error code ${code} is defined twice`);
    registry.set(code, definition);
  }
  return codes;
}

export function errorCodeDefinition(code: string): ErrorCodeDefinition {
  return registry.get(code) ?? kitErrorCodes.internal;
}
