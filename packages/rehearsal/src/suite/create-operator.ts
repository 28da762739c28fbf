import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const membership = fileURLToPath(new URL('../../../../services/membership/', import.meta.url));

/** The first operator of a council, created with membership's own CLI (the password goes through stdin). */
export interface Operator {
  email: string;
  password: string;
}

export const REHEARSAL_OPERATOR: Operator = {
  email: 'operator@prova.kentkonseyi.test',
  password: 'Prova-Genel-Kurul-2026!',
};

export async function createOperator(
  env: NodeJS.ProcessEnv,
  operator: Operator = REHEARSAL_OPERATOR,
): Promise<Operator> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['dist/auth/cli/create-operator.js', '--email', operator.email, '--name', 'Prova Operatörü'],
      { cwd: membership, env: { ...env, LOG_LEVEL: 'silent' }, stdio: ['pipe', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`create-operator çıkış kodu / exited ${code}: ${stderr.trim()}`)),
    );
    child.stdin.end(`${operator.password}\n`);
  });
  return operator;
}
