/**
 * Made-up but well-formed applicant data: TC Kimlik numbers that pass the checksum, phone numbers, a
 * tiny PDF for the documents an institution attaches. Deterministic from the member's position.
 */

/** A valid TC Kimlik No (11 digits, first not 0, the two check digits of the national rule). */
export function tcKimlikNo(index: number, offset = 0): string {
  const base = String(100_000_000 + ((index * 7_919 + 12_345 + offset) % 899_999_999)).slice(0, 9);
  const d = base.split('').map(Number);
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  const d10 = (((odd * 7 - even) % 10) + 10) % 10;
  const d11 = (d.reduce((a, b) => a + b, 0) + d10) % 10;
  return `${base}${d10}${d11}`;
}

export function phoneOf(index: number): string {
  return `+90 532 ${String(100 + (index % 900)).padStart(3, '0')} ${String(10 + ((index * 7) % 90))} ${String(10 + ((index * 13) % 90))}`;
}

/** A minimal one-page PDF naming what it stands for (content-addressed by the service, so unique per text). */
export function pdfOf(text: string): Uint8Array {
  const safe = text.replace(/[()\\]/g, ' ').replace(/[^\x20-\x7e]/g, '?');
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 100]>>endobj\n% ${safe}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
