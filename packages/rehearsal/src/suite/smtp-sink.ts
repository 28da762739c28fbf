import { SMTPServer } from 'smtp-server';

/** One e-mail the suite sent, as the sink received it. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  /** Every text part, transfer-decoded. */
  text: string;
  at: number;
}

/** Undo quoted-printable or base64 transfer encoding of one MIME part. */
function decodePart(encoding: string, data: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(data.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const bytes = data
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return data;
}

/** The text of a raw message: every part, decoded (enough to find a one-time code). */
export function textOfMessage(raw: string): { subject: string; text: string } {
  const subject = /^Subject: *(.*)$/im.exec(raw)?.[1]?.trim() ?? '';
  const parts: string[] = [];
  const partPattern = /Content-Transfer-Encoding: *([\w-]+)[^]*?\r?\n\r?\n([^]*?)(?=\r?\n--|$)/gi;
  for (const match of raw.matchAll(partPattern)) parts.push(decodePart(match[1]!, match[2]!));
  if (parts.length === 0)
    parts.push(
      raw
        .split(/\r?\n\r?\n/)
        .slice(1)
        .join('\n\n'),
    );
  return { subject, text: parts.join('\n') };
}

/**
 * A local SMTP server that keeps what it receives, so the rehearsal can read members' one-time sign-in
 * codes the way a member reads their inbox. No TLS, no authentication: it listens on 127.0.0.1 only.
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly server: SMTPServer;

  private constructor(readonly port: number) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 5 * 1024 * 1024,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const { subject, text } = textOfMessage(Buffer.concat(chunks).toString('latin1'));
          this.mails.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject,
            text,
            at: Date.now(),
          });
          for (const wake of [...this.waiters]) wake();
          callback();
        });
      },
    });
  }

  static async start(port: number): Promise<SmtpSink> {
    const sink = new SmtpSink(port);
    await new Promise<void>((resolve, reject) => {
      sink.server.once('error', reject);
      sink.server.listen(port, '127.0.0.1', () => resolve());
    });
    return sink;
  }

  /** Wait for the first mail to `to` received after `since` that `match` accepts. */
  async waitFor(
    to: string,
    match: (mail: ReceivedMail) => boolean,
    options: { since?: number; timeoutMs?: number } = {},
  ): Promise<ReceivedMail> {
    const since = options.since ?? 0;
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    const address = to.toLowerCase();
    for (;;) {
      const found = this.mails.find((m) => m.at >= since && m.to.includes(address) && match(m));
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`${to} adresine beklenen e-posta gelmedi / no expected e-mail reached ${to}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(left, 1_000));
        this.waiters.add(wake);
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The six-digit code of a sign-in-code e-mail (Turkish or English template). */
export function signInCodeOf(mail: ReceivedMail): string | undefined {
  return /(?:giriş kodunuz|sign-in code): *(\d{6})/i.exec(mail.text)?.[1];
}
