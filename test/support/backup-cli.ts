import { spawn } from 'node:child_process';
import { fromRepoRoot } from '../../server/platform/paths.js';

/**
 * `npm run backup|restore -- FILE` as an operator runs it; resolves with its exit code and all it
 * printed. With `killAfterMs` the process is killed (SIGKILL) then, as a crash would stop it.
 */
export function runBackupCli(
  mode: 'backup' | 'restore',
  file: string,
  env: Record<string, string>,
  options: { killAfterMs?: number } = {},
): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/backup.ts', mode, file], {
    cwd: fromRepoRoot(),
    env: { ...process.env, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const kill = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(kill);
      resolve({ code, out });
    }),
  );
}
