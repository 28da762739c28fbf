import { TAGS } from '../encoding/domain-tags.js';
import { Transcript } from '../encoding/transcript.js';
import { validateManifest, type ElectionManifest } from './manifest.js';
import { validateParameters, type ElectionParameters } from './parameters.js';

/**
 * Hash of the manifest and parameters, known before the key ceremony (the ceremony's proofs bind
 * to it). Every field is encoded canonically; JSON formatting plays no role.
 */
export function parametersHash(manifest: ElectionManifest, parameters: ElectionParameters): Uint8Array {
  validateManifest(manifest);
  validateParameters(parameters);
  const t = new Transcript(TAGS.parametersHash).text(manifest.electionId).text(manifest.title).number(manifest.contests.length);
  for (const c of manifest.contests) {
    t.text(c.id).text(c.title).text(c.kind).number(c.minSelections).number(c.maxSelections).number(c.options.length);
    for (const o of c.options) t.text(o);
  }
  return t.number(parameters.threshold).number(parameters.memberCount).number(parameters.maxBallots).hash32();
}
