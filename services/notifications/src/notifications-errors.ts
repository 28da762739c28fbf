import { defineErrorCodes } from '@konsey/service-kit';

export const notificationsErrors = defineErrorCodes({
  'notification-not-failed': {
    status: 409,
    tr: 'Yalnızca başarısız olmuş bir bildirim yeniden denenebilir.',
    en: 'Only a failed notification can be retried.',
  },
  'invalid-unsubscribe-token': {
    status: 400,
    tr: 'Abonelikten çıkma bağlantısı geçersiz; e-postadaki bağlantının tamamını kullanın.',
    en: 'The unsubscribe link is invalid; use the whole link from the e-mail.',
  },
  'unknown-template': {
    status: 404,
    tr: 'Böyle bir bildirim şablonu yok.',
    en: 'No such notification template.',
  },
  'template-variables-missing': {
    status: 422,
    tr: 'Şablon için gereken değişkenler eksik.',
    en: 'The template needs variables that were not given.',
  },
});
