/**
 * `npm run create-admin -- --email admin@example.org --name "Admin Name"`
 * Creates a platform admin. The password comes from ADMIN_PASSWORD, or is asked for on the terminal
 * (not echoed). Uses the same database settings as the app (MONGODB_URI or the embedded database).
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { createAccount } from '../accounts/accounts.js';
import { ConfigError, loadConfig, loadDotEnv } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import { HttpProblem } from '../platform/http/problem.js';
import { createLogger } from '../platform/logging.js';

/** Reads one line from the terminal without showing what is typed. */
function askHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const output = rl as unknown as { _writeToOutput?: (s: string) => void };
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    // Echo nothing of the answer from here on.
    output._writeToOutput = () => {};
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email || !values.name) {
    console.error('Usage: npm run create-admin -- --email <address> --name "<full name>"   (password: ADMIN_PASSWORD or prompt)');
    return 2;
  }
  loadDotEnv();
  const config = loadConfig();
  const password = process.env.ADMIN_PASSWORD || (await askHidden('Password for the new platform admin (12+ characters): '));
  const db = await openDatabase(config, createLogger('warn'));
  try {
    const user = await createAccount({ email: values.email, name: values.name, password, role: 'platform-admin', organizationId: null }, null);
    console.log(`Platform admin ${user.email} created.`);
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof HttpProblem) {
      console.error(`${err.message}${err.errors ? ` ${err.errors.map((e) => e.message).join(' ')}` : ''}`);
    } else if (err instanceof ConfigError) {
      console.error(err.message);
    } else {
      console.error('create-admin failed:', err instanceof Error ? err.message : err);
    }
    process.exit(1);
  },
);
