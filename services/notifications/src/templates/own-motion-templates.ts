import { motionReference, municipalOutcome, sampleMotion, whoseMotion } from './motion-fragments.js';
import type { TemplateDefinition } from './template-definition.js';

const sample = { ...sampleMotion, role: 'submitter' };

/**
 * What the people a motion comes from hear of it: its submitter, its co-signers and, for a motion of an
 * assembly or working group, that body's members (`role` says which; see recipients-table.ts).
 */
export const ownMotionTemplates = {
  'own-motion-submitted': {
    essential: false,
    email: {
      tr: {
        subject: 'Önergeniz Yürütme Kuruluna sunuldu: {title}',
        body: `${whoseMotion.tr} {submittedAt, date, long} tarihinde Yürütme Kuruluna sunuldu ({revision}. metin). Yürütme Kurulunun kararını size bildireceğiz.${motionReference.tr}`,
      },
      en: {
        subject: 'Your motion was submitted to the Executive Board: {title}',
        body: `${whoseMotion.en} is now before the Executive Board (submitted on {submittedAt, date, long}, text no. {revision}). We will tell you what the Board decides.${motionReference.en}`,
      },
    },
    sample: { ...sample, revision: 1, submittedAt: '2026-03-02T10:00:00Z' },
  },
  'own-motion-returned': {
    essential: false,
    email: {
      tr: {
        subject: 'Önergeniz düzeltilmek üzere iade edildi: {title}',
        body: `${whoseMotion.tr} {returnedAt, date, long} tarihinde Yürütme Kurulunca düzeltilmek üzere iade edildi.\n\nGerekçeler:\n{reasons}\n\n{role, select, submitter {Önergeyi bu gerekçeler doğrultusunda düzeltip yeniden sunabilirsiniz; düzeltmeden önceki metin de saklanır.} other {Önergeyi sunan üye onu düzeltip yeniden sunabilir.}}${motionReference.tr}`,
      },
      en: {
        subject: 'Your motion was returned for changes: {title}',
        body: `${whoseMotion.en} was returned for changes by the Executive Board on {returnedAt, date, long}.\n\nReasons:\n{reasons}\n\n{role, select, submitter {You can revise the motion in the light of these reasons and submit it again; the earlier text is kept.} other {The member who submitted it can revise it and submit it again.}}${motionReference.en}`,
      },
    },
    sms: {
      tr: 'Kent Konseyi: onergeniz {returnedAt, date, long} tarihinde duzeltilmek uzere iade edildi. Gerekceler e-postanizda.',
      en: 'City Council: your motion was returned for changes on {returnedAt, date, long}. The reasons are in your e-mail.',
    },
    sample: {
      ...sample,
      reasons: '• Gerekçe bölümü maliyet tahmini içermiyor.',
      returnedAt: '2026-03-05T14:00:00Z',
    },
  },
  'own-motion-rejected': {
    essential: false,
    email: {
      tr: {
        subject: 'Önergeniz kabul edilmedi: {title}',
        body: `${whoseMotion.tr} {rejectedAt, date, long} tarihinde {stage, select, review {Yürütme Kurulunca reddedildi.\n\nGerekçeler:\n{reasons}} other {Genel Kurul oylamasında kabul edilmedi.}}${motionReference.tr}`,
      },
      en: {
        subject: 'Your motion was not adopted: {title}',
        body: `${whoseMotion.en} was {stage, select, review {rejected by the Executive Board} other {not adopted by the General Assembly's vote}} on {rejectedAt, date, long}.{stage, select, review {\n\nReasons:\n{reasons}} other {}}${motionReference.en}`,
      },
    },
    sample: {
      ...sample,
      stage: 'review',
      reasons: '• Konu belediyenin görev alanında değil.',
      rejectedAt: '2026-03-05T14:00:00Z',
    },
  },
  'own-motion-merged': {
    essential: false,
    email: {
      tr: {
        subject: 'Önergeniz başka bir önergeyle birleştirildi: {title}',
        body: `${whoseMotion.tr} {mergedAt, date, long} tarihinde Yürütme Kurulunca "{mergedIntoTitle}" önergesiyle birleştirildi. Bundan sonra o önerge üzerinden görüşülecek.\n\nBirleştirildiği önergenin numarası: {mergedIntoId}${motionReference.tr}`,
      },
      en: {
        subject: 'Your motion was merged into another motion: {title}',
        body: `${whoseMotion.en} was merged by the Executive Board on {mergedAt, date, long} into the motion "{mergedIntoTitle}", which carries it on from now.\n\nNumber of the motion it was merged into: {mergedIntoId}${motionReference.en}`,
      },
    },
    sample: {
      ...sample,
      mergedIntoTitle: 'İzmir kıyı bandında bisiklet ağı',
      mergedIntoId: '0d3f5a20-6c1b-4e7f-8a90-b1c2d3e4f5a6',
      mergedAt: '2026-03-05T14:00:00Z',
    },
  },
  'own-motion-scheduled': {
    essential: false,
    email: {
      tr: {
        subject: 'Önergeniz Genel Kurul gündeminde: {title}',
        body: `${whoseMotion.tr}, {meetingOn, date, long} tarihindeki Genel Kurul toplantısının gündemine {position}. sırada alındı.${motionReference.tr}`,
      },
      en: {
        subject: 'Your motion is on the General Assembly agenda: {title}',
        body: `${whoseMotion.en} is item {position} on the agenda of the General Assembly meeting on {meetingOn, date, long}.${motionReference.en}`,
      },
    },
    sample: { ...sample, meetingOn: '2026-04-18', position: 3 },
  },
  'own-motion-withdrawn': {
    essential: false,
    email: {
      tr: {
        subject: 'Önergeniz geri çekildi: {title}',
        body: `${whoseMotion.tr} {withdrawnAt, date, long} tarihinde geri çekildi. Önerge üzerinde bundan sonra işlem yapılmayacak; bir Genel Kurul toplantısının gündemindeyse gündemden çıkarıldı.\n\n{role, select, submitter {Önergeyi siz geri çekmediyseniz Yürütme Kurulundan bilgi alabilirsiniz. Geri çekilen önerge yeniden sunulamaz; konuyu yeniden gündeme getirmek isterseniz yeni bir önerge hazırlayabilirsiniz.} other {Geri çekilen önerge yeniden sunulamaz; konu yeniden gündeme getirilmek istenirse yeni bir önerge hazırlanabilir. Ayrıntıları önergeyi sunan üyeden ya da Yürütme Kurulundan öğrenebilirsiniz.}}${motionReference.tr}`,
      },
      en: {
        subject: 'Your motion was withdrawn: {title}',
        body: `${whoseMotion.en} was withdrawn on {withdrawnAt, date, long}. No further steps will be taken on it; if it was on the agenda of a General Assembly meeting, it has been taken off.\n\n{role, select, submitter {If you did not withdraw it yourself, you can ask the Executive Board about it. A withdrawn motion cannot be submitted again; to raise the matter again, you can draft a new motion.} other {A withdrawn motion cannot be submitted again; to raise the matter again, a new motion can be drafted. The member who submitted it or the Executive Board can tell you more.}}${motionReference.en}`,
      },
    },
    sample: { ...sample, withdrawnAt: '2026-03-06T09:30:00Z' },
  },
  'own-motion-adopted': {
    essential: false,
    email: {
      tr: {
        subject: 'Önergeniz Genel Kurulda kabul edildi: {title}',
        body: `${whoseMotion.tr} {adoptedAt, date, long} tarihinde Genel Kurulda kabul edildi. Yürütme Kurulu önergeyi resmi yazıyla belediyeye gönderecek; gönderildiğinde size bildireceğiz.${motionReference.tr}`,
      },
      en: {
        subject: 'Your motion was adopted by the General Assembly: {title}',
        body: `${whoseMotion.en} was adopted by the General Assembly on {adoptedAt, date, long}. The Executive Board will send it to the municipality with an official letter; we will tell you when it does.${motionReference.en}`,
      },
    },
    sample: { ...sample, adoptedAt: '2026-04-18T15:00:00Z' },
  },
  'own-motion-sent': {
    essential: false,
    email: {
      tr: {
        subject: 'Önergeniz belediyeye gönderildi: {title}',
        body: `${whoseMotion.tr} {sentOn, date, long} tarihli {letterNumber} sayılı yazıyla belediyeye gönderildi. Belediye meclisi önergeyi ilk toplantısında gündemine almalıdır (5393 s. Kanun md. 76); kararı size bildireceğiz.${motionReference.tr}`,
      },
      en: {
        subject: 'Your motion was sent to the municipality: {title}',
        body: `${whoseMotion.en} was sent to the municipality with letter {letterNumber} of {sentOn, date, long}. The municipal council must put it on the agenda of its first meeting (Law 5393, art. 76); we will tell you its decision.${motionReference.en}`,
      },
    },
    sample: { ...sample, letterNumber: 'KK-2026/31', sentOn: '2026-04-21' },
  },
  'own-motion-decided': {
    essential: false,
    email: {
      tr: {
        subject: 'Belediye meclisi önergenizi görüştü: {title}',
        body: `${whoseMotion.tr} belediye meclisinin {decidedOn, date, long} tarihli {decisionNumber} sayılı kararıyla ${municipalOutcome.tr}.${motionReference.tr}`,
      },
      en: {
        subject: 'The municipal council considered your motion: {title}',
        body: `By decision {decisionNumber} of the municipal council of {decidedOn, date, long}, ${whoseMotion.en.replace('The motion', 'the motion')} was ${municipalOutcome.en}.${motionReference.en}`,
      },
    },
    sample: { ...sample, outcome: 'accepted', decisionNumber: '2026/212', decidedOn: '2026-05-06' },
  },
  'own-motion-overdue': {
    essential: false,
    email: {
      tr: {
        subject: 'Önergeniz belediye meclisinin ilk toplantısında görüşülmedi: {title}',
        body: `${whoseMotion.tr} {sentOn, date, long} tarihinde belediyeye gönderildi, ancak belediye meclisinin {firstMeetingOn, date, long} tarihli ilk toplantısının gündemine alınmadı (5393 s. Kanun md. 76). Yürütme Kuruluna da bildirildi.${motionReference.tr}`,
      },
      en: {
        subject: 'Your motion was not taken up at the municipal council’s first meeting: {title}',
        body: `${whoseMotion.en} was sent to the municipality on {sentOn, date, long} but was not on the agenda of the municipal council’s first meeting on {firstMeetingOn, date, long} (Law 5393, art. 76). The Executive Board has been told as well.${motionReference.en}`,
      },
    },
    sample: { ...sample, sentOn: '2026-04-21', firstMeetingOn: '2026-05-06' },
  },
} as const satisfies Record<string, TemplateDefinition>;
