/**
 * What the tests need from the machine besides npm packages, checked by test/run.ts before any test
 * file starts: a missing part is installed where that is safe (Debian's packages, as root), or the
 * run stops at once with one line that names it and the command that installs it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export class MissingPrerequisite extends Error {
  override name = 'MissingPrerequisite';
}

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
/** The browser and the fonts its screenshots of Arabic and Kurdish text need. */
const CHROMIUM_PACKAGES = ['chromium', 'fonts-noto-core', 'fonts-dejavu-core'];

/** The Chromium the browser tests drive: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM;
}

export function missingChromiumMessage(): string {
  return process.env.CHROMIUM_PATH
    ? `Chromium not found at ${process.env.CHROMIUM_PATH} (CHROMIUM_PATH): point CHROMIUM_PATH at a Chromium binary, or unset it to use Debian's (apt-get install ${CHROMIUM_PACKAGES.join(' ')}).`
    : `Chromium not found at ${DEBIAN_CHROMIUM}: install it with \`sudo apt-get install ${CHROMIUM_PACKAGES.join(' ')}\` (Debian, Ubuntu), or set CHROMIUM_PATH to a Chromium binary.`;
}

/** Root on Debian or a derivative (Ubuntu): apt-get can install what is missing without asking anyone. */
function canInstallDebianPackages(): boolean {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get') || !existsSync('/etc/os-release')) return false;
  return /^ID(_LIKE)?=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
}

function installDebianPackages(packages: string[]): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...packages]]) {
    const run = spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (run.status !== 0) throw new MissingPrerequisite(`\`apt-get ${args.join(' ')}\` failed (exit ${run.status ?? run.signal}).`);
  }
}

/**
 * Chromium for the browser tests. A CHROMIUM_PATH that points nowhere is a mistake to report, not a
 * reason to install anything; without it, Debian's package is installed when this run may do so.
 */
export function ensureChromium(log: (line: string) => void): void {
  if (existsSync(chromiumPath())) return;
  if (process.env.CHROMIUM_PATH || !canInstallDebianPackages()) throw new MissingPrerequisite(missingChromiumMessage());
  log(`Chromium is missing: installing Debian's (apt-get install ${CHROMIUM_PACKAGES.join(' ')}) for the browser tests`);
  installDebianPackages(CHROMIUM_PACKAGES);
  if (!existsSync(DEBIAN_CHROMIUM)) throw new MissingPrerequisite(missingChromiumMessage());
}
