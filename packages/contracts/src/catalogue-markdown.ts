import { catalogue } from './catalogue.js';

/** The routing table as Markdown: what docs/events.md shows, generated so it cannot drift from the code. */
export function catalogueMarkdown(): string {
  const rows = Object.values(catalogue)
    .map((definition) => {
      const consumers = definition.consumers.length ? definition.consumers.join(', ') : '—';
      return `| \`${definition.type}\` | ${definition.kind} | v${definition.version} | ${definition.producer} | ${consumers} | ${definition.summary} |`;
    })
    .join('\n');
  return [
    '# Events and commands on the bus',
    '',
    'Generated from `packages/contracts/src/catalogue.ts` by `npm run docs:events`; a test fails when this file',
    'is out of date. Each consumer reads its own BullMQ queue, `konsey-<service>-inbox`.',
    '',
    '| type | kind | version | producer | consumers | what it means |',
    '| --- | --- | --- | --- | --- | --- |',
    rows,
    '',
  ].join('\n');
}
