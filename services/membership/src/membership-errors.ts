import { defineErrorCodes } from '@konsey/service-kit';

export const membershipErrors = defineErrorCodes({
  'member-terminated': {
    status: 409,
    tr: 'Üyeliği sona ermiş bir üyenin durumu değiştirilemez; yeniden üyelik için başvuru gerekir.',
    en: 'A terminated membership cannot change status; the person must apply again.',
  },
  'unknown-body': {
    status: 422,
    tr: 'Belirtilen kurul, meclis veya çalışma grubu yok ya da kapatılmış; listeden geçerli bir tane seçin.',
    en: 'The body named does not exist or is archived; choose one from the list.',
  },
  'import-rejected': {
    status: 422,
    tr: 'Dosya içe aktarılmadı: raporda belirtilen satırları düzeltip dosyanın tamamını yeniden yükleyin.',
    en: 'Nothing was imported: correct the rows named in the report and upload the whole file again.',
  },
  'body-exists': {
    status: 409,
    tr: 'Bu kurul zaten var; mevcut kaydı kullanın.',
    en: 'This body already exists; use the existing record.',
  },
  'not-institutional': {
    status: 409,
    tr: 'Temsilci yalnızca kurumsal üyeler için atanır.',
    en: 'Only institutional members have representatives.',
  },
});
