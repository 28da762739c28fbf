import { defineErrorCodes } from '@konsey/service-kit';
// The module refuses unknown bodies with membership's own `unknown-body` code.
import '../membership-errors.js';

export const applicationErrors = defineErrorCodes({
  'duplicate-application-derbis': {
    status: 409,
    tr: 'Bu DERBİS kütük numarasıyla bekleyen bir başvuru ya da etkin bir üyelik zaten var.',
    en: 'A pending application or an active membership with this DERBİS number already exists.',
  },
  'duplicate-application-tc-kimlik': {
    status: 409,
    tr: 'Bu TC Kimlik Numarasıyla bekleyen bir başvuru ya da etkin bir üyelik zaten var.',
    en: 'A pending application or an active membership with this TC Kimlik No already exists.',
  },
  'duplicate-application-email': {
    status: 409,
    tr: 'Bu e-posta adresiyle bekleyen bir başvuru ya da etkin bir üyelik zaten var.',
    en: 'A pending application or an active membership with this e-mail address already exists.',
  },
  'document-too-large': {
    status: 413,
    tr: 'Belge izin verilen boyuttan büyük; daha küçük bir dosya yükleyin.',
    en: 'The document is larger than allowed; upload a smaller file.',
  },
  'document-type-not-allowed': {
    status: 415,
    tr: 'Yalnızca PDF, PNG veya JPEG belgeler yüklenebilir.',
    en: 'Only PDF, PNG or JPEG documents can be uploaded.',
  },
  'document-content-mismatch': {
    status: 415,
    tr: 'Dosyanın içeriği bildirilen türle (PDF, PNG, JPEG) uyuşmuyor.',
    en: 'The file’s content does not match the declared type (PDF, PNG, JPEG).',
  },
  'unknown-document': {
    status: 422,
    tr: 'Belirtilen belge yüklenmemiş; önce belgeyi yükleyip dönen kimliği kullanın.',
    en: 'The document named has not been uploaded; upload it first and use the id returned.',
  },
  'application-not-pending': {
    status: 409,
    tr: 'Başvuru karar beklemiyor; yalnızca değerlendirmedeki başvurular karara bağlanabilir.',
    en: 'The application is not awaiting a decision; only submitted applications can be decided.',
  },
  'application-not-returned': {
    status: 409,
    tr: 'Başvuru tamamlanmak üzere iade edilmedi; yalnızca iade edilen başvurular yeniden gönderilebilir.',
    en: 'The application was not returned for completion; only returned applications can be resubmitted.',
  },
  'application-token-invalid': {
    status: 403,
    tr: 'Başvuru erişim anahtarı eksik ya da geçersiz.',
    en: 'The application access token is missing or invalid.',
  },
  'decision-role-mismatch': {
    status: 403,
    tr: 'Kurumsal başvurulara Yürütme Kurulu, bireysel başvurulara Değerlendirme Komisyonu karar verir.',
    en: 'The Executive Board decides institutional applications; the evaluation committee decides individual ones.',
  },
});
