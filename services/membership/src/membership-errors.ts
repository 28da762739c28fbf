import { defineErrorCodes } from '@konsey/service-kit';

export const membershipErrors = defineErrorCodes({
  'member-terminated': {
    status: 409,
    tr: 'Üyeliği sona ermiş bir üyenin durumu değiştirilemez; yeniden üyelik için başvuru gerekir.',
    en: 'A terminated membership cannot change status; the person must apply again.',
  },
});
