import { defineErrorCodes } from '@konsey/service-kit';

export const motionsErrors = defineErrorCodes({
  'illegal-transition': {
    status: 409,
    tr: 'Önerge şu anki durumunda bu işleme açık değil.',
    en: 'The motion is not open to this action in its current state.',
  },
  'wrong-role': {
    status: 403,
    tr: 'Bu işlem sizin rolünüzle yapılamaz.',
    en: 'Your role may not take this action.',
  },
  'not-submitter': {
    status: 403,
    tr: 'Bu işlemi yalnızca önergeyi veren üye yapabilir.',
    en: 'Only the member who submitted the motion may do this.',
  },
  'too-few-cosponsors': {
    status: 409,
    tr: 'Üye önergesi sunulmadan önce gereken sayıda üye tarafından desteklenmeli.',
    en: 'A member motion needs the required number of co-sponsors before it is submitted.',
  },
  'already-sponsor': {
    status: 409,
    tr: 'Bu önergeyi zaten veriyor ya da destekliyorsunuz.',
    en: 'You already submit or co-sponsor this motion.',
  },
  'unknown-motion': {
    status: 422,
    tr: 'Belirtilen önerge yok ya da bu işleme uygun değil.',
    en: 'The motion named does not exist or cannot be used here.',
  },
  'attachment-rejected': {
    status: 422,
    tr: 'Ek kabul edilmedi: izin verilen dosya türünde ve boyut sınırı içinde olmalı.',
    en: 'The attachment was refused: it must be of an allowed type and within the size limit.',
  },
  'meeting-exists': {
    status: 409,
    tr: 'Bu tarihte bir belediye meclisi toplantısı zaten kayıtlı.',
    en: 'A municipal council meeting is already recorded on this date.',
  },
});
