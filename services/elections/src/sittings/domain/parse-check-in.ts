const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The member id carried by a membership card's QR code. Accepted payloads: `konsey:member:<uuid>`, a
 * link whose last path segment or `member` query parameter is the id (e.g.
 * `https://konsey.example/m/<uuid>`), or the bare id. Returns undefined when none is found.
 */
export function memberIdFromQr(payload: string): string | undefined {
  const text = payload.trim();
  if (UUID.test(text)) return text.toLowerCase();
  const prefixed = /^konsey:member:(.+)$/i.exec(text);
  if (prefixed) return UUID.test(prefixed[1]!) ? prefixed[1]!.toLowerCase() : undefined;
  if (!/^https?:\/\//i.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const candidate = url.searchParams.get('member') ?? url.pathname.split('/').filter(Boolean).at(-1) ?? '';
  return UUID.test(candidate) ? candidate.toLowerCase() : undefined;
}
