/** Document types an applicant may upload: scans of signed, stamped papers. */
export const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

const SIGNATURES: Record<DocumentType, readonly number[]> = {
  // "%PDF-"
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  // PNG signature
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  // SOI marker followed by the start of another marker
  'image/jpeg': [0xff, 0xd8, 0xff],
};

/** The declared media type without parameters, if it is one of the allowed ones. */
export function allowedDocumentType(header: string | undefined): DocumentType | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return DOCUMENT_TYPES.find((allowed) => allowed === type);
}

/** The type the content's first bytes (magic number) show, whatever the header claimed. */
export function sniffDocumentType(content: Uint8Array): DocumentType | undefined {
  return DOCUMENT_TYPES.find((type) => SIGNATURES[type].every((byte, index) => content[index] === byte));
}
