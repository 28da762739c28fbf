import { PassThrough } from 'node:stream';
import { printLogs } from '../src/log-printer.js';

function capture() {
  let text = '';
  const out = new PassThrough() as unknown as NodeJS.WriteStream;
  (out as unknown as PassThrough).on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { out, text: () => text };
}

describe('printLogs', () => {
  it('turns JSON log lines into one readable line each, with the error message but no stack or trace ids', async () => {
    const input = new PassThrough();
    const { out, text } = capture();
    printLogs('elections', 1, input, out);
    input.write(
      `${JSON.stringify({ level: 'warn', msg: 'retrying', time: 't', service: 'elections', trace_id: 'abc', err: { message: 'boom', stack: 'at x' }, attempt: 2 })}\n`,
    );
    input.write('not json at all\n');
    input.end();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(text()).toBe(
      'elections    | WARN  retrying error="boom" attempt=2\nelections    | not json at all\n',
    );
  });
});
