import { randomUUID } from 'node:crypto';

const BAD_BODIES: unknown[] = [
  {},
  [],
  'text',
  42,
  null,
  { id: 'x', kind: 'nonsense', email: 'not-an-email', page: -1 },
];

/**
 * Call every route in a running service's OpenAPI document with malformed ids, wrong bodies, wrong
 * media types and odd query strings, and return each answer that was a 5xx. Bad input must never
 * reach a 500: a test expects the list to be empty.
 */
export async function probeBadInput(options: {
  url: string;
  token: string;
}): Promise<{ calls: number; serverErrors: string[] }> {
  const response = await fetch(`${options.url}/openapi.json`);
  const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
  const serverErrors: string[] = [];
  let calls = 0;
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const method of Object.keys(operations)) {
      for (const id of ['not-a-uuid', randomUUID()]) {
        const url = `${options.url}${path.replace(/\{[^}]+\}/g, id)}?page=-1&pageSize=abc&kind=%00&limit=x`;
        for (const body of method === 'get' ? [undefined] : BAD_BODIES) {
          for (const contentType of body === undefined ? [undefined] : ['application/json', 'text/csv']) {
            const answer = await fetch(url, {
              method: method.toUpperCase(),
              headers: {
                authorization: `Bearer ${options.token}`,
                ...(contentType ? { 'content-type': contentType } : {}),
              },
              ...(body !== undefined
                ? { body: contentType === 'text/csv' ? 'a,b\n1' : JSON.stringify(body) }
                : {}),
            });
            calls += 1;
            const text = await answer.text();
            if (answer.status >= 500) {
              serverErrors.push(
                `${method.toUpperCase()} ${path} (${id}, ${JSON.stringify(body)}, ${contentType}): ${answer.status} ${text}`,
              );
            }
          }
        }
      }
    }
  }
  return { calls, serverErrors };
}
