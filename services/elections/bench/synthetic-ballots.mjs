// Ballots for the intake run. Casting costs the server the same for any well-formed ballot: strict
// decoding of every point and scalar, the shape and credential checks, the hash, the inserts and the
// board append. Only the verification workers look at the proofs. So the intake run casts ballots of
// the reference shape built from valid random points and scalars (cheap to make, tens of thousands a
// second) instead of encrypting 60,000 real ballots first (~50 ms each here); verification is measured
// with real ballots. Each synthetic ballot is unique (its hash), bound to its voter's credential, and
// is refused by a worker if one ever sees it.
import { encodePoint, encodeScalar, G, randomScalar, toBase64url } from '@konsey/ballot-crypto';

const POOL = 4096;

function pools() {
  const points = [];
  const scalars = [];
  for (let i = 0; i < POOL; i++) {
    points.push(toBase64url(encodePoint(G.multiplyUnsafe(randomScalar()))));
    scalars.push(toBase64url(encodeScalar(randomScalar())));
  }
  return { points, scalars };
}

/** A ballot factory for a manifest: `ballotFor(voterBinding)` gives the `ballot` body of a cast. */
export function syntheticBallots(manifest) {
  const { points, scalars } = pools();
  const pick = (list) => list[Math.floor(Math.random() * POOL)];
  const proof = (branches) => ({
    commitments: Array.from({ length: branches }, () => ({ a: pick(points), b: pick(points) })),
    challenges: Array.from({ length: branches }, () => pick(scalars)),
    responses: Array.from({ length: branches }, () => pick(scalars)),
  });
  return (voterBinding) => ({
    voterBinding,
    contests: manifest.contests.map((contest) => ({
      selections: contest.options.map(() => ({ alpha: pick(points), beta: pick(points), proof: proof(2) })),
      proof: proof(contest.maxSelections - contest.minSelections + 1),
    })),
  });
}
