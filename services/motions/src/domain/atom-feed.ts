/** Escape text for XML content and attribute values. */
export function escapeXml(value: string): string {
  return (
    value
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Characters XML 1.0 does not allow at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
  );
}

export interface FeedEntry {
  id: string;
  title: string;
  updated: string;
  link: string;
  summary: string;
}

/** An Atom 1.0 feed (RFC 4287). */
export function atomFeed(feed: {
  id: string;
  title: string;
  link: string;
  updated: string;
  entries: readonly FeedEntry[];
}): string {
  const entries = feed.entries
    .map(
      (entry) => `  <entry>
    <id>${escapeXml(entry.id)}</id>
    <title>${escapeXml(entry.title)}</title>
    <updated>${escapeXml(entry.updated)}</updated>
    <link rel="alternate" href="${escapeXml(entry.link)}"/>
    <summary>${escapeXml(entry.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(feed.id)}</id>
  <title>${escapeXml(feed.title)}</title>
  <updated>${escapeXml(feed.updated)}</updated>
  <link rel="self" href="${escapeXml(feed.link)}"/>
  <author><name>${escapeXml(feed.title)}</name></author>
${entries}
</feed>
`;
}
