import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { turkishDate } from '../domain/calendar-date.js';

const require = createRequire(import.meta.url);
/** DejaVu Sans covers Turkish (ğ, ş, ı, İ); the PDF standard fonts do not. */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export interface OfficialLetter {
  councilName: string;
  municipalityName: string;
  letterNumber: string;
  letterDate: string;
  motionNumber: number;
  title: string;
  text: string;
  gaMeetingOn: string | undefined;
  votes: { yes: number; no: number; abstain: number; present: number } | undefined;
}

/** The official letter (resmi yazı) that carries a General Assembly decision to the municipality, as a PDF. */
export function renderOfficialLetter(letter: OfficialLetter): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 64,
    info: { Title: `${letter.councilName} — ${letter.letterNumber}`, Author: letter.councilName },
  });
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('bold').fontSize(14).text(letter.councilName.toLocaleUpperCase('tr-TR'), { align: 'center' });
  doc.moveDown();
  doc.font('regular').fontSize(10);
  doc
    .text(`Sayı: ${letter.letterNumber}`, { continued: true })
    .text(`Tarih: ${turkishDate(letter.letterDate)}`, { align: 'right' });
  doc.text(`Konu: Genel Kurul kararı (önerge no. ${letter.motionNumber})`);
  doc.moveDown();
  doc.font('bold').text(letter.municipalityName.toLocaleUpperCase('tr-TR'), { align: 'center' });
  doc.moveDown();
  doc.font('regular').fontSize(11);
  const meeting = letter.gaMeetingOn ? `${turkishDate(letter.gaMeetingOn)} tarihli ` : '';
  const votes = letter.votes
    ? ` (hazır bulunan ${letter.votes.present} üyeden ${letter.votes.yes} kabul, ${letter.votes.no} ret, ${letter.votes.abstain} çekimser oyla)`
    : '';
  doc.text(
    `Kent Konseyimizin ${meeting}Genel Kurulunda görüşülen “${letter.title}” başlıklı önerge${votes} kabul edilmiştir. ` +
      'Kararın, 5393 sayılı Belediye Kanunu’nun 76. maddesi uyarınca Belediye Meclisinin ilk toplantısının gündemine ' +
      'alınarak değerlendirilmesini arz ederiz.',
    { align: 'justify' },
  );
  doc.moveDown();
  doc.font('bold').text('Karar metni:');
  doc.font('regular').text(letter.text, { align: 'justify' });
  doc.moveDown(2);
  doc.text(`${letter.councilName} Yürütme Kurulu adına`, { align: 'right' });
  doc.end();
  return done;
}
