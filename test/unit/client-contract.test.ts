/**
 * The web app's API types come from the contract's schemas: a lint rule refuses any shape written out
 * in `client/src/api/`, so none can drift from the API. Only a query string the client builds (an
 * interface extending `Query`) is its own.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const API = path.join(ROOT, 'client/src/api');
const eslint = new ESLint({ cwd: ROOT });

/** The messages of the boundary rule for `text` linted as a module of the client's API folder. */
async function refusals(text: string, filePath = path.join(API, 'workspace.ts')): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('client API types', () => {
  it('are all named from or derived from the contract, in every module of client/src/api', async () => {
    const files = (await readdir(API)).filter((f) => f.endsWith('.ts'));
    assert.ok(files.length >= 5);
    for (const file of files) {
      const filePath = path.join(API, file);
      assert.deepEqual(await refusals(await readFile(filePath, 'utf8'), filePath), [], file);
    }
  });

  for (const [what, text] of [
    ['an interface', 'export interface Member { id: string; email: string }\n'],
    ['an object type', 'export type Problem = { title: string };\n'],
    ['an object type mixed into a derived one', "import type { Page } from './x.js';\nexport type ServicePage = Page<string> & { corrected?: string[] };\n"],
    ['an object type inside a generic one', 'export type Page<T> = Readonly<{ items: T[] }>;\n'],
    ['an answer typed in place', "import { get } from './client.js';\nexport const members = () => get<{ items: string[] }>('/members');\n"],
    ['a body typed in place', 'export const invite = (body: { email: string }) => body;\n'],
  ]) {
    it(`refuse ${what} written out`, async () => {
      assert.equal((await refusals(text!)).length, 1);
    });
  }

  it('allow a type derived from one of the contract', async () => {
    assert.deepEqual(await refusals("import type { ServiceDetail } from './x.js';\nexport type Schedule = ServiceDetail['schedules'][number];\n"), []);
  });

  it('allow a query string the client builds', async () => {
    assert.deepEqual(await refusals("import type { Query } from './client.js';\nexport interface UserFilter extends Query { page?: number }\n"), []);
  });
});
