import { municipalOutcome, sampleMotion as motion } from './motion-fragments.js';
import { ownMotionTemplates } from './own-motion-templates.js';
import type { TemplateDefinition } from './template-definition.js';

export type { TemplateDefinition } from './template-definition.js';

/** Select keys cannot hold hyphens: offices arrive with `_` (see recipients-table.ts). */
const office = {
  tr: '{office, select, president {Başkan} executive_board {Yürütme Kurulu üyesi} secretary_general {Genel Sekreter} facilitator {Kolaylaştırıcı} co_spokesperson {Eş Sözcü} other {{office}}}',
  en: '{office, select, president {President} executive_board {Executive Board member} secretary_general {Secretary-General} facilitator {Facilitator} co_spokesperson {Co-spokesperson} other {{office}}}',
};

/**
 * Every template of the service. Dates are written `{x, date, long}` and times `{x, time, short}`:
 * formatted in the recipient's language for Türkiye time (Europe/Istanbul).
 */
export const templates = {
  'application-submitted': {
    essential: false,
    email: {
      tr: {
        subject: 'Yeni üyelik başvurusu',
        body: '{kind, select, institutional {Kurumsal} other {Bireysel}} bir üyelik başvurusu {submittedAt, date, long} tarihinde yapıldı ve incelemenizi bekliyor.\n\nBaşvuru numarası: {applicationId}',
      },
      en: {
        subject: 'New membership application',
        body: 'An {kind, select, institutional {institutional} other {individual}} membership application was submitted on {submittedAt, date, long} and awaits your review.\n\nApplication number: {applicationId}',
      },
    },
    sample: {
      kind: 'individual',
      submittedAt: '2026-03-12T09:30:00Z',
      applicationId: '0b9c8f1e-41a2-4c36-9a51-1d2c3b4a5f60',
    },
  },
  'application-received': {
    essential: true,
    email: {
      tr: {
        subject: 'Üyelik başvurunuz alındı',
        body: 'Kent Konseyi üyelik başvurunuz {submittedAt, date, long} tarihinde alındı ve değerlendirmeye gönderildi. Sonucu size bu adresten bildireceğiz.\n\nBaşvuru numarası: {applicationId}',
      },
      en: {
        subject: 'Your membership application was received',
        body: 'Your City Council membership application was received on {submittedAt, date, long} and sent for review. We will tell you the outcome at this address.\n\nApplication number: {applicationId}',
      },
    },
    sample: { submittedAt: '2026-03-20T09:00:00Z', applicationId: '3f2b8c1e-0000-4000-8000-000000000001' },
  },
  'application-decided': {
    essential: false,
    email: {
      tr: {
        subject: 'Üyelik başvurunuz sonuçlandı',
        body: 'Üyelik başvurunuz {decidedOn, date, long} tarihli {decisionNumber} sayılı kararla {outcome, select, approved {kabul edildi. Kent Konseyine hoş geldiniz!} rejected {reddedildi.} other {eksiklerin tamamlanması için size geri gönderildi.}}',
      },
      en: {
        subject: 'Your membership application was decided',
        body: 'By decision {decisionNumber} of {decidedOn, date, long}, your membership application was {outcome, select, approved {approved. Welcome to the City Council!} rejected {rejected.} other {returned to you to be completed.}}',
      },
    },
    sample: { outcome: 'approved', decisionNumber: '2026/14', decidedOn: '2026-03-20' },
  },
  'member-admitted': {
    essential: false,
    email: {
      tr: {
        subject: 'Kent Konseyine hoş geldiniz',
        body: 'Sayın {displayName},\n\n{admittedAt, date, long} itibarıyla Kent Konseyi Genel Kurulu üyesisiniz.',
      },
      en: {
        subject: 'Welcome to the City Council',
        body: 'Dear {displayName},\n\nAs of {admittedAt, date, long} you are a member of the General Assembly of the City Council.',
      },
    },
    sample: { displayName: 'Ayşe Yılmaz', admittedAt: '2026-03-21T08:00:00Z' },
  },
  'member-status-changed': {
    essential: true,
    email: {
      tr: {
        subject: 'Üyelik durumunuz değişti',
        body: 'Üyeliğiniz {effectiveAt, date, long} itibarıyla {status, select, active {yeniden etkin} suspended {askıya alındı} other {sona erdi}}.\n\nGerekçe: {reason}',
      },
      en: {
        subject: 'Your membership status changed',
        body: 'As of {effectiveAt, date, long} your membership {status, select, active {is active again} suspended {is suspended} other {has ended}}.\n\nReason: {reason}',
      },
    },
    sample: { status: 'suspended', effectiveAt: '2026-04-01T00:00:00+03:00', reason: '—' },
  },
  'sign-in-code': {
    essential: true,
    secret: ['code'],
    email: {
      tr: {
        subject: 'Giriş kodunuz',
        body: 'Kent Konseyi giriş kodunuz: {code}\n\nKod {expiresAt, time, short} saatine kadar geçerlidir. Bu kodu siz istemediyseniz bu iletiyi yok sayın; kodu kimseyle paylaşmayın.',
      },
      en: {
        subject: 'Your sign-in code',
        body: 'Your City Council sign-in code: {code}\n\nIt is valid until {expiresAt, time, short}. If you did not ask for it, ignore this message; never share the code.',
      },
    },
    sms: {
      tr: 'Kent Konseyi giris kodunuz: {code} ({expiresAt, time, short} saatine kadar). Kimseyle paylasmayin.',
      en: 'City Council sign-in code: {code} (valid until {expiresAt, time, short}). Never share it.',
    },
    sample: { code: '123456', expiresAt: '2026-03-12T09:40:00Z' },
  },
  'election-announced': {
    essential: false,
    email: {
      tr: {
        subject: 'Seçim duyurusu: {title}',
        body: '{title} ({office} seçimi) {votingOn, date, long} tarihinde yapılacak.\n\nAdaylık başvuruları {candidacyOpensOn, date, long} – {candidacyClosesOn, date, long} arasında alınır.'.replace(
          '{office}',
          office.tr,
        ),
      },
      en: {
        subject: 'Election announced: {title}',
        body: '{title} (election of {office}) will be held on {votingOn, date, long}.\n\nCandidacies are accepted from {candidacyOpensOn, date, long} to {candidacyClosesOn, date, long}.'.replace(
          '{office}',
          office.en,
        ),
      },
    },
    sample: {
      title: 'Yürütme Kurulu seçimi 2026',
      office: 'executive_board',
      votingOn: '2026-05-10',
      candidacyOpensOn: '2026-04-10',
      candidacyClosesOn: '2026-04-25',
    },
  },
  'candidacy-decided': {
    essential: false,
    email: {
      tr: {
        subject: 'Adaylık başvurunuz değerlendirildi',
        body: 'Adaylığınız {eligible, select, yes {uygun bulundu.} other {uygun bulunmadı.}}\n\n{reasons}',
      },
      en: {
        subject: 'Your candidacy was reviewed',
        body: 'Your candidacy was found {eligible, select, yes {eligible.} other {ineligible.}}\n\n{reasons}',
      },
    },
    sample: {
      eligible: 'no',
      reasons: 'Üst üste iki dönem sınırı / Two consecutive terms limit',
      electionId: '5d7e0c1a-1b2c-4d3e-8f4a-5b6c7d8e9f00',
    },
  },
  'objection-decided': {
    essential: true,
    email: {
      tr: {
        subject: 'İtirazınız karara bağlandı',
        body: 'Seçim kurulu itirazınızı {upheld, select, yes {kabul etti} other {reddetti}}.\n\nGerekçe: {reason}',
      },
      en: {
        subject: 'Your objection was decided',
        body: 'The election committee {upheld, select, yes {upheld} other {dismissed}} your objection.\n\nReason: {reason}',
      },
    },
    sample: { upheld: 'no', reason: 'Süresinde yapılmadı.' },
  },
  'voting-opened': {
    essential: false,
    email: {
      tr: {
        subject: 'Oylama açıldı: {title}',
        body: '{title} için {round}. tur oylaması açıldı. Oyunuzu telefonunuzdan kullanabilirsiniz.',
      },
      en: {
        subject: 'Voting is open: {title}',
        body: 'Voting in round {round} of {title} is open. You can cast your vote from your phone.',
      },
    },
    sms: { tr: '{title}: {round}. tur oylamasi acildi.', en: '{title}: voting in round {round} is open.' },
    sample: { title: 'Yürütme Kurulu seçimi 2026', round: 1 },
  },
  'ballot-received': {
    essential: true,
    email: {
      tr: {
        subject: 'Oyunuz alındı',
        body: 'Oyunuz alındı ({round}. tur).\n\nTakip kodunuz: {trackingCode}\n\nBu kodla oyunuzun sayıma girdiğini yayımlanan listeden doğrulayabilirsiniz.',
      },
      en: {
        subject: 'Your ballot was received',
        body: 'Your ballot was received (round {round}).\n\nTracking code: {trackingCode}\n\nWith it you can check in the published list that your ballot was counted.',
      },
    },
    sms: {
      tr: 'Oyunuz alindi. Takip kodu: {trackingCode}',
      en: 'Ballot received. Tracking code: {trackingCode}',
    },
    sample: { round: 1, trackingCode: 'K7Q2-9XFA', electionId: '5d7e0c1a-1b2c-4d3e-8f4a-5b6c7d8e9f00' },
  },
  'result-certified': {
    essential: true,
    email: {
      tr: {
        subject: 'Seçim sonucu kesinleşti',
        body: `${office.tr} seçiminin sonucu kesinleşti: {electedCount, plural, one {# kişi} other {# kişi}} seçildi. Görev süresi {termStart, date, long} – {termEnd, date, long}.{elected, select, yes {\n\nTebrikler, seçilenler arasındasınız.} other {}}`,
      },
      en: {
        subject: 'The election result is certified',
        body: `The result of the election of ${office.en} is certified: {electedCount, plural, one {# person was} other {# people were}} elected. The term runs from {termStart, date, long} to {termEnd, date, long}.{elected, select, yes {\n\nCongratulations, you are among those elected.} other {}}`,
      },
    },
    sample: {
      office: 'executive_board',
      electedCount: 11,
      termStart: '2026-06-01',
      termEnd: '2028-05-31',
      elected: 'no',
    },
  },
  'motion-adopted': {
    essential: false,
    email: {
      tr: {
        subject: 'Önerge kabul edildi: {title}',
        body: 'Genel Kurul "{title}" önergesini {adoptedAt, date, long} tarihinde kabul etti.',
      },
      en: {
        subject: 'Motion adopted: {title}',
        body: 'The General Assembly adopted the motion "{title}" on {adoptedAt, date, long}.',
      },
    },
    sample: { ...motion, adoptedAt: '2026-03-12T15:00:00Z' },
  },
  'motion-sent': {
    essential: false,
    email: {
      tr: {
        subject: 'Önerge belediyeye gönderildi: {title}',
        body: '"{title}" önergesi {sentOn, date, long} tarihinde {letterNumber} sayılı yazıyla belediyeye gönderildi.',
      },
      en: {
        subject: 'Motion sent to the municipality: {title}',
        body: 'The motion "{title}" was sent to the municipality on {sentOn, date, long} with letter {letterNumber}.',
      },
    },
    sample: { ...motion, letterNumber: 'KK-2026/31', sentOn: '2026-03-15' },
  },
  'motion-decided': {
    essential: false,
    email: {
      tr: {
        subject: 'Belediye meclisi önergeyi karara bağladı: {title}',
        body: `Belediye meclisi "{title}" önergesini {decidedOn, date, long} tarihli {decisionNumber} sayılı kararla görüştü: önerge ${municipalOutcome.tr}.`,
      },
      en: {
        subject: 'The municipal council decided a motion: {title}',
        body: `By decision {decisionNumber} of {decidedOn, date, long}, the municipal council considered the motion "{title}": it was ${municipalOutcome.en}.`,
      },
    },
    sample: { ...motion, outcome: 'accepted', decisionNumber: '2026/212', decidedOn: '2026-04-02' },
  },
  'motion-overdue': {
    essential: false,
    email: {
      tr: {
        subject: 'Süresi geçen önerge: {title}',
        body: '{sentOn, date, long} tarihinde gönderilen "{title}" önergesi, belediye meclisinin {firstMeetingOn, date, long} tarihli ilk toplantısının gündemine alınmadı (5393 s. Kanun md. 76).',
      },
      en: {
        subject: 'Overdue motion: {title}',
        body: 'The motion "{title}", sent on {sentOn, date, long}, was not on the agenda of the municipal council\'s first meeting on {firstMeetingOn, date, long} (Law 5393, art. 76).',
      },
    },
    sample: { ...motion, sentOn: '2026-03-15', firstMeetingOn: '2026-04-02' },
  },
  ...ownMotionTemplates,
} as const satisfies Record<string, TemplateDefinition>;

export type TemplateName = keyof typeof templates;

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(templates, name);
}

export function templateOf(name: TemplateName): TemplateDefinition {
  return templates[name];
}
