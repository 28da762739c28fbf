import { memberIdFromQr } from './parse-check-in.js';

const id = '3f2b8c1e-9d4a-4e6b-8a1f-2c3d4e5f6a7b';

describe('memberIdFromQr', () => {
  it.each([
    [id, id],
    [`  ${id.toUpperCase()}\n`, id],
    [`konsey:member:${id}`, id],
    [`KONSEY:MEMBER:${id}`, id],
    [`https://konsey.example/m/${id}`, id],
    [`https://konsey.example/m/${id}/`, id],
    [`https://konsey.example/check-in?member=${id}`, id],
  ])('%j carries %s', (payload, expected) => {
    expect(memberIdFromQr(payload)).toBe(expected);
  });

  it.each([
    '',
    'hello',
    `konsey:member:${id}x`,
    `konsey:ballot:${id}`,
    `ftp://konsey.example/m/${id}`,
    'https://konsey.example/m/not-an-id',
    `https://konsey.example/check-in?member=123`,
    `${id}-extra`,
  ])('%j carries no member id', (payload) => {
    expect(memberIdFromQr(payload)).toBeUndefined();
  });
});
