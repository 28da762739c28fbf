import { readFileSync } from 'node:fs';
import { catalogueMarkdown } from '../src/index.js';

describe('docs/events.md', () => {
  it('matches the catalogue (run `npm run docs:events` after changing contracts)', () => {
    expect(readFileSync(new URL('../../../docs/events.md', import.meta.url), 'utf8')).toBe(catalogueMarkdown());
  });
});
