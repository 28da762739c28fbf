import { sha512 as nobleSha512 } from '@noble/hashes/sha2.js';
import { sha512, sha512Backend } from '../src/encoding/sha512.js';

describe('sha512 (native where the runtime offers it)', () => {
  it('when hashing inputs of every length up to a few blocks, then it equals noble byte for byte', () => {
    for (const length of [0, 1, 63, 64, 111, 112, 127, 128, 129, 1000, 17_000]) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 131 + length) & 0xff);
      const digest = sha512(data);
      expect(digest).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(digest).toString('hex')).toBe(Buffer.from(nobleSha512(data)).toString('hex'));
    }
  });

  it('when running on Node, then the native hash is the one used', () => {
    expect(sha512Backend).toBe('node');
  });
});
