import type { ElectionManifest } from '../src/election/manifest.js';
import type { ElectionParameters } from '../src/election/parameters.js';

/** A small manifest with one contest of each shape. */
export const MANIFEST: ElectionManifest = {
  electionId: 'test-2026',
  title: 'Test election',
  contests: [
    { id: 'chair', title: 'Chair', kind: 'single-choice', options: ['Ayşe', 'Mehmet', 'Zeynep'], minSelections: 0, maxSelections: 1 },
    { id: 'board', title: 'Board', kind: 'block', options: ['A', 'B', 'C', 'D'], minSelections: 0, maxSelections: 2 },
    { id: 'motion-1', title: 'Motion 1', kind: 'yes-no-abstain', options: ['yes', 'no', 'abstain'], minSelections: 1, maxSelections: 1 },
  ],
};

export const PARAMS: ElectionParameters = { threshold: 2, memberCount: 3, maxBallots: 50 };

export const binding = (n: number): Uint8Array => new TextEncoder().encode(`voter-${n}`);
