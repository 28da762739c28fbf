import { describe, expect, it } from '@jest/globals';
import { encryptBallot } from '../src/ballot/encrypt-ballot.js';
import { announce, createCommitteeMember } from '../src/ceremony/committee-member.js';
import { finishCeremony } from '../src/ceremony/finish-ceremony.js';
import { keyFingerprint } from '../src/ceremony/key-fingerprint.js';
import { runKeyCeremony } from '../src/ceremony/run-key-ceremony.js';
import { sealShares } from '../src/ceremony/seal-shares.js';
import type { ElectionManifest } from '../src/election/manifest.js';
import { parametersHash } from '../src/election/parameters-hash.js';
import { G } from '../src/group/point.js';
import { seededRandom } from '../src/group/random.js';
import { combineDecryptions } from '../src/tally/combine-decryptions.js';
import { partiallyDecrypt } from '../src/tally/partially-decrypt.js';
import { TallyAccumulator } from '../src/tally/tally-accumulator.js';
import { binding } from './helpers.js';

const TINY: ElectionManifest = {
  electionId: 'tiny',
  title: 'Tiny',
  contests: [{ id: 'm', title: 'Motion', kind: 'yes-no-abstain', options: ['yes', 'no', 'abstain'], minSelections: 0, maxSelections: 1 }],
};
const VOTES = [[[1, 0, 0]], [[0, 1, 0]], [[1, 0, 0]]];

const shapes: [number, number][] = [];
for (let n = 1; n <= 7; n++) for (let k = 1; k <= Math.min(n, 5); k++) shapes.push([k, n]);

describe('k-of-n threshold decryption', () => {
  it.each(shapes)('%i of %i: any k members decrypt, k−1 cannot', (k, n) => {
    const random = seededRandom(`threshold-${k}-${n}`);
    const { context, trustees } = runKeyCeremony({ manifest: TINY, parameters: { threshold: k, memberCount: n, maxBallots: 10 }, random });
    const acc = new TallyAccumulator(TINY);
    for (const [i, selections] of VOTES.entries()) acc.add(encryptBallot({ context, voterBinding: binding(i), selections, random }).ballot);
    const tally = acc.result();
    // The last k members are present: members 1..n−k are missing.
    const present = trustees.slice(n - k);
    const partials = present.map((t) => partiallyDecrypt(context, t, tally, random));
    expect(combineDecryptions({ context, tally, partials: [...partials].reverse() })).toEqual([[2, 1, 0]]);
    expect(() => combineDecryptions({ context, tally, partials: partials.slice(1) })).toThrow(expect.objectContaining({ code: 'not-enough-trustees' }));
  });

  it('a wrong partial decryption is rejected with the member and option named', () => {
    const random = seededRandom('wrong-partial');
    const { context, trustees } = runKeyCeremony({ manifest: TINY, parameters: { threshold: 2, memberCount: 3, maxBallots: 10 }, random });
    const acc = new TallyAccumulator(TINY);
    acc.add(encryptBallot({ context, voterBinding: binding(0), selections: [[0, 1, 0]], random }).ballot);
    const tally = acc.result();
    const [p1, p2] = [trustees[0]!, trustees[1]!].map((t) => partiallyDecrypt(context, t, tally, random));
    const share = p2!.shares[0]![1]!;
    const forged = { ...p2!, shares: [[p2!.shares[0]![0]!, { ...share, share: share.share.add(G) }, p2!.shares[0]![2]!]] };
    expect(() => combineDecryptions({ context, tally, partials: [p1!, forged] })).toThrow(
      'member 2: the partial decryption of contest 0, option 1 does not verify',
    );
  });
});

describe('key ceremony', () => {
  const parameters = { threshold: 2, memberCount: 3, maxBallots: 10 };
  const ph = parametersHash(TINY, parameters);
  const setup = (seed: string) => {
    const random = seededRandom(seed);
    const members = [1, 2, 3].map((index) => createCommitteeMember({ index, parameters, parametersHash: ph, random }));
    const announcements = members.map(announce);
    const envelopes = members.flatMap((m) => sealShares(m, announcements));
    return { members, announcements, envelopes };
  };

  it('derives the same key share as the simulated ceremony and a stable fingerprint format', () => {
    const { context } = runKeyCeremony({ manifest: TINY, parameters, random: seededRandom('fp') });
    expect(keyFingerprint(context.baseHash)).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('a share that does not match the sender commitments is caught by the recipient', () => {
    const { members, announcements } = setup('bad-share');
    // Member 1 cheats: sends shares from a different polynomial than the one it committed to.
    const liar = { ...members[0]!, coefficients: members[0]!.coefficients.map((c) => c + 1n) };
    const envelopes = [...sealShares(liar, announcements), ...sealShares(members[1]!, announcements), ...sealShares(members[2]!, announcements)];
    expect(() => finishCeremony(members[1]!, announcements, envelopes)).toThrow('member 2: the share from member 1 does not match its commitments');
  });

  it('a share envelope altered in transit fails its signature', () => {
    const { members, announcements, envelopes } = setup('bad-sig');
    const altered = envelopes.map((e) => (e.from === 3 && e.to === 1 ? { ...e, ciphertext: e.ciphertext.map((b, i) => (i === 0 ? b ^ 1 : b)) } : e));
    expect(() => finishCeremony(members[0]!, announcements, altered)).toThrow("share from member 3 to member 1: the sender's signature does not verify");
  });

  it('an announcement whose proof of knowledge is for another member is rejected', () => {
    const { members, announcements, envelopes } = setup('bad-pok');
    const stolen = announcements.map((a) => (a.index === 2 ? { ...a, proofs: announcements[0]!.proofs, commitments: announcements[0]!.commitments } : a));
    expect(() => finishCeremony(members[2]!, stolen, envelopes)).toThrow('member 2: the proof of knowledge of coefficient 0 does not verify');
  });
});
