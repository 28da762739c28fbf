/** One answer of a service under test: the status, the raw text and, for JSON, the parsed body. */
export interface ApiAnswer {
  status: number;
  type: string | null;
  headers: Headers;
  text: string;
  // Bodies are read loosely in tests: each assertion states the shape it expects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface ApiCallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Calls a running service the way a client does: bearer token, JSON body, any extra headers. */
export function createApiClient(baseUrl: () => string) {
  return async (method: string, path: string, options: ApiCallOptions = {}): Promise<ApiAnswer> => {
    const response = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await response.text();
    const type = response.headers.get('content-type');
    return {
      status: response.status,
      type,
      headers: response.headers,
      text,
      body: text && type?.includes('json') ? JSON.parse(text) : undefined,
    };
  };
}
