import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest folder above this file with a package.json. Works the same when
 * run from TypeScript sources (tsx) and from the compiled dist/ tree.
 */
function findRepoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export const REPO_ROOT = findRepoRoot();
export const fromRepoRoot = (...segments: string[]): string => path.join(REPO_ROOT, ...segments);
