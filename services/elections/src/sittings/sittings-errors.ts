import { AppError, defineErrorCodes, type FieldError } from '@konsey/service-kit';

export const sittingsErrors = defineErrorCodes({
  'sitting-not-found': {
    status: 404,
    tr: 'Böyle bir toplantı yok.',
    en: 'No such sitting.',
  },
  'poll-not-found': {
    status: 404,
    tr: 'Böyle bir oylama yok.',
    en: 'No such poll.',
  },
  'body-not-on-roster': {
    status: 422,
    tr: 'Belirtilen kurul seçim servisinin kayıtlarında yok; kurulu üyelik servisinde oluşturun.',
    en: 'The body named is not on the roll elections keeps; create it in membership first.',
  },
  'first-sitting-invalid': {
    status: 422,
    tr: 'İkinci toplantı, aynı kurulun yeter sayı sağlanamayan ilk toplantısına bağlanmalı.',
    en: 'A second meeting must link to a first meeting of the same body.',
  },
  'sitting-state': {
    status: 409,
    tr: 'Toplantının şu anki durumunda bu işlem yapılamaz.',
    en: 'The sitting is not in a state that allows this.',
  },
  'sitting-already-open': {
    status: 409,
    tr: 'Bu kurulun açık bir toplantısı zaten var; önce onu kapatın.',
    en: 'This body already has an open sitting; close it first.',
  },
  'polls-still-voting': {
    status: 409,
    tr: 'Oylaması süren önergeler var; toplantıyı kapatmadan önce oylamaları kapatın.',
    en: 'Polls are still being voted on; close their voting before closing the sitting.',
  },
  'not-on-roll': {
    status: 422,
    tr: 'Bu üye bu kurulun üyesi değil ya da üyeliği etkin değil.',
    en: 'This member is not an active member of this body.',
  },
  'no-representative': {
    status: 422,
    tr: 'Kurumun asil temsilcisi kayıtlı değil; kurum temsilcisi olmadan yoklamaya yazılamaz.',
    en: 'The institution has no full representative on record, so it cannot be checked in.',
  },
  'qr-unreadable': {
    status: 422,
    tr: 'QR kodunda üye numarası okunamadı; üye numarasını elle girin.',
    en: 'The QR code carries no member id; enter the member id by hand.',
  },
  'already-present': {
    status: 409,
    tr: 'Üye zaten içeride olarak kayıtlı.',
    en: 'The member is already checked in.',
  },
  'not-present': {
    status: 409,
    tr: 'Üye içeride olarak kayıtlı değil.',
    en: 'The member is not checked in.',
  },
  'poll-state': {
    status: 409,
    tr: 'Oylamanın şu anki durumunda bu işlem yapılamaz.',
    en: 'The poll is not in a state that allows this.',
  },
  'no-quorum': {
    status: 409,
    tr: 'Toplantı yeter sayısı yok; oylama açılamaz.',
    en: 'There is no quorum, so voting cannot open.',
  },
  'not-present-to-vote': {
    status: 403,
    tr: 'Bu toplantıda yalnızca salonda hazır bulunan üyeler oy kullanabilir; önce girişte yoklamaya yazılın.',
    en: 'Only members present at this sitting may vote; check in at the door first.',
  },
  'not-entitled-to-vote': {
    status: 403,
    tr: 'Bu oylamada oy kullanma hakkınız yok: bu kurulun etkin üyesi değilsiniz.',
    en: 'You may not vote in this poll: you are not an active member of this body.',
  },
  'choice-not-offered': {
    status: 422,
    tr: 'Bu seçenek bu oylamada yok.',
    en: 'This choice is not offered in this poll.',
  },
  'change-code-required': {
    status: 409,
    tr: 'Gizli oylamada oyunuzu değiştirmek için ilk oyunuzda verilen değişiklik kodunu gönderin.',
    en: 'To change a secret vote, send the change code you received with your vote.',
  },
  'change-code-invalid': {
    status: 422,
    tr: 'Değişiklik kodu geçerli değil ya da artık geçerli değil (her oyda yeni kod verilir).',
    en: 'The change code is not valid, or no longer valid (each vote gives a new one).',
  },
  'poll-not-closed': {
    status: 409,
    tr: 'Oylama henüz sonuçlanmadı; sonuç oylama kapanınca yayımlanır.',
    en: 'The poll has not closed yet; its result is published when it closes.',
  },
});

export type SittingsErrorCode = keyof typeof sittingsErrors;

/** A sittings error, optionally naming the request field at fault. */
export function sittingsError(
  code: SittingsErrorCode,
  detail: string,
  field?: { field: string; message?: string },
): AppError {
  const errors: FieldError[] = field ? [{ field: field.field, code, message: field.message ?? detail }] : [];
  return new AppError(code, { detail, errors });
}
