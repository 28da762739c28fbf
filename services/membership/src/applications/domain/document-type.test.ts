import { allowedDocumentType, sniffDocumentType } from './document-type.js';

describe('document types', () => {
  it('reads the declared type without parameters and case', () => {
    expect(allowedDocumentType('application/pdf')).toBe('application/pdf');
    expect(allowedDocumentType('IMAGE/PNG; charset=binary')).toBe('image/png');
    expect(allowedDocumentType('image/gif')).toBeUndefined();
    expect(allowedDocumentType(undefined)).toBeUndefined();
  });

  it('knows a file by its first bytes', () => {
    expect(sniffDocumentType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffDocumentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(sniffDocumentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffDocumentType(Buffer.from('GIF89a'))).toBeUndefined();
    expect(sniffDocumentType(Buffer.from('%PD'))).toBeUndefined();
    expect(sniffDocumentType(Buffer.alloc(0))).toBeUndefined();
  });
});
