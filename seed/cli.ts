/**
 * `npm run seed [-- --scale N] [--reset-sample]`: loads reference data and the fictional sample
 * directory into the configured database (MONGODB_URI, or the embedded one under DATA_DIR).
 */
import { parseArgs } from 'node:util';
import { runWithDatabase } from '../server/cli/run-with-database.js';
import { MIN_SERVICES } from './sample/generator.js';
import { describeCounts, removeSampleData, seedDatabase } from './seed.js';

const USAGE = `Usage: npm run seed -- [--scale N] [--reset-sample]   (N: number of sample services, at least ${MIN_SERVICES})`;

/** Flags are checked before the database starts, so a typo costs nothing. */
function parseCommandLine(): { scale: number | undefined; resetSample: boolean } {
  try {
    const { values } = parseArgs({
      options: { scale: { type: 'string' }, 'reset-sample': { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: false,
    });
    const scale = values.scale === undefined ? undefined : Number(values.scale);
    if (scale !== undefined && (!Number.isInteger(scale) || scale < MIN_SERVICES)) throw new RangeError(values.scale);
    return { scale, resetSample: values['reset-sample'] };
  } catch {
    console.error(USAGE);
    process.exit(2);
  }
}

const { scale, resetSample } = parseCommandLine();

await runWithDatabase(async ({ config }) => {
  const started = performance.now();
  if (resetSample) console.log(`removed sample data: ${describeCounts(await removeSampleData())}`);
  // Fictional records do not belong in a production directory unless asked for explicitly.
  const sample = !config.isProduction || config.seedSample;
  if (!sample) console.log('production: sample data not loaded (set SEED_SAMPLE=true to load it anyway)');
  // The seeder logs what it inserted; counting afterwards would read every document on FerretDB.
  await seedDatabase({ sample, ...(scale ? { scale } : {}), log: (message) => console.log(message) });
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
