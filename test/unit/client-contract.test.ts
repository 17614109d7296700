/**
 * The web app's API types come from the server's view schemas: `client/src/api/types.ts` may name and
 * derive them but a lint rule refuses any shape written out there, so none can drift from the API.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TYPES = path.join(ROOT, 'client/src/api/types.ts');
const eslint = new ESLint({ cwd: ROOT });

/** The messages of the boundary rule for `text` linted as the client's types module. */
async function refusals(text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: TYPES });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('client API types', () => {
  it('are all named from or derived from the contract', async () => {
    assert.deepEqual(await refusals(await readFile(TYPES, 'utf8')), []);
  });

  for (const [what, text] of [
    ['an interface', 'export interface Governorate { code: string }\n'],
    ['an object type', 'export type Problem = { title: string };\n'],
    ['an object type mixed into a derived one', "import type { Page } from './x.js';\nexport type ServicePage = Page<string> & { corrected?: string[] };\n"],
    ['an object type inside a generic one', 'export type Page<T> = Readonly<{ items: T[] }>;\n'],
  ]) {
    it(`refuse ${what} written out`, async () => {
      assert.equal((await refusals(text!)).length, 1);
    });
  }

  it('allow a type derived from one of the contract', async () => {
    assert.deepEqual(await refusals("import type { ServiceDetail } from './x.js';\nexport type Schedule = ServiceDetail['schedules'][number];\n"), []);
  });
});
