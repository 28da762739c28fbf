import { describe, expect, it } from '@jest/globals';
import { createLogger } from '../src/logging/create-logger.js';
import { closeInOrder } from '../src/runtime/close-in-order.js';

interface LogLine {
  level: string;
  msg: string;
  step?: string;
  err?: { message: string };
}

function capturingLogger(): { logger: ReturnType<typeof createLogger>; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = createLogger({
    service: 'test',
    level: 'info',
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
  });
  return { logger, lines };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('closeInOrder', () => {
  it('when every step closes, then the steps run one after another in the given order', async () => {
    const { logger, lines } = capturingLogger();
    const events: string[] = [];
    const step = (name: string) =>
      [
        name,
        async () => {
          events.push(`${name} start`);
          await tick();
          events.push(`${name} end`);
        },
      ] as const;

    await closeInOrder(logger, 5_000, [step('http'), step('workers'), step('queues'), step('database')]);

    expect(events).toEqual([
      'http start',
      'http end',
      'workers start',
      'workers end',
      'queues start',
      'queues end',
      'database start',
      'database end',
    ]);
    expect(lines.filter((line) => line.level === 'warn')).toEqual([]);
    expect(lines.at(-1)).toMatchObject({ level: 'info', msg: 'stopped' });
  });

  it('when a step never resolves, then the timeout cuts it off, it is logged, and the later steps still run', async () => {
    const { logger, lines } = capturingLogger();
    const events: string[] = [];

    await closeInOrder(logger, 50, [
      ['http', async () => void events.push('http')],
      ['stuck workers', () => new Promise<never>(() => events.push('stuck workers'))],
      ['queues', async () => void events.push('queues')],
      ['database', () => void events.push('database')],
    ]);

    expect(events).toEqual(['http', 'stuck workers', 'queues', 'database']);
    const warnings = lines.filter((line) => line.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ step: 'stuck workers', msg: 'shutdown step failed' });
    expect(warnings[0]!.err?.message).toContain('stuck workers did not close within the shutdown timeout');
    expect(lines.at(-1)).toMatchObject({ msg: 'stopped' });
  });

  it('when a step rejects or throws, then it is logged and the later steps still run', async () => {
    const { logger, lines } = capturingLogger();
    const events: string[] = [];

    await closeInOrder(logger, 5_000, [
      [
        'rejects',
        async () => {
          throw new Error('redis is gone');
        },
      ],
      [
        'throws',
        () => {
          throw new Error('pool already ended');
        },
      ],
      ['database', async () => void events.push('database')],
    ]);

    expect(events).toEqual(['database']);
    const warnings = lines.filter((line) => line.level === 'warn');
    expect(warnings.map((line) => [line.step, line.err?.message])).toEqual([
      ['rejects', 'redis is gone'],
      ['throws', 'pool already ended'],
    ]);
  });

  it('when there are no steps, then it only logs that it stopped', async () => {
    const { logger, lines } = capturingLogger();

    await closeInOrder(logger, 1_000, []);

    expect(lines).toEqual([expect.objectContaining({ level: 'info', msg: 'stopped' })]);
  });
});
