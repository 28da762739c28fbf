import { describe, expect, it } from '@jest/globals';
import { ristretto255 } from '@noble/curves/ed25519.js';
import { withoutWebAssembly } from './wasm-helpers.js';

describe('ristretto255 decoding without WebAssembly', () => {
  it('falls back to noble where WebAssembly is missing, with the same results', async () => {
    await withoutWebAssembly(async () => {
      const { decodeRistretto, ristrettoDecoderAccelerated } =
        await import('../src/group/ristretto-decoder.js');
      expect(ristrettoDecoderAccelerated()).toBe(false);
      const encodings = [1n, 2n, 3n].map((k) => ristretto255.Point.BASE.multiply(k).toBytes());
      encodings.push(new Uint8Array(32).fill(0xff));
      const decoded = decodeRistretto(encodings);
      expect(decoded.map((p) => p?.toBytes())).toEqual([...encodings.slice(0, 3), undefined]);
    });
  });
});
