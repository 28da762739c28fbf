import { G, IDENTITY, type Point } from '../group/point.js';
import { mulBase, mulSecret } from '../group/multiply.js';
import { halveScalar, type Scalar } from '../group/scalar.js';

/** Exponential ElGamal ciphertext (α, β) = (g^r, g^m·h^r) under public key h. */
export interface Ciphertext {
  readonly alpha: Point;
  readonly beta: Point;
}

/** Encrypts the small integer `m` with nonce `r` under the public key `h`. */
export function encrypt(m: number, r: Scalar, publicKey: Point): Ciphertext {
  // Votes are 0 or 1: take g^m from a table so both cost the same; larger m (tests) fall back.
  const gm = m === 0 ? IDENTITY : m === 1 ? G : mulBase(BigInt(m));
  return { alpha: mulBase(r), beta: mulSecret(publicKey, r).add(gm) };
}

let halfG: Point | undefined;

/**
 * (α/2, β/2) for {@link encrypt}(m, r, h), the same work on r/2: the halves that
 * {@link doubleAndEncode} turns into the ciphertext and its encoding.
 */
export function encryptHalves(m: number, r: Scalar, publicKey: Point): Ciphertext {
  halfG ??= G.multiplyUnsafe(halveScalar(1n));
  const gm = m === 0 ? IDENTITY : m === 1 ? halfG : mulBase(halveScalar(BigInt(m)));
  const rHalf = halveScalar(r);
  return { alpha: mulBase(rHalf), beta: mulSecret(publicKey, rHalf).add(gm) };
}

/** Homomorphic addition: encrypts the sum of the plaintexts. */
export function addCiphertexts(a: Ciphertext, b: Ciphertext): Ciphertext {
  return { alpha: a.alpha.add(b.alpha), beta: a.beta.add(b.beta) };
}

/** Encryption of 0 with nonce 0: the neutral element for {@link addCiphertexts}. */
export const ZERO_CIPHERTEXT: Ciphertext = { alpha: IDENTITY, beta: IDENTITY };

/** Equality of ciphertexts. */
export function ciphertextsEqual(a: Ciphertext, b: Ciphertext): boolean {
  return a.alpha.equals(b.alpha) && a.beta.equals(b.beta);
}

/** g^m for a public small integer m (used to strip a plaintext from β). */
export function encodePlaintext(m: number): Point {
  return m === 0 ? IDENTITY : G.multiplyUnsafe(BigInt(m));
}
