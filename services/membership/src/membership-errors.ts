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
});
