import fc from 'fast-check';
import { daysBetween } from './calendar-date.js';
import { representativeChangeTiming } from './representative-notice.js';

describe('representativeChangeTiming', () => {
  it('when no General Assembly is near, then the change takes effect on the day it was notified', () => {
    expect(
      representativeChangeTiming({
        notifiedOn: '2026-01-01',
        generalAssemblies: ['2026-01-20'],
        noticeDays: 5,
      }),
    ).toEqual({
      effectiveFrom: '2026-01-01',
    });
  });

  it('when notified exactly N days before the assembly, then it counts at that assembly', () => {
    expect(
      representativeChangeTiming({
        notifiedOn: '2026-01-15',
        generalAssemblies: ['2026-01-20'],
        noticeDays: 5,
      }),
    ).toEqual({
      effectiveFrom: '2026-01-15',
    });
  });

  it('when notified fewer than N days before the assembly, then the old representative votes there and the new one starts the day after', () => {
    expect(
      representativeChangeTiming({
        notifiedOn: '2026-01-16',
        generalAssemblies: ['2026-01-20'],
        noticeDays: 5,
      }),
    ).toEqual({
      effectiveFrom: '2026-01-21',
      deferredPast: '2026-01-20',
    });
  });

  it('when notified on the day of the assembly, then it is deferred past it; past assemblies do not matter', () => {
    expect(
      representativeChangeTiming({
        notifiedOn: '2026-01-20',
        generalAssemblies: ['2025-09-10', '2026-01-20'],
        noticeDays: 5,
      }),
    ).toEqual({ effectiveFrom: '2026-01-21', deferredPast: '2026-01-20' });
  });

  it('when the setting is 0 days, then a change always takes effect at once', () => {
    expect(
      representativeChangeTiming({
        notifiedOn: '2026-01-20',
        generalAssemblies: ['2026-01-20'],
        noticeDays: 0,
      }),
    ).toEqual({
      effectiveFrom: '2026-01-20',
    });
  });

  it('never lets a change count at an assembly held fewer than N days after the notice', () => {
    const day = fc
      .integer({ min: 0, max: 400 })
      .map((offset) => new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        day,
        fc.array(day, { maxLength: 4 }),
        fc.integer({ min: 0, max: 15 }),
        (notifiedOn, generalAssemblies, noticeDays) => {
          const { effectiveFrom } = representativeChangeTiming({ notifiedOn, generalAssemblies, noticeDays });
          expect(daysBetween(notifiedOn, effectiveFrom)).toBeGreaterThanOrEqual(0);
          for (const heldOn of generalAssemblies) {
            const countsAtIt = daysBetween(effectiveFrom, heldOn) >= 0;
            if (countsAtIt) expect(daysBetween(notifiedOn, heldOn)).toBeGreaterThanOrEqual(noticeDays);
          }
        },
      ),
    );
  });
});
