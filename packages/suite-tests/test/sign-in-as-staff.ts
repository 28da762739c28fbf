import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const membership = fileURLToPath(new URL('../../../services/membership/', import.meta.url));

async function json(response: Response): Promise<Record<string, unknown>> {
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${response.status}: ${JSON.stringify(body)}`);
  return body;
}

/**
 * What a council does on its first day: create the first operator with membership's CLI, sign in,
 * give that account the staff role, and sign in again. Returns an access token with both roles.
 */
export async function signInAsStaff(options: { membershipUrl: string; databaseUrl: string; dataDir: string }): Promise<string> {
  const email = 'operator@konsey.test';
  const password = 'Kent-Konseyi-2026!';
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/auth/cli/create-operator.js', '--email', email, '--name', 'İlk Operatör'], {
      cwd: membership,
      env: { ...process.env, DATABASE_URL: options.databaseUrl, DATA_DIR: options.dataDir, LOG_LEVEL: 'silent' },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`create-operator exited ${code}: ${stderr}`))));
    child.stdin.end(`${password}\n`);
  });
  const signIn = async () =>
    (await json(
      await fetch(`${options.membershipUrl}/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      }),
    )).accessToken as string;
  const operator = await signIn();
  const me = await json(await fetch(`${options.membershipUrl}/v1/auth/me`, { headers: { authorization: `Bearer ${operator}` } }));
  await json(
    await fetch(`${options.membershipUrl}/v1/accounts/${String(me.id)}/roles/staff`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${operator}` },
    }),
  );
  return signIn();
}
