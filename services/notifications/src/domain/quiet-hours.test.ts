import { quietHoursEnd } from './quiet-hours.js';

const quiet = { from: 22, to: 8 };

describe('quiet hours for optional SMS (Türkiye time, UTC+3)', () => {
  it('when it is 23:30 in Türkiye, then the SMS waits until 08:00 the next morning', () => {
    expect(quietHoursEnd(new Date('2026-03-12T20:30:00Z'), quiet).toISOString()).toBe(
      '2026-03-13T05:00:00.000Z',
    );
  });
  it('when it is 03:00 in Türkiye, then the SMS waits until 08:00 the same morning', () => {
    expect(quietHoursEnd(new Date('2026-03-13T00:00:00Z'), quiet).toISOString()).toBe(
      '2026-03-13T05:00:00.000Z',
    );
  });
  it('when it is 14:00 in Türkiye, then the SMS goes now', () => {
    const now = new Date('2026-03-13T11:00:00Z');
    expect(quietHoursEnd(now, quiet)).toBe(now);
  });
});
