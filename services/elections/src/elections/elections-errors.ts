import { defineErrorCodes } from '@konsey/service-kit';

/**
 * Error codes of the elections module. Refusals of the domain (a transition, an eligibility rule) carry
 * the domain's own reason as the problem's `detail`, in the caller's language.
 */
export const electionErrors = defineErrorCodes({
  'election-illegal-transition': {
    status: 409,
    tr: 'Seçim şu anki durumundayken bu adım atılamaz.',
    en: 'This step is not allowed in the election’s current state.',
  },
  'election-final-state': {
    status: 409,
    tr: 'Seçim kesinleşti ya da iptal edildi; artık değiştirilemez.',
    en: 'The election is certified or cancelled; it can no longer change.',
  },
  'election-short-notice': {
    status: 409,
    tr: 'Seçim, oylama gününden yeterli süre önce ilan edilmiyor.',
    en: 'The election is not announced early enough before the voting day.',
  },
  'election-round-out-of-order': {
    status: 409,
    tr: 'Bu tur, önceki turların sonucuna göre açılamaz.',
    en: 'This round cannot follow the rounds held so far.',
  },
  'election-tally-from-ballot-box': {
    status: 409,
    tr: 'Bu turun oyları şifreli sandıkta; toplamlar kurulun şifre çözmesiyle kendiliğinden girilir.',
    en: 'This round was cast in the encrypted ballot box; its totals are entered by the committee’s decryption.',
  },
  'election-settings-invalid': {
    status: 422,
    tr: 'Seçim ayarları geçersiz; belirtilen alanları düzeltin.',
    en: 'The election settings are invalid; correct the fields named.',
  },
  'election-body-unknown': {
    status: 422,
    tr: 'Belirtilen kurul seçim servisinin listesinde yok ya da bu görev için uygun değil.',
    en: 'The body named is not known to elections or does not fit this office.',
  },
  'candidate-not-on-roll': {
    status: 422,
    tr: 'Belirtilen kişi üye listesinde yok.',
    en: 'The person named is not on the roll.',
  },
  'candidate-ineligible': {
    status: 422,
    tr: 'Üye bu seçimde aday olamaz; gerekçeler belirtildi.',
    en: 'The member may not stand in this election; the reasons are given.',
  },
  'candidacy-exists': {
    status: 409,
    tr: 'Bu üyenin bu seçimde zaten bir adaylık kaydı var.',
    en: 'This member already has a candidacy in this election.',
  },
  'candidacy-window-closed': {
    status: 409,
    tr: 'Adaylık başvuruları şu anda alınmıyor.',
    en: 'Candidacies are not being accepted now.',
  },
  'candidacy-withdrawal-closed': {
    status: 409,
    tr: 'Oylama açıldıktan sonra adaylıktan çekilinemez.',
    en: 'A candidacy cannot be withdrawn once voting has opened.',
  },
  'candidacy-not-own': {
    status: 403,
    tr: 'Üyeler yalnızca kendi adaylıkları için işlem yapabilir.',
    en: 'Members may act only on their own candidacy.',
  },
  'objection-window-closed': {
    status: 409,
    tr: 'İtiraz süresi dışında itiraz yapılamaz.',
    en: 'Objections are accepted only within the objection window.',
  },
  'objection-decided': {
    status: 409,
    tr: 'Bu itiraz zaten karara bağlandı.',
    en: 'This objection has already been decided.',
  },
  'election-eligibility-frozen': {
    status: 409,
    tr: 'Hazirun listesi kesinleştikten sonra uygunluk yeniden hesaplanmaz.',
    en: 'Eligibility is not recomputed once the roll is frozen.',
  },
  'election-not-on-committee': {
    status: 403,
    tr: 'Bu işlemi yalnızca bu seçimin seçim kurulu üyeleri yapabilir.',
    en: 'Only members of this election’s committee may do this.',
  },
  'election-no-eligible-candidates': {
    status: 409,
    tr: 'Oylamayı açmak için en az bir uygun aday gerekir.',
    en: 'Voting needs at least one eligible candidate.',
  },
  'election-tally-invalid': {
    status: 422,
    tr: 'Sayım sonuçları tutarsız; belirtilen alanları düzeltin.',
    en: 'The count is inconsistent; correct the fields named.',
  },
  'election-too-many-choices': {
    status: 422,
    tr: 'Toplam oy, geçerli oy pusulası sayısının izin verilen işaret sayısıyla çarpımını aşıyor.',
    en: 'The votes exceed the valid ballots times the number of names a voter may mark.',
  },
  'election-no-final-result': {
    status: 409,
    tr: 'Kesinleştirilecek nihai bir sonuç yok; önce sayımı tamamlayın ya da sonraki turu açın.',
    en: 'There is no final result to certify; finish the count or open the next round.',
  },
  'election-result-hash-mismatch': {
    status: 409,
    tr: 'Onaylanan özet, kayıtlı sonucun SHA-256 özetiyle aynı değil.',
    en: 'The hash approved is not the SHA-256 hash of the stored result.',
  },
  'election-already-approved': {
    status: 409,
    tr: 'Bu kurul üyesi sonucu zaten onayladı.',
    en: 'This committee member has already approved the result.',
  },
  'election-no-next-round': {
    status: 409,
    tr: 'Son sayım yeni bir tur gerektirmiyor.',
    en: 'The last count does not call for another round.',
  },
});
