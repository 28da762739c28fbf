import type { ElectionReport, RehearsalReport } from './result-types.js';

/** A plain text table: columns padded to their widest cell. */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join(
    '\n',
  );
}

const mark = (ok: boolean) => (ok ? 'tamam/ok' : 'HATA/FAIL');

function electionSection(e: ElectionReport): string {
  const lines = [
    `■ ${e.ref}: ${e.status} · hazirun/roll ${e.rosterSize} · doğrulandı/verified ${e.verified ? 'evet/yes' : 'hayır/no'}`,
  ];
  lines.push(
    table(
      ['aday / candidate', 'uygun / eligible', 'gerekçe / reasons'],
      e.candidates.map((c) => [c.ref, c.eligible ? 'evet/yes' : 'hayır/no', c.reasons.join(', ')]),
    ),
  );
  for (const r of e.rounds) {
    lines.push(
      `  ${r.round}. tur / round ${r.round} (${r.purpose}): oy/cast ${r.ballotsCast}, boş/blank ${r.blank}, sonuç/outcome ${r.outcome}, kayıt/record ${r.verified ? 'doğrulandı/verified' : `doğrulanmadı/not verified (${r.verifierOutput.slice(0, 120)})`}`,
    );
    lines.push(
      table(
        ['aday / candidate', 'oy / votes'],
        [...r.totals].sort((a, b) => b.votes - a.votes).map((t) => [t.ref, t.votes]),
      ),
    );
    for (const d of r.droppedChoices)
      lines.push(
        `  ! ${d.ref}: ${d.ballots} oy pusulasından çıkarıldı (oy pusulasında değil) / dropped from ${d.ballots} ballot(s) (not on the ballot)`,
      );
  }
  if (e.elected.length)
    lines.push(
      table(
        ['liste / list', 'sıra / #', 'üye / member', 'cinsiyet / gender', 'oy / votes'],
        [
          ...e.elected.map((p, i) => ['asil/full', i + 1, p.ref, p.gender, p.votes] as const),
          ...e.substitutes.map((p, i) => ['yedek/substitute', i + 1, p.ref, p.gender, p.votes] as const),
        ],
      ),
    );
  for (const d of e.displacements)
    lines.push(
      `  ⇄ eşitlik / parity (${d.code}): ${d.passedOver.ref} (${d.passedOver.votes}) yerine/instead ${d.inFavourOf.ref} (${d.inFavourOf.votes})`,
    );
  for (const s of e.shortfalls)
    lines.push(`  ⚠ eksik aday / shortfall: ${s.seat} ${s.gender} −${s.missing} → ${s.resolution}`);
  for (const t of e.tieBreaks)
    lines.push(
      `  🎲 kura / lot: seed ${t.seed}, eşit/tied ${t.tied.join(', ')} → ${t.order.join(', ')} (yeniden çekildi/redrawn: ${t.reproduced ? 'aynı/same' : 'FARKLI/DIFFERENT'})`,
    );
  lines.push(
    `  sonuç özeti / result hash ${e.recordHash ?? '—'} · onaylayan / certified by ${e.certifiedBy.join(', ') || '—'}`,
  );
  if (e.roundsUnused)
    lines.push(
      `  senaryonun ${e.roundsUnused} turu gerekmedi / ${e.roundsUnused} scenario round(s) not needed`,
    );
  if (e.error) lines.push(`  HATA / ERROR: ${e.error}`);
  return lines.join('\n');
}

/** The readable report: steps, elections, motions, notifications, phases. */
export function textReport(report: RehearsalReport): string {
  const out: string[] = [
    `Genel Kurul provası / General Assembly rehearsal — ${report.council} (${report.members} üye/members)`,
    `Senaryo / scenario: ${report.scenario} · süre / took ${report.seconds} s · ${report.suite.postgres} · ${report.suite.redis}`,
    '',
    table(
      ['adım / step', 'durum / status', 's', 'ayrıntı / detail'],
      report.steps.map((s) => [s.step, mark(s.ok), s.seconds, (s.detail ?? '').slice(0, 140)]),
    ),
    '',
    ...report.elections.flatMap((e) => [electionSection(e), '']),
  ];
  if (report.motions.length)
    out.push(
      table(
        ['önerge / motion', 'durum / state', 'oylama / poll', 'belediye / municipality', 'hata / error'],
        report.motions.map((m) => [
          m.ref,
          m.state,
          m.poll ? `${m.poll.yes}/${m.poll.no}/${m.poll.abstain} ${m.poll.outcome}` : '—',
          m.municipalOutcome ?? '—',
          m.error ?? '',
        ]),
      ),
      '',
    );
  if (report.notifications)
    out.push(
      `Bildirimler / notifications: ${report.notifications.sent}${report.notifications.capped ? '+' : ''} gönderildi/sent, ${report.notifications.failed} başarısız/failed, ${report.notifications.mailsReceived ?? '—'} e-posta alındı/mails received, ${report.notifications.smsReceived ?? '—'} SMS`,
      table(['olay / event', 'adet / count'], Object.entries(report.notifications.byEvent).sort()),
      ...report.notifications.missingEvents.map(
        (event) => `  ⚠ kimseye bildirilmedi / nobody was notified of: ${event}`,
      ),
      ...Object.entries(report.notifications.failures).map(
        ([what, n]) => `  ! başarısız / failed ×${n}: ${what}`,
      ),
      '',
    );
  if (report.phases.length)
    out.push(
      table(
        ['evre / phase', 'istek / requests', 's', 'istek/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
        report.phases.map((p) => [
          p.phase,
          p.requests,
          p.seconds,
          p.perSecond,
          p.p50Ms,
          p.p95Ms,
          p.p99Ms,
          p.maxMs,
        ]),
      ),
      '',
    );
  out.push(
    report.ok
      ? 'SONUÇ / RESULT: her adım başarılı, her kayıt doğrulandı / every step succeeded, every record verified'
      : 'SONUÇ / RESULT: BAŞARISIZ / FAILED (yukarıya bakın / see above)',
  );
  return out.join('\n');
}
