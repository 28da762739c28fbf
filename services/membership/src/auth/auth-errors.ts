import { defineErrorCodes } from '@konsey/service-kit';

/** Error codes of sign-in, tokens and accounts (Turkish first). */
export const authErrors = defineErrorCodes({
  'sign-in-failed': {
    status: 401,
    tr: 'Giriş yapılamadı: e-posta, parola veya kod hatalı ya da kodun süresi dolmuş.',
    en: 'Sign-in failed: the e-mail, password or code is wrong, or the code has expired.',
  },
  'account-locked': {
    status: 423,
    tr: 'Çok sayıda hatalı giriş denemesi nedeniyle hesap geçici olarak kilitlendi; daha sonra yeniden deneyin.',
    en: 'The account is locked for a while after too many failed sign-ins; try again later.',
  },
  'account-disabled': {
    status: 403,
    tr: 'Bu hesapla giriş yapılamaz; üyelik birimiyle iletişime geçin.',
    en: 'This account cannot sign in; contact the membership office.',
  },
  'refresh-token-invalid': {
    status: 401,
    tr: 'Oturum yenilenemedi: oturum sona ermiş ya da kapatılmış; yeniden giriş yapın.',
    en: 'The session could not be refreshed: it has expired or was ended; sign in again.',
  },
  'refresh-token-reused': {
    status: 401,
    tr: 'Bu yenileme belirteci daha önce kullanılmış; güvenliğiniz için oturum kapatıldı, yeniden giriş yapın.',
    en: 'This refresh token was already used; the session was ended for your safety; sign in again.',
  },
  'current-password-wrong': {
    status: 403,
    tr: 'Mevcut parola hatalı.',
    en: 'The current password is wrong.',
  },
  'account-email-taken': {
    status: 409,
    tr: 'Bu e-posta adresiyle bir hesap zaten var.',
    en: 'An account with this e-mail address already exists.',
  },
  'member-has-account': {
    status: 409,
    tr: 'Bu üyenin zaten bir hesabı var.',
    en: 'This member already has an account.',
  },
  'role-not-grantable': {
    status: 403,
    tr: 'Bu rolü verme veya geri alma yetkiniz yok.',
    en: 'You may not grant or withdraw this role.',
  },
  'last-operator': {
    status: 409,
    tr: 'Son operatörün operatör rolü geri alınamaz; önce başka bir operatör atayın.',
    en: 'The last operator cannot lose the operator role; appoint another operator first.',
  },
});
