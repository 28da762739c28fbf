// Benchmark of @konsey/ballot-crypto (run `npm run build` first). Single-threaded unless stated.
// Usage: npm run bench -w @konsey/ballot-crypto [-- --quick]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as bc from '../dist/index.js';
import { createSodiumBallotVerifier } from '../dist/node/index.js';
import { multiScalarMul } from '../dist/group/msm.js';
import { msmAccelerated } from '../dist/group/msm-wasm.js';
import { BatchVerifier } from '../dist/proofs/batch-verifier.js';
import { addRangeProofToBatch } from '../dist/proofs/verify-range.js';
import { ballotProofStatements } from '../dist/ballot/ballot-proof-statements.js';
import { encrypt } from '../dist/elgamal/ciphertext.js';
import { checkBallotEntry } from '../dist/verifier/check-ballot-entry.js';
import { checkBallotEntries } from '../dist/verifier/check-ballot-batch.js';
import { verifierContext } from '../dist/verifier/verifier-context.js';
import { parallelBallotChecker } from '../dist/cli/parallel-ballot-checker.js';
import { PointAccumulator } from '../dist/group/point-accumulator.js';
import { ristrettoDecoderAccelerated } from '../dist/group/ristretto-decoder.js';
import { encodeRistretto, ristrettoEncoderAccelerated } from '../dist/group/ristretto-encoder.js';

const quick = process.argv.includes('--quick');
const rows = [];
function bench(name, fn, { iterations = 20, warmup = 2, per = 1, unit = 'op' } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) fn();
  const ms = (performance.now() - t0) / iterations / per;
  rows.push({ name, ms, unit });
  console.log(`${name.padEnd(58)} ${ms.toFixed(3).padStart(10)} ms/${unit}  ${(1000 / ms).toFixed(1).padStart(10)} ${unit}/s`);
  return ms;
}

console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} (${cpus().length} cores), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
const targets = [];
/** Records a measured value against an issue target (lower is better for ms, higher for per-second). */
function target(name, value, goal, unit, higherIsBetter = false) {
  targets.push({ name, value, goal, unit, ok: higherIsBetter ? value >= goal : value <= goal, ratio: higherIsBetter ? value / goal : goal / value });
}
const rnd = bc.seededRandom('bench');
const s = bc.randomScalar(rnd);
const P = bc.G.multiply(bc.randomScalar(rnd));

console.log('— primitives (noble) —');
bench('g^s, fixed base (constant-time path)', () => bc.G.multiply(s), { iterations: 300 });
bench('P^s, variable base (constant-time path)', () => P.multiply(s), { iterations: 200 });
bench('P^s, variable base (public inputs, wNAF)', () => P.multiplyUnsafe(s), { iterations: 200 });
bench('point addition (noble)', () => P.add(P), { iterations: 20000 });
const wasmAcc = new PointAccumulator(50);
const decodedPts = Array.from({ length: 50 }, (_, i) => bc.decodePoint(bc.G.multiplyUnsafe(BigInt(i + 3) * 7777n).toBytes()));
bench('point addition (WebAssembly limb adder, 50 slots, decoded points)', () => wasmAcc.addAll(decodedPts), { iterations: 2000, per: 50, unit: 'add' });
const enc = P.toBytes();
bench('encode point (ristretto255)', () => P.toBytes(), { iterations: 2000 });
// Encoding 50 points as the verification workers' running sums (25 options × α, β; sums of decoded points: Z ≠ 1), uncached.
const sums50 = Array.from({ length: 50 }, (_, i) => decodedPts[i].add(decodedPts[(i + 7) % 50]).add(P));
const encNobleUs = 1000 * bench('encode 50 points (sums, Z ≠ 1), noble toBytes() one by one, per point', () => sums50.forEach((p) => p.toBytes()), { iterations: 20, warmup: 2, per: 50, unit: 'point' });
const encWasmUs = 1000 * bench(`encode 50 points (sums, Z ≠ 1), WebAssembly batch (${ristrettoEncoderAccelerated()}), per point`, () => encodeRistretto(sums50), { iterations: 400, warmup: 20, per: 50, unit: 'point' });
bench('encode 1 point (Z ≠ 1), WebAssembly (one pass, one lane empty)', () => encodeRistretto([sums50[0]]), { iterations: 2000, warmup: 50 });
console.log(`${'  → 50 points'.padEnd(58)} ${(encNobleUs * 50 / 1000).toFixed(2).padStart(10)} ms noble, ${(encWasmUs * 50 / 1000).toFixed(2)} ms WebAssembly (${(encNobleUs / encWasmUs).toFixed(1)}× faster)`);
bench('decode point (strict, noble Point.fromBytes)', () => bc.decodePoint(enc, 'p', { wasm: false }), { iterations: 500 });
bench(`decode point (strict, WebAssembly decoder: ${ristrettoDecoderAccelerated()})`, () => bc.decodePoint(enc), { iterations: 2000 });
bench('Fiat–Shamir challenge (SHA-512, ~10 items)', () => new bc.Transcript('t').bytes(enc).bytes(enc).number(1).number(2).bytes(enc).bytes(enc).bytes(enc).bytes(enc).challenge(), { iterations: 5000 });
const pts = Array.from({ length: 2000 }, (_, i) => bc.G.multiplyUnsafe(BigInt(i + 7) * 1234567n));
const scs = pts.map(() => bc.randomScalar(rnd));
bench('multi-scalar mult, 2000 points (noble Pippenger), per point', () => multiScalarMul(pts, scs, { wasm: false }), { iterations: 3, warmup: 1, per: 2000, unit: 'point' });
bench(`multi-scalar mult, 2000 points (WebAssembly Pippenger: ${msmAccelerated()}), per point`, () => multiScalarMul(pts, scs), { iterations: 20, warmup: 2, per: 2000, unit: 'point' });

console.log('\n— reference ballot: 25 candidates, at most 15 marks —');
const manifest = { electionId: 'bench', title: 'Bench', contests: [{ id: 'council', title: 'Council', kind: 'block', options: Array.from({ length: 25 }, (_, i) => `candidate ${i + 1}`), minSelections: 0, maxSelections: 15 }] };
const parameters = { threshold: 3, memberCount: 5, maxBallots: 100_000 };
bench('key ceremony 3-of-5 (all members, one process)', () => bc.runKeyCeremony({ manifest, parameters, random: rnd }), { iterations: 5, warmup: 1 });
const { context, trustees, announcements } = bc.runKeyCeremony({ manifest, parameters, random: rnd });
const marks = () => { const m = Array(25).fill(0); for (let k = 0; k < 10; k++) m[Math.floor(rnd(1)[0] / 256 * 25)] = 1; return [m]; };
let n = 0;
const ballots = [];
const encMs = bench('encrypt + prove (device, fixed-base comb)', () => ballots.push(bc.encryptBallot({ context, voterBinding: bc.utf8(`v${n++}`), selections: marks(), random: rnd }).ballot), { iterations: quick ? 10 : 40, warmup: 2 });
bench('verify, one ballot alone (noble, batch of 1)', () => bc.verifyBallot(context, ballots[0]), { iterations: 10 });
let batch40Ms;
let batch40NobleMs;
for (const size of [10, 40]) {
  const batch = ballots.slice(0, size); // 12 ballots in all with --quick
  const verify = (wasm) => () => { if (bc.verifyBallots({ context, ballots: batch, wasm }).some((e) => e)) throw new Error('invalid'); };
  batch40Ms = bench(`verify, batch of ${batch.length} ballots, one MSM (WebAssembly: ${msmAccelerated()}), per ballot`, verify(true), { iterations: 4, warmup: 1, per: batch.length, unit: 'ballot' });
  if (size === 40) batch40NobleMs = bench(`verify, batch of ${batch.length} ballots, one MSM (noble, before), per ballot`, verify(false), { iterations: 2, warmup: 1, per: batch.length, unit: 'ballot' });
}
// The batch's multi-scalar multiplication alone: Σ sᵢ·Pᵢ over all its proofs' equations, weighted and merged as verifyBallots does.
const msmBallots = ballots.slice(0, 40);
const msmBatch = new BatchVerifier([bc.G, context.publicKey], rnd);
for (const b of msmBallots) for (const p of ballotProofStatements(context, b)) addRangeProofToBatch(p.check, msmBatch);
const msmPts = [...msmBatch.terms.keys()];
const msmScs = [...msmBatch.terms.values()];
const msmNobleMs = bench(`MSM of a batch of ${msmBallots.length} ballots (${msmPts.length} terms), noble, per ballot`, () => multiScalarMul(msmPts, msmScs, { wasm: false }), { iterations: 2, warmup: 1, per: msmBallots.length, unit: 'ballot' });
const msmWasmMs = bench(`MSM of a batch of ${msmBallots.length} ballots, WebAssembly, per ballot`, () => multiScalarMul(msmPts, msmScs), { iterations: 10, warmup: 2, per: msmBallots.length, unit: 'ballot' });
console.log(`${'  → MSM per reference ballot'.padEnd(58)} ${msmNobleMs.toFixed(2).padStart(10)} ms noble, ${msmWasmMs.toFixed(2)} ms WebAssembly (${(msmNobleMs / msmWasmMs).toFixed(1)}× faster)`);
const sodiumVerify = await createSodiumBallotVerifier();
bench('verify, one ballot (libsodium WASM, per equation)', () => sodiumVerify(context, ballots[1]), { iterations: 20 });

const board = new bc.BulletinBoard(context.baseHash);
for (const b of ballots.slice(0, 10)) board.append(b);
bench('ballot JSON encode (ballotToJson)', () => bc.ballotToJson(ballots[2]), { iterations: 50 });
const json = bc.ballotToJson(ballots[2]);
const ballotFromJsonMs = bench('ballot JSON strict decode (ballotFromJson, points as one batch)', () => bc.ballotFromJson(json), { iterations: 40, warmup: 4 });
// Strict decoding of a reference ballot's points (RFC 9496 §4.3.1): noble one by one (as ballotFromJson did
// before) against the WebAssembly batch decoder (decodePoints: two points per SIMD pass).
const proofPoints = (p) => p.commitments.flatMap((c) => [c.a, c.b]);
const pointBytes = json.contests.flatMap((c) => [...c.selections.flatMap((s) => [s.alpha, s.beta, ...proofPoints(s.proof)]), ...proofPoints(c.proof)]).map((s) => bc.fromBase64url(s, 32));
const nPts = pointBytes.length;
const nobleUs = 1000 * bench(`decode a reference ballot's ${nPts} points, noble one by one, per point`, () => pointBytes.forEach((b) => bc.decodePoint(b, 'p', { wasm: false })), { iterations: 5, warmup: 1, per: nPts, unit: 'point' });
const batchUs = 1000 * bench(`decode a reference ballot's ${nPts} points, WebAssembly batch, per point`, () => bc.decodePoints(pointBytes), { iterations: 100, warmup: 10, per: nPts, unit: 'point' });
console.log(`${'  → points of one reference ballot'.padEnd(58)} ${(nobleUs * nPts / 1000).toFixed(2).padStart(10)} ms noble, ${(batchUs * nPts / 1000).toFixed(2)} ms WebAssembly (${(nobleUs / batchUs).toFixed(1)}× faster)`);
/** ballotFromJson as it was: every point decoded on its own by noble. */
const oldBallotFromJson = (b) => {
  const pt = (s, where) => bc.decodePoint(bc.fromBase64url(s, 32), where, { wasm: false });
  const proof = (p, w) => ({ commitments: p.commitments.map((c, i) => ({ a: pt(c.a, `${w}.commitments[${i}].a`), b: pt(c.b, `${w}.commitments[${i}].b`) })), challenges: p.challenges.map((x) => bc.decodeScalar(bc.fromBase64url(x, 32))), responses: p.responses.map((x) => bc.decodeScalar(bc.fromBase64url(x, 32))) });
  return { voterBinding: bc.fromBase64url(b.voterBinding), contests: b.contests.map((c, ci) => ({ selections: c.selections.map((s, oi) => ({ ciphertext: { alpha: pt(s.alpha, 'alpha'), beta: pt(s.beta, 'beta') }, proof: proof(s.proof, `${ci}.${oi}`) })), proof: proof(c.proof, `${ci}`) })) };
};
const oldBallotFromJsonMs = bench('ballot JSON strict decode, points one by one with noble (before)', () => oldBallotFromJson(json), { iterations: 5, warmup: 1 });
const acc0 = new bc.TallyAccumulator(manifest);
for (const b of ballots.slice(0, 10)) acc0.add(b);
const partials0 = trustees.slice(0, 3).map((t) => bc.partiallyDecrypt(context, t, acc0.result(), rnd));
const totals0 = bc.combineDecryptions({ context, tally: acc0.result(), partials: partials0 });
const record = bc.buildElectionRecord({ context, announcements, board, tally: acc0.result(), partials: partials0, totals: totals0, signers: trustees.slice(0, 3), random: rnd });
const vctx = verifierContext(JSON.parse(JSON.stringify(record)));
bench('independent verifier, per-equation check, per ballot, 1 thread', () => checkBallotEntry(vctx, record.board[0]), { iterations: 3, warmup: 1 });
const vBatchMs = bench('independent verifier, batched check (10 ballots, one MSM), per ballot, 1 thread', () => checkBallotEntries(vctx, record.board), { iterations: 2, warmup: 1, per: 10, unit: 'ballot' });
// konsey-verify's worker pool on a record file: 40 ballots, 2 workers (each re-reads the file and re-derives the context).
const board40 = new bc.BulletinBoard(context.baseHash);
for (const b of ballots.slice(0, 40)) board40.append(b);
const acc40 = new bc.TallyAccumulator(manifest);
for (const b of ballots.slice(0, 40)) acc40.add(b);
const p40 = trustees.slice(0, 3).map((t) => bc.partiallyDecrypt(context, t, acc40.result(), rnd));
const record40 = bc.buildElectionRecord({ context, announcements, board: board40, tally: acc40.result(), partials: p40, totals: bc.combineDecryptions({ context, tally: acc40.result(), partials: p40 }), signers: trustees.slice(0, 3), random: rnd });
const dir = mkdtempSync(join(tmpdir(), 'konsey-bench-'));
const file = join(dir, 'record.json');
writeFileSync(file, JSON.stringify(record40));
const json40 = JSON.parse(readFileSync(file, 'utf8'));
const tw = performance.now();
await parallelBallotChecker(file, 2)(verifierContext(json40), json40);
const wMs = (performance.now() - tw) / 40;
console.log(`${'konsey-verify ballot checks, 40-ballot record, 2 workers, per ballot'.padEnd(58)} ${wMs.toFixed(3).padStart(10)} ms/ballot  ${(1000 / wMs).toFixed(1).padStart(10)} ballot/s   (incl. worker start-up)`);
rmSync(dir, { recursive: true, force: true });

console.log('\n— tally —');
const AGG = quick ? 20_000 : 100_000;
// Verified ballots as the server holds them: decoded from the wire (points with Z = 1).
// 20 distinct ballots (10 with --quick, which encrypts only 12): the count must divide 5,000 for the check below.
const received = ballots.slice(0, ballots.length >= 20 ? 20 : 10).map((b) => bc.ballotFromJson(bc.ballotToJson(b)));
const acc = new bc.TallyAccumulator(manifest);
const t0 = performance.now();
for (let i = 0; i < AGG; i++) acc.add(received[i % received.length]);
const aggMs = performance.now() - t0;
console.log(`${`aggregate ${AGG} verified ballots (WebAssembly adder: ${acc.accelerated})`.padEnd(58)} ${aggMs.toFixed(0).padStart(10)} ms total  ${(AGG / aggMs * 1000).toFixed(0).padStart(10)} ballot/s`);
rows.push({ name: `aggregate ${AGG} ballots`, ms: aggMs, unit: 'total' });
const slowAcc = new bc.TallyAccumulator(manifest, { wasm: false });
const ts = performance.now();
for (let i = 0; i < 5000; i++) slowAcc.add(received[i % received.length]);
const slowMs = ((performance.now() - ts) * AGG) / 5000;
console.log(`${`  same with noble BigInt additions (5,000 ballots, scaled)`.padEnd(58)} ${slowMs.toFixed(0).padStart(10)} ms total`);
if (!acc.result()[0][3].alpha.equals(slowAcc.result()[0][3].alpha.multiplyUnsafe(BigInt(AGG / 5000)))) throw new Error('accumulators disagree');
// A 25-option aggregate with totals up to the roll (100,000), as after a full election.
const tally = [Array.from({ length: 25 }, (_, i) => encrypt(Math.floor(((i + 1) * 100_000) / 25) - (i % 2) * 777, bc.randomScalar(rnd), context.publicKey))];
bench('partial decryption with proofs, 25 options (one member)', () => bc.partiallyDecrypt(context, trustees[0], tally, rnd), { iterations: 3, warmup: 1 });
const partials = trustees.slice(1, 4).map((t) => bc.partiallyDecrypt(context, t, tally, rnd));
bench('BSGS table for a roll of 100,000 (built once)', () => new bc.DiscreteLogSolver(100_000), { iterations: 3, warmup: 1 });
const solver = new bc.DiscreteLogSolver(100_000);
let totals;
bench('combine 3 partials: verify + Lagrange + dlog, 25 options', () => (totals = bc.combineDecryptions({ context, tally, partials, solver })), { iterations: 2, warmup: 1 });
const decMs = bench('decrypt 25-option tally end to end (3 partials + table + combine)', () => bc.combineDecryptions({ context, tally, partials: trustees.slice(0, 3).map((t) => bc.partiallyDecrypt(context, t, tally, rnd)) }), { iterations: 2, warmup: 0 });
console.log(`   totals: ${totals[0].slice(0, 5).join(', ')}, …`);

const rate = (ms) => 1000 / ms;
target('encrypt + prove, reference ballot (ms)', encMs, 60, 'ms');
target(`server verify, batch of ${msmBallots.length} (ballots/s; ${rate(batch40NobleMs).toFixed(1)} with noble's MSM)`, rate(batch40Ms), 40, '/s', true);
target(`batch MSM per reference ballot, batch of ${msmBallots.length} (ms; noble ${msmNobleMs.toFixed(2)})`, msmWasmMs, 4, 'ms');
target(`strict point decoding, reference ballot's points together (µs per point; noble ${nobleUs.toFixed(1)})`, batchUs, 12, 'µs');
target(`point encoding, 50 sums together (µs per point; noble ${encNobleUs.toFixed(1)})`, encWasmUs, encNobleUs / 5, 'µs');
target(`ballotFromJson, reference ballot (ms; ${oldBallotFromJsonMs.toFixed(1)} with noble one by one)`, ballotFromJsonMs, oldBallotFromJsonMs / 5, 'ms');
target('aggregate 100,000 ballots (s)', (aggMs * (100_000 / AGG)) / 1000, 2, 's');
target('decrypt 25-option tally, 3 members (ms)', decMs, 1000, 'ms');
target('independent verifier, 1 thread (ballots/s; no target, 100k ballots on 2 cores in h)', rate(vBatchMs), rate(vBatchMs), '/s', true);
console.log('\n— against the targets —');
for (const t of targets) console.log(`${t.ok ? 'OK  ' : 'MISS'} ${t.name.padEnd(84)} ${t.value.toFixed(2).padStart(9)} (target ${t.goal.toFixed(2)})  ${t.ratio.toFixed(2)}×`);
console.log(`     100,000 ballots through konsey-verify on 2 cores ≈ ${((100_000 / (2 * rate(vBatchMs))) / 3600).toFixed(2)} h (batched, ${rate(vBatchMs).toFixed(1)} ballots/s per thread)`);

console.log('\n— browser bundle —');
const bundle = readFileSync(new URL('../dist/browser/ballot-crypto.min.js', import.meta.url));
console.log(`dist/browser/ballot-crypto.min.js: ${(bundle.length / 1024).toFixed(1)} KiB minified, ${(gzipSync(bundle).length / 1024).toFixed(1)} KiB gzip`);
