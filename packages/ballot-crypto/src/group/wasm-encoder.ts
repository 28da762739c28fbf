/** A minimal WebAssembly binary encoder: what the run-time-generated modules (adder, ristretto, MSM) need. */

export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

function sleb(v: bigint): number[] {
  const out: number[] = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

export const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
export const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
export const I32 = 0x7f;
export const I64 = 0x7e;
export const V128 = 0x7b;

/** Scalar opcodes. */
export const OP = {
  i32eqz: 0x45,
  i32add: 0x6a,
  i32sub: 0x6b,
  i32mul: 0x6c,
  geU: 0x4f,
  add: 0x7c,
  sub: 0x7d,
  and: 0x83,
  or: 0x84,
  shl: 0x86,
  shru: 0x88,
};

/** SIMD opcodes (after the 0xfd prefix). */
export const SIMD = {
  i32x4Add: 174,
  i32x4Mul: 181,
  and: 78,
  andnot: 79, // a & ~b
  or: 80,
  xor: 81,
  bitselect: 82, // (a & c) | (b & ~c)
  i64x2Shl: 203,
  i64x2ShrS: 204,
  i64x2ShrU: 205,
  i64x2Add: 206,
  i64x2Sub: 209,
  i64x2Mul: 213,
  i64x2Eq: 214,
  extmulLowS: 220, // i64x2.extmul_low_i32x4_s
  extmulHighS: 221, // i64x2.extmul_high_i32x4_s
};

/** Instruction builder for one function body. */
export class Body {
  readonly code: number[] = [];
  get(i: number): this {
    return this.op(0x20, ...uleb(i));
  }
  set(i: number): this {
    return this.op(0x21, ...uleb(i));
  }
  i32(v: number): this {
    return this.op(0x41, ...sleb(BigInt(v)));
  }
  i64(v: bigint): this {
    return this.op(0x42, ...sleb(v));
  }
  load(offset: number): this {
    return this.op(0x29, 3, ...uleb(offset));
  }
  store(offset: number): this {
    return this.op(0x37, 3, ...uleb(offset));
  }
  vload(offset: number): this {
    return this.op(0xfd, 0x00, 4, ...uleb(offset));
  }
  vstore(offset: number): this {
    return this.op(0xfd, 0x0b, 4, ...uleb(offset));
  }
  /** v128.const of two i64 lanes. */
  vconst64(lo: bigint, hi: bigint): this {
    const bytes = [lo, hi].flatMap((v) =>
      Array.from({ length: 8 }, (_, i) => Number((BigInt.asUintN(64, v) >> BigInt(8 * i)) & 0xffn)),
    );
    return this.op(0xfd, 0x0c, ...bytes);
  }
  /** v128.const of four i32 lanes. */
  vconst32(lanes: readonly number[]): this {
    return this.op(
      0xfd,
      0x0c,
      ...lanes.flatMap((v) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff]),
    );
  }
  shuffle(lanes: readonly number[]): this {
    return this.op(0xfd, 0x0d, ...lanes);
  }
  simd(opcode: number): this {
    return this.op(0xfd, ...uleb(opcode));
  }
  op(...opcodes: number[]): this {
    this.code.push(...opcodes);
    return this;
  }
  call(f: number): this {
    return this.op(0x10, ...uleb(f));
  }
}

/** A function body with its local declarations, as the code section wants it. */
export function funcBody(locals: [count: number, type: number][], b: Body): number[] {
  const body = [...vec(locals.map(([n, t]) => [...uleb(n), t])), ...b.code, 0x0b];
  return [...uleb(body.length), ...body];
}

/** A module as the run-time-generated ones are built: one data segment of constants, if any. */
export interface ModuleSpec {
  /** Initial (growable) memory, in 64 KiB pages. */
  pages: number;
  /** Exported functions (name, function index), after the exported memory. */
  exports: readonly (readonly [name: string, funcIndex: number])[];
  /** The function bodies ({@link funcBody}), all of type (i32 i32 i32) → (). */
  bodies: readonly number[][];
  /** Bytes placed in memory at `offset` at instantiation. */
  data?: { offset: number; bytes: readonly number[] };
}

const name = (s: string): number[] => vec([...s].map((c) => [c.charCodeAt(0)]));

/** The binary module: one type (i32 i32 i32) → (), memory exported as `memory`, then the functions. */
export function assembleModule(spec: ModuleSpec): Uint8Array {
  const types = section(1, vec([[0x60, ...vec([[I32], [I32], [I32]]), 0]]));
  const funcs = section(3, vec(spec.bodies.map(() => [0])));
  const memory = section(5, vec([[0x00, ...uleb(spec.pages)]])); // no maximum: growable
  const exports = section(
    7,
    vec([[...name('memory'), 0x02, 0], ...spec.exports.map(([n, f]) => [...name(n), 0x00, ...uleb(f)])]),
  );
  const code = section(10, vec([...spec.bodies]));
  const data = spec.data
    ? section(
        11,
        vec([[0x00, 0x41, ...uleb(spec.data.offset), 0x0b, ...vec(spec.data.bytes.map((x) => [x]))]]),
      )
    : [];
  const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  return new Uint8Array([...header, ...types, ...funcs, ...memory, ...exports, ...code, ...data]);
}

/** A tuple of N numbers. */
export type Numbers<N extends number, R extends number[] = []> = R['length'] extends N
  ? R
  : Numbers<N, [...R, number]>;

/** `count` consecutive addresses `at(first)`, `at(first + 1)`, …, as a tuple to destructure. */
export function consecutive<N extends number>(count: N, at: (i: number) => number, first = 0): Numbers<N> {
  return Array.from({ length: count }, (_, i) => at(first + i)) as Numbers<N>;
}
