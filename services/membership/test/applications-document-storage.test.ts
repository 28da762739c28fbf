import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, baseConfigSchema } from '@konsey/service-kit';
import { z } from 'zod';
import { applicationsConfig } from '../src/applications/applications-config.js';
import { createDocumentStorage } from '../src/applications/storage/create-document-storage.js';
import { localDocumentStorage } from '../src/applications/storage/local-document-storage.js';
import { s3DocumentStorage } from '../src/applications/storage/s3-document-storage.js';

const sha = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/**
 * A minimal S3-compatible server on 127.0.0.1 (path-style HEAD, PUT, GET), which checks the SHA-256
 * checksum header as S3 does. It does not verify request signatures: it checks what the storage sends.
 */
async function startFakeS3() {
  const objects = new Map<string, { body: Buffer; contentType: string | undefined }>();
  const requests: { method: string; path: string; headers: IncomingMessage['headers'] }[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push({ method: req.method ?? '', path, headers: req.headers });
    const object = objects.get(path);
    if (req.method === 'PUT') {
      const checksum = req.headers['x-amz-checksum-sha256'];
      if (checksum && checksum !== createHash('sha256').update(body).digest('base64')) {
        res.writeHead(400, { 'content-type': 'application/xml' }).end('<Error><Code>BadDigest</Code></Error>');
        return;
      }
      objects.set(path, { body, contentType: req.headers['content-type'] });
      res.writeHead(200, { etag: '"e"' }).end();
    } else if (!object) {
      res.writeHead(404, { 'content-type': 'application/xml' }).end(req.method === 'HEAD' ? undefined : '<Error><Code>NoSuchKey</Code><Message>none</Message></Error>');
    } else if (req.method === 'HEAD') {
      res.writeHead(200, { 'content-length': object.body.length, 'content-type': object.contentType ?? 'application/octet-stream' }).end();
    } else {
      res.writeHead(200, { 'content-type': object.contentType ?? 'application/octet-stream', 'content-length': object.body.length }).end(object.body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('document storage', () => {
  const content = Buffer.from('%PDF-1.7\nbody\n%%EOF\n');

  it('local: keeps bytes under their hash, once, and reads them back; unknown hashes are undefined', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'konsey-documents-'));
    const storage = localDocumentStorage(dir);
    await storage.put(sha(content), content, 'application/pdf');
    await storage.put(sha(content), content, 'application/pdf');
    expect(await storage.get(sha(content))).toEqual(content);
    expect(await readdir(join(dir, sha(content).slice(0, 2)))).toEqual([sha(content)]);
    expect(await storage.get('0'.repeat(64))).toBeUndefined();
    await expect(storage.get('../../etc/passwd')).rejects.toThrow(/SHA-256/);
  });

  describe('s3 against a local S3-compatible server', () => {
    let s3: Awaited<ReturnType<typeof startFakeS3>>;
    beforeAll(async () => {
      s3 = await startFakeS3();
    });
    afterAll(async () => {
      await s3.close();
    });

    it('puts path-style with type and SHA-256 checksum, skips an existing object, and reads it back', async () => {
      const storage = s3DocumentStorage({
        endpoint: s3.endpoint,
        bucket: 'konsey-documents',
        region: 'eu-central-1',
        accessKeyId: 'test',
        secretAccessKey: 'test-secret',
        forcePathStyle: true,
      });
      const key = `/konsey-documents/documents/${sha(content)}`;
      await storage.put(sha(content), content, 'application/pdf');
      expect(s3.objects.get(key)).toEqual({ body: content, contentType: 'application/pdf' });
      const put = s3.requests.find((request) => request.method === 'PUT')!;
      expect(put.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=test\//);
      await storage.put(sha(content), content, 'application/pdf');
      expect(s3.requests.filter((request) => request.method === 'PUT')).toHaveLength(1);
      expect(await storage.get(sha(content))).toEqual(content);
      expect(await storage.get('f'.repeat(64))).toBeUndefined();
    });
  });

  it('DOCUMENT_STORAGE=s3 without its bucket and keys is a configuration error naming each', () => {
    const schema = baseConfigSchema.extend(applicationsConfig);
    const config = schema.parse({ PORT: '0', DOCUMENT_STORAGE: 's3' }) as z.infer<typeof schema>;
    expect(() => createDocumentStorage(config)).toThrow(ConfigError);
    expect(() => createDocumentStorage(config)).toThrow(/S3_BUCKET[\s\S]*S3_ACCESS_KEY_ID[\s\S]*S3_SECRET_ACCESS_KEY/);
    expect(createDocumentStorage({ ...config, S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' }).kind).toBe('s3');
    expect(createDocumentStorage({ ...config, DOCUMENT_STORAGE: 'local' }).kind).toBe('local');
  });

  it('reads the districts list and flags from the environment', () => {
    const schema = z.object(applicationsConfig);
    expect(schema.parse({}).APPLICATION_DISTRICTS).toHaveLength(30);
    expect(schema.parse({ APPLICATION_DISTRICTS: 'Konak, Buca ,' }).APPLICATION_DISTRICTS).toEqual(['Konak', 'Buca']);
    expect(schema.parse({ S3_FORCE_PATH_STYLE: 'false' }).S3_FORCE_PATH_STYLE).toBe(false);
    expect(schema.safeParse({ APPLICATIONS_SECRET: 'short' }).success).toBe(false);
  });
});
