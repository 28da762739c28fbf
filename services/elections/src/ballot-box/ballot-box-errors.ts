import { AppError, defineErrorCodes } from '@konsey/service-kit';

/** Error codes of the ballot box (key ceremony, credentials, casting). */
export const ballotBoxErrors = defineErrorCodes({
  'ballot-box-election-state': {
    status: 409,
    tr: 'Seçim şu anki durumundayken bu işlem yapılamaz.',
    en: 'This is not possible in the election’s current state.',
  },
  'ballot-box-not-on-committee': {
    status: 403,
    tr: 'Bu işlemi yalnızca bu seçimin seçim kurulu üyeleri yapabilir.',
    en: 'Only members of this election’s committee may do this.',
  },
  'ballot-ceremony-not-started': {
    status: 409,
    tr: 'Anahtar töreni henüz başlamadı.',
    en: 'The key ceremony has not started.',
  },
  'ballot-ceremony-not-participant': {
    status: 403,
    tr: 'Bu anahtar töreni denemesinde yer almıyorsunuz.',
    en: 'You are not a participant of this attempt of the key ceremony.',
  },
  'ballot-ceremony-out-of-order': {
    status: 409,
    tr: 'Anahtar töreninin bu adımı henüz atılamaz ya da artık atılamaz.',
    en: 'This step of the key ceremony cannot be taken now.',
  },
  'ballot-ceremony-invalid': {
    status: 422,
    tr: 'Anahtar töreni iletisi geçersiz (kodlama, kanıt ya da imza).',
    en: 'The key ceremony message is invalid (encoding, proof or signature).',
  },
  'ballot-ceremony-conflict': {
    status: 409,
    tr: 'Bu üye bu adımda farklı bir ileti göndermiş.',
    en: 'This member already sent a different message at this step.',
  },
  'ballot-ceremony-too-few': {
    status: 409,
    tr: 'Bu üye çıkarılırsa eşik sayısından az kurul üyesi kalır.',
    en: 'Excluding this member would leave fewer committee members than the threshold.',
  },
  'ballot-ceremony-incomplete': {
    status: 409,
    tr: 'Anahtar töreni tamamlanmadı; oylama açılamaz ve oy atılamaz.',
    en: 'The key ceremony is not complete; voting cannot open and no ballot can be cast.',
  },
  'ballot-tally-not-ready': {
    status: 409,
    tr: 'Şifreli toplamlar henüz hazır değil: oylama kapanmalı ve tüm oylar doğrulanmalı.',
    en: 'The encrypted totals are not ready: voting must be closed and every ballot verified.',
  },
  'ballot-partial-decryption-invalid': {
    status: 422,
    tr: 'Kısmi şifre çözme geçersiz (kodlama ya da kanıt); hiçbir şey kaydedilmedi.',
    en: 'The partial decryption is invalid (encoding or proof); nothing was stored.',
  },
  'ballot-partial-decryption-exists': {
    status: 409,
    tr: 'Bu kurul üyesi bu tur için kısmi şifre çözmesini zaten gönderdi.',
    en: 'This committee member already sent their partial decryption for this round.',
  },
  'ballot-totals-not-ready': {
    status: 409,
    tr: 'Toplamlar henüz çözülmedi: eşik sayısı kadar kısmi şifre çözme gerekiyor.',
    en: 'The totals are not decrypted yet: a threshold of partial decryptions is needed.',
  },
  'ballot-closing-time-past': {
    status: 422,
    tr: 'Kapanış zamanı gelecekte olmalı.',
    en: 'The closing time must be in the future.',
  },
  'ballot-record-not-ready': {
    status: 409,
    tr: 'Seçim kaydı henüz hazır değil: toplamlar çözülmeli ve eşik sayısı kadar kurul üyesi imzalamalı.',
    en: 'The election record is not ready: the totals must be decrypted and signed by a threshold of members.',
  },
  'ballot-signature-invalid': {
    status: 422,
    tr: 'İmza, kurul üyesinin tören anahtarıyla sonuç özetini doğrulamıyor; hiçbir şey kaydedilmedi.',
    en: 'The signature does not verify the result hash under the member’s ceremony key; nothing was stored.',
  },
  'ballot-signature-exists': {
    status: 409,
    tr: 'Bu kurul üyesi bu turun sonucunu zaten imzaladı.',
    en: 'This committee member already signed this round’s result.',
  },
  'voter-not-present': {
    status: 403,
    tr: 'Bu seçimde oy salonda kullanılıyor: önce kapıdaki yoklamaya kaydolun.',
    en: 'This election is voted in the hall: check in at the door first.',
  },
  'ballot-presence-sitting-invalid': {
    status: 422,
    tr: 'Belirtilen oturum bu seçimin kurulunun planlanmış ya da açık bir oturumu değil.',
    en: 'The sitting named is not a scheduled or open sitting of this election’s body.',
  },
  'voter-not-on-roll': {
    status: 403,
    tr: 'Bu seçimin kesinleşmiş hazirun listesinde değilsiniz.',
    en: 'You are not on this election’s frozen roll.',
  },
  'ballot-credential-missing': {
    status: 409,
    tr: 'Oy atmadan önce bu seçim için oy kimliği alın.',
    en: 'Obtain a ballot credential for this election before casting.',
  },
  'ballot-voting-closed': {
    status: 409,
    tr: 'Bu seçimde oylama açık değil.',
    en: 'Voting is not open in this election.',
  },
  'ballot-malformed': {
    status: 422,
    tr: 'Oy pusulası biçimsel olarak geçersiz; hiçbir şey kaydedilmedi.',
    en: 'The ballot is malformed; nothing was stored.',
  },
  'ballot-already-cast': {
    status: 409,
    tr: 'Bu seçimde oyunuzu zaten kullandınız.',
    en: 'You have already cast your ballot in this election.',
  },
});

export type BallotBoxErrorCode = keyof typeof ballotBoxErrors;

export const fail = (code: BallotBoxErrorCode | 'not-found' | 'forbidden', detail: string): AppError =>
  new AppError(code, { detail });
