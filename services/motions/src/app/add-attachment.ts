import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '@konsey/service-kit';
import type { Actor } from '../domain/actor.js';
import type { MotionsPrisma } from '../motions-prisma.js';
import type { AttachmentStorage } from '../storage/attachment-storage.js';

export interface AttachmentLimits {
  maxBytes: number;
  mediaTypes: readonly string[];
}

/** States in which the motion's papers may still grow. */
const OPEN_STATES = ['draft', 'returned', 'submitted', 'under-review'];

/** Attach a file to a motion (its submitter or the Executive Board), stored by its hash. */
export async function addAttachment(
  options: { prisma: MotionsPrisma; storage: AttachmentStorage; limits: AttachmentLimits },
  input: { actor: Actor; motionId: string; fileName: string; mediaType: string | undefined; content: Buffer },
): Promise<{ id: string; sha256: string; sizeBytes: number }> {
  const mediaType = input.mediaType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!options.limits.mediaTypes.includes(mediaType))
    throw new AppError('attachment-rejected', {
      detail: `content-type must be one of: ${options.limits.mediaTypes.join(', ')}`,
    });
  if (input.content.length === 0 || input.content.length > options.limits.maxBytes)
    throw new AppError('attachment-rejected', {
      detail: `the file must have 1 to ${options.limits.maxBytes} bytes`,
    });
  const motion = await options.prisma.motion.findUnique({ where: { id: input.motionId } });
  if (!motion) throw new AppError('not-found', { detail: `motion ${input.motionId}` });
  if (motion.submitterId !== input.actor.id && !input.actor.roles.includes('executive-board'))
    throw new AppError('not-submitter', {
      detail: 'only the submitter or the Executive Board attaches files',
    });
  if (!OPEN_STATES.includes(motion.state))
    throw new AppError('illegal-transition', {
      detail: `files are attached while the motion is ${OPEN_STATES.join(', ')}`,
    });
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  await options.storage.put(sha256, input.content);
  const id = randomUUID();
  await options.prisma.motionAttachment.create({
    data: {
      id,
      motionId: motion.id,
      fileName: input.fileName,
      mediaType,
      sizeBytes: input.content.length,
      sha256,
      uploadedBy: input.actor.id,
    },
  });
  return { id, sha256, sizeBytes: input.content.length };
}
