import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ElectionRecord } from './election-record.js';

const require = createRequire(import.meta.url);
/** DejaVu Sans draws ğ, ş, ı, İ, which the standard PDF fonts cannot. */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

interface StoredTotal {
  memberId: string;
  votes: number;
}
interface StoredReason {
  tr?: string;
}
interface StoredPlace {
  memberId: string;
  seat: string;
  rank: number;
  votes: number;
}
interface StoredLot {
  seed: string;
  order: string[];
  keys: Record<string, string>;
}
interface StoredDisplacement {
  seat: string;
  passedOver: { candidateId: string; votes: number };
  inFavourOf: { candidateId: string; votes: number };
  reason: StoredReason;
}

const PURPOSE: Record<string, string> = {
  first: 'İlk tur',
  'president-round-2': 'Başkanlık 2. tur',
  'president-round-3': 'Başkanlık 3. tur',
  revote: 'Yeniden oylama',
};

/**
 * The minutes (tutanak) of an election as a printable PDF: the roll size, each round with ballots cast
 * and per-candidate totals, the elected lists, parity displacements, tie-breaks with their seed, and
 * the committee's approvals with the result's SHA-256.
 */
export async function renderMinutes(record: ElectionRecord): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `Seçim tutanağı: ${record.election.title}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('text', FONT);
  doc.registerFont('bold', BOLD);
  const names = new Map(record.roll.members.map((member) => [member.memberId, member.displayName]));
  const who = (id: string) => (names.has(id) ? `${names.get(id)} (${id})` : id);
  const heading = (text: string) =>
    doc.moveDown(0.6).font('bold').fontSize(12).text(text).font('text').fontSize(10);
  const line = (text: string) => doc.text(text);
  const { election } = record;

  doc.font('bold').fontSize(16).text('SEÇİM TUTANAĞI / ELECTION MINUTES');
  doc.font('text').fontSize(10);
  line(`Seçim: ${election.title}`);
  line(`Görev: ${election.office} · Kurul: ${election.bodyId}`);
  line(
    `Dönem: ${election.term.periodStart} yerel dönemi, ${election.term.term}. dönem (${election.term.start} – ${election.term.end})`,
  );
  line(
    `Oylama günü: ${election.schedule.votingDay} · İlan: ${election.schedule.announcedOn ?? '—'} · Durum: ${election.status}`,
  );
  line(
    `Usul: ${election.settings.method}, ${election.settings.seats} asil, ${election.settings.substituteSeats} yedek, en çok ${election.settings.maxChoices} işaret, eşitlik: ${JSON.stringify(election.settings.parity)}, eşitlik bozma: ${election.settings.tieBreak}`,
  );

  heading('Hazirun listesi / Roll');
  line(
    `Hazirun sayısı (üye tam sayısı): ${record.roll.size ?? '—'} · Kesinleşme: ${record.roll.frozenAt ?? '—'}`,
  );

  heading('Adaylar / Candidates');
  for (const candidacy of record.candidacies)
    line(`${who(candidacy.memberId)}: ${candidacy.status}, ${candidacy.eligible ? 'uygun' : 'uygun değil'}`);

  for (const round of record.rounds) {
    heading(`${round.round}. oylama: ${PURPOSE[round.purpose] ?? round.purpose}`);
    line(
      `Kullanılan oy: ${round.ballotsCast ?? '—'} · Boş: ${round.blankBallots ?? '—'} · Geçersiz: ${round.invalidBallots ?? '—'} · Hazır: ${round.present ?? '—'}`,
    );
    for (const total of (round.totals as StoredTotal[] | null) ?? [])
      line(`  ${who(total.memberId)}: ${total.votes} oy`);
    const reason = (round.decision as { detail?: { reason?: StoredReason } } | null)?.detail?.reason?.tr;
    if (reason) line(`Karar: ${reason}`);
  }

  const content = record.result?.content as
    | {
        elected: StoredPlace[];
        displacements: StoredDisplacement[];
        lots: StoredLot[];
        vacancies: { reason?: StoredReason }[];
        nobodyElected?: StoredReason;
        lotSeed: string;
      }
    | undefined;
  if (content) {
    heading('Sonuç / Result');
    if (content.elected.length === 0)
      line(
        content.nobodyElected?.tr ??
          'Kimse seçilmedi; bütün yerler boş. elections.result.certified olayı yayımlanmaz; yeniden seçim yeni bir seçimdir.',
      );
    for (const place of content.elected)
      line(
        `${place.seat === 'full' ? 'Asil' : 'Yedek'} ${place.rank}. sıra: ${who(place.memberId)} (${place.votes} oy)`,
      );
    if (content.vacancies.length > 0) line(`Boş kalan yer sayısı: ${content.vacancies.length}`);
    for (const vacancy of content.vacancies) if (vacancy.reason?.tr) line(`  ${vacancy.reason.tr}`);
    heading('Cinsiyet eşitliği kaydırmaları / Parity displacements');
    if (content.displacements.length === 0) line('Yok.');
    for (const displacement of content.displacements)
      line(
        `${who(displacement.passedOver.candidateId)} (${displacement.passedOver.votes} oy) yerine ${who(displacement.inFavourOf.candidateId)} (${displacement.inFavourOf.votes} oy): ${displacement.reason.tr ?? ''}`,
      );
    heading('Kura / Tie-breaks');
    line(`Kura tohumu (oylamadan önce sabitlendi): ${content.lotSeed}`);
    line(`Tohumun SHA-256 özeti: ${election.lotSeedSha256}`);
    if (content.lots.length === 0) line('Kura çekilmedi.');
    for (const lot of content.lots)
      line(`Kura sırası: ${lot.order.map((id) => `${who(id)} [${lot.keys[id]}]`).join(' → ')}`);
    heading('Sonucun özeti / Result hash');
    line(`SHA-256: ${record.result?.sha256}`);
  }

  heading(
    `Seçim kurulu onayları / Committee approvals (${record.approvals.length}/${election.committee.threshold})`,
  );
  if (record.approvals.length === 0) line('Henüz onay yok.');
  for (const approval of record.approvals)
    line(`${who(approval.memberId)} · ${approval.approvedAt} · SHA-256 ${approval.resultSha256}`);
  if (election.certifiedAt) line(`Kesinleşme: ${election.certifiedAt}`);
  if (election.certifiedAt && content?.elected.length === 0)
    line(
      'Kimse seçilmeden kesinleşti: bütün yerler boş; sonuç olayı (elections.result.certified) yayımlanmadı.',
    );
  doc.end();
  return done;
}
