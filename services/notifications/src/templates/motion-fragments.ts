/** Pieces shared by the motion templates (ICU MessageFormat; select keys cannot hold hyphens). */

export const municipalOutcome = {
  tr: '{outcome, select, accepted {kabul edildi} rejected {reddedildi} amended {değiştirilerek kabul edildi} other {komisyona havale edildi}}',
  en: '{outcome, select, accepted {accepted} rejected {rejected} amended {accepted with amendments} other {referred to a commission}}',
};

export const sampleMotion = {
  motionId: '7f1c2c1e-3a51-4a7e-9d7e-3f0f4c1e9a10',
  title: 'Kordon bisiklet yolu',
  topic: 'transport',
};

/** How the recipient stands to the motion: `role` is submitter, co_sponsor or body (its origin body's member). */
export const whoseMotion = {
  tr: '{role, select, submitter {Sunduğunuz} co_sponsor {Ortak imzacısı olduğunuz} other {Üyesi olduğunuz kurulun sunduğu}} "{title}" önergesi',
  en: 'The motion "{title}" {role, select, submitter {that you submitted} co_sponsor {that you co-signed} other {of the assembly or working group you belong to}}',
};

export const motionReference = { tr: '\n\nÖnerge numarası: {motionId}', en: '\n\nMotion number: {motionId}' };
