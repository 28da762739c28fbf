import { createElectionContext, decodePoint, fromBase64url } from '@konsey/ballot-crypto';

/** The election context a device builds from `GET …/ballot-box/context`. */
export function contextFromPublished(published) {
  return createElectionContext({
    manifest: published.manifest,
    parameters: published.parameters,
    commitments: published.commitments.map((member) => member.map((p) => decodePoint(fromBase64url(p, 32)))),
  });
}
