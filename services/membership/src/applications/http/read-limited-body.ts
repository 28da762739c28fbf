import type { Request } from 'express';

/**
 * Read a raw request body of at most `maxBytes`. A declared Content-Length over the limit is refused
 * before a byte is read; a body that grows past it is refused as soon as it does (`onTooLarge`): the
 * rest is discarded unread rather than the socket torn down, so the client still gets the answer.
 */
export function readLimitedBody(req: Request, maxBytes: number, onTooLarge: () => Error): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.reject(onTooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      cleanup();
      chunks.length = 0;
      req.resume();
      reject(onTooLarge());
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
