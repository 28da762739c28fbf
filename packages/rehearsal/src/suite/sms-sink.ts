import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';

/** One text message the suite sent through its HTTP SMS provider. */
export interface ReceivedSms {
  to: string;
  text: string;
  at: number;
}

/**
 * A local stand-in for the SMS provider that notifications posts to (`POST {to, text, sender, reference}`
 * with a bearer credential, answered 200 with an id), so that members' SMS are delivered, not failed.
 */
export class SmsSink {
  readonly messages: ReceivedSms[] = [];
  readonly token = randomUUID();
  private readonly server: Server;

  private constructor(readonly port: number) {
    this.server = createServer((req, res) => {
      if (req.method !== 'POST' || req.headers.authorization !== `Bearer ${this.token}`) {
        res.writeHead(req.method !== 'POST' ? 405 : 401).end();
        return;
      }
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        try {
          const message = JSON.parse(body) as { to?: unknown; text?: unknown };
          this.messages.push({ to: String(message.to), text: String(message.text), at: Date.now() });
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ id: randomUUID() }));
        } catch {
          res.writeHead(400).end();
        }
      });
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/sms`;
  }

  static async start(port: number): Promise<SmsSink> {
    const sink = new SmsSink(port);
    await new Promise<void>((resolve, reject) => {
      sink.server.once('error', reject);
      sink.server.listen(port, '127.0.0.1', () => resolve());
    });
    return sink;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
