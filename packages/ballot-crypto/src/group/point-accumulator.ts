import { ed25519, ristretto255 } from '@noble/curves/ed25519.js';
import { IDENTITY, type Point } from './point.js';
import { K2D_LIMBS, LAYOUT, edwardsModuleBytes, fromLimbs } from './wasm-edwards.js';

type EdwardsPoint = InstanceType<typeof ed25519.Point>;

/** The Edwards representative behind a ristretto255 element (noble keeps it `protected`). */
export const edwardsOf = (p: Point): EdwardsPoint => (p as unknown as { ep: EdwardsPoint }).ep;

/** The part of the WebAssembly API used here (the package's TS lib has no WebAssembly types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

interface AdderExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  accumulate: (n: number, accBase: number, inBase: number) => void;
  accumulateAffine: (n: number, accBase: number, inBase: number) => void;
}

const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
let compiled: object | null | undefined;

/** Compiles the adder once per process; null where WebAssembly is unavailable or refused. */
function adderModule(): object | null {
  if (compiled === undefined) {
    try {
      compiled = wasmApi ? new wasmApi.Module(edwardsModuleBytes()) : null;
    } catch {
      compiled = null; // e.g. a browser main thread refusing synchronous compilation
    }
  }
  return compiled;
}

/**
 * A fixed number of running sums of ristretto255 points (one per slot), for PUBLIC points only
 * (variable-time, no secrets). `addAll(points)` adds `points[k]` into slot k. Backed by the
 * WebAssembly limb adder when available (about ten times faster than noble's BigInt addition on
 * this workload), otherwise by noble additions. Sums stay in extended coordinates; nothing is
 * normalised until {@link PointAccumulator.sums}.
 */
export class PointAccumulator {
  private readonly wasm: AdderExports | null;
  private readonly inBase = LAYOUT.input;
  private readonly accBase: number;
  private words!: BigUint64Array;
  private limbs!: BigInt64Array;
  private readonly fallback: Point[];

  constructor(readonly size: number, options: { wasm?: boolean } = {}) {
    const module = options.wasm === false ? null : adderModule();
    this.accBase = this.inBase + LAYOUT.inPoint * size;
    this.fallback = module ? [] : Array.from({ length: size }, () => IDENTITY);
    this.wasm = module ? (new wasmApi!.Instance(module).exports as unknown as AdderExports) : null;
    if (!this.wasm) return;
    const needed = this.accBase + LAYOUT.point * size;
    const have = this.wasm.memory.buffer.byteLength;
    if (needed > have) this.wasm.memory.grow(Math.ceil((needed - have) / 65536));
    this.views();
    K2D_LIMBS.forEach((l, i) => (this.limbs[LAYOUT.k2d / 8 + i] = l));
    for (let k = 0; k < size; k++) {
      const o = (this.accBase + LAYOUT.point * k) / 8;
      this.limbs[o + 10] = 1n; // Y = 1
      this.limbs[o + 20] = 1n; // Z = 1
    }
  }

  private views(): void {
    const buffer = this.wasm!.memory.buffer;
    this.words = new BigUint64Array(buffer);
    this.limbs = new BigInt64Array(buffer);
  }

  /** True when the WebAssembly adder is in use. */
  get accelerated(): boolean {
    return this.wasm !== null;
  }

  /** Adds `points[k]` into slot k, for every k < size. */
  addAll(points: readonly Point[]): void {
    if (points.length !== this.size) throw new RangeError(`expected ${this.size} points, got ${points.length}`);
    if (!this.wasm) {
      for (let k = 0; k < this.size; k++) this.fallback[k] = this.fallback[k]!.add(points[k]!);
      return;
    }
    const w = this.words;
    let affine = true;
    for (let k = 0; k < this.size; k++) {
      const { X, Y, Z, T } = edwardsOf(points[k]!);
      const o = (this.inBase >> 3) + 16 * k;
      w[o] = X; w[o + 1] = X >> 64n; w[o + 2] = X >> 128n; w[o + 3] = X >> 192n;
      w[o + 4] = Y; w[o + 5] = Y >> 64n; w[o + 6] = Y >> 128n; w[o + 7] = Y >> 192n;
      w[o + 12] = T; w[o + 13] = T >> 64n; w[o + 14] = T >> 128n; w[o + 15] = T >> 192n;
      if (Z !== 1n) {
        affine = false;
        w[o + 8] = Z; w[o + 9] = Z >> 64n; w[o + 10] = Z >> 128n; w[o + 11] = Z >> 192n;
      } else {
        w[o + 8] = 1n; w[o + 9] = 0n; w[o + 10] = 0n; w[o + 11] = 0n;
      }
    }
    // Decoded points (the server's case) have Z = 1: one multiplication fewer per addition.
    if (affine) this.wasm.accumulateAffine(this.size, this.accBase, this.inBase);
    else this.wasm.accumulate(this.size, this.accBase, this.inBase);
  }

  /** The current sums, as ristretto255 points. */
  sums(): Point[] {
    if (!this.wasm) return [...this.fallback];
    const out: Point[] = [];
    for (let k = 0; k < this.size; k++) {
      const o = (this.accBase + LAYOUT.point * k) / 8;
      const [X, Y, Z, T] = [0, 1, 2, 3].map((c) => fromLimbs(this.limbs.subarray(o + 10 * c, o + 10 * c + 10))) as [bigint, bigint, bigint, bigint];
      out.push(new ristretto255.Point(new ed25519.Point(X, Y, Z, T)));
    }
    return out;
  }
}
