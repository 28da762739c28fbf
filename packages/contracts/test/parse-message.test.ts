import { randomUUID } from 'node:crypto';
import { createEnvelope, messagesConsumedBy, messagesProducedBy, parseMessage } from '../src/index.js';

const admitted = () =>
  createEnvelope({
    type: 'membership.member.admitted',
    data: {
      memberId: randomUUID(),
      kind: 'individual',
      displayName: 'Ayşe Yılmaz',
      gender: 'female',
      bodies: [],
      admittedAt: new Date().toISOString(),
    },
  });

describe('parseMessage', () => {
  it('when the envelope and data match the catalogue, then it returns the typed message', () => {
    const result = parseMessage(JSON.parse(JSON.stringify(admitted())));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.message.envelope.producer).toBe('membership');
  });

  it('when the version is unknown, then it is rejected as unknown-version (to be parked, not dropped)', () => {
    const result = parseMessage({ ...admitted(), version: 2 });
    expect(result).toMatchObject({ ok: false, reason: 'unknown-version' });
  });

  it('when the type is unknown, then it is rejected as unknown-type', () => {
    expect(parseMessage({ ...admitted(), type: 'membership.member.teleported' })).toMatchObject({
      ok: false,
      reason: 'unknown-type',
    });
  });

  it('when the data breaks the schema, then the failing field is named', () => {
    const result = parseMessage({ ...admitted(), data: { memberId: 'nope' } });
    expect(result).toMatchObject({ ok: false, reason: 'invalid-data' });
    if (!result.ok) expect(result.detail).toContain('memberId');
  });

  it('when the envelope is not an envelope, then it is rejected as malformed', () => {
    expect(parseMessage('hello')).toMatchObject({ ok: false, reason: 'malformed-envelope' });
    expect(parseMessage({ ...admitted(), id: 'x' })).toMatchObject({ ok: false, reason: 'malformed-envelope' });
  });
});

describe('createEnvelope', () => {
  it('refuses data that breaks the schema before it reaches the outbox', () => {
    expect(() =>
      createEnvelope({ type: 'membership.member.status-changed', data: { memberId: 'x' } as never }),
    ).toThrow();
  });
});

describe('routing table', () => {
  it('lists what each service produces and consumes', () => {
    expect(messagesProducedBy('membership')).toContain('membership.member.admitted');
    expect(messagesConsumedBy('elections')).toContain('membership.member.admitted');
    expect(messagesConsumedBy('membership')).toEqual(['elections.result.certified']);
  });
});
