import { createHash } from 'node:crypto';
import { AppError } from '@konsey/service-kit';
import type { MembershipPrisma } from '../../membership-prisma.js';
import { upsertDocument } from '../data/application-repository.js';
import { allowedDocumentType, DOCUMENT_TYPES, sniffDocumentType } from '../domain/document-type.js';
import type { DocumentView } from '../http/application-schemas.js';
import type { DocumentStorage } from '../storage/document-storage.js';

export interface UploadDocumentOptions {
  prisma: MembershipPrisma;
  storage: DocumentStorage;
  maxBytes: number;
  declaredType: string | undefined;
  content: Buffer;
}

/**
 * Check and keep an uploaded document: an allowed declared type, a size within the limit, and bytes
 * that really are of that type (magic number). Nothing is stored unless every check passes; the
 * same bytes uploaded twice are kept once.
 */
export async function uploadDocument(options: UploadDocumentOptions): Promise<DocumentView> {
  const contentType = assertAllowedType(options.declaredType);
  if (options.content.length > options.maxBytes) throw tooLarge(options.maxBytes);
  if (options.content.length === 0) {
    throw new AppError('validation-failed', {
      detail: 'the document is empty',
      errors: [{ field: 'body', code: 'too_small', message: 'empty document' }],
    });
  }
  const sniffed = sniffDocumentType(options.content);
  if (sniffed !== contentType) {
    throw new AppError('document-content-mismatch', {
      detail: `declared ${contentType}, content is ${sniffed ?? 'none of the allowed types'}`,
      errors: [{ field: 'body', code: 'content-mismatch', message: `the bytes are not ${contentType}` }],
    });
  }
  const sha256 = createHash('sha256').update(options.content).digest('hex');
  await options.storage.put(sha256, options.content, contentType);
  const row = await upsertDocument(options.prisma, {
    sha256,
    contentType,
    sizeBytes: options.content.length,
  });
  return { documentId: row.sha256, contentType: row.contentType, sizeBytes: row.sizeBytes };
}

export function assertAllowedType(declared: string | undefined) {
  const contentType = allowedDocumentType(declared);
  if (!contentType) {
    throw new AppError('document-type-not-allowed', {
      detail: `got ${declared ?? 'no Content-Type'}; allowed: ${DOCUMENT_TYPES.join(', ')}`,
      errors: [
        { field: 'header.content-type', code: 'not-allowed', message: `one of ${DOCUMENT_TYPES.join(', ')}` },
      ],
    });
  }
  return contentType;
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError('document-too-large', {
    detail: `at most ${maxBytes} bytes`,
    errors: [{ field: 'body', code: 'too_big', message: `at most ${maxBytes} bytes` }],
  });
}
