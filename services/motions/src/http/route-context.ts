import type { AppError } from '@konsey/service-kit';
import type { MotionContext } from '../app/motion-context.js';
import type { AttachmentLimits } from '../app/add-attachment.js';
import type { AttachmentStorage } from '../storage/attachment-storage.js';

/** What the routes share: the use-case context, the attachment store and the letter's heading. */
export interface MotionRoutesContext extends MotionContext {
  storage: AttachmentStorage;
  limits: AttachmentLimits;
  councilName: string;
  municipalityName: string;
  publicBaseUrl: string | undefined;
  /** Today in the council's time zone (tests move it). */
  today: () => string;
}

export type { AppError };
