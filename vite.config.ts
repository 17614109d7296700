import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { ar } from './client/src/i18n/ar.js';
import { ckb } from './client/src/i18n/ckb.js';
import { en } from './client/src/i18n/en.js';

/** Text files worth compressing; source maps are left out (only developer tools fetch them). */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;
/** A copy must save at least this much to pay for the headers it adds (Content-Encoding, Vary). */
const MIN_SAVING = 64;

/**
 * Writes `file.br` and `file.gz` beside each compressible built file that they make smaller, at
 * the strongest settings, once per build: the server then sends them as they are
 * (server/site/static-assets.ts).
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
          entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
        );
      for (const file of walk(outDir).filter((f) => COMPRESSIBLE.test(f))) {
        const content = readFileSync(file);
        const copies = {
          br: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
          gz: gzipSync(content, { level: 9 }),
        };
        for (const [suffix, copy] of Object.entries(copies)) {
          if (copy.length + MIN_SAVING <= content.length) writeFileSync(`${file}.${suffix}`, copy);
        }
      }
    },
  };
}

/** The service worker's entry; built to /sw.js so that its scope is the whole site. */
const SERVICE_WORKER = 'sw';

/** A web app manifest per interface language (the app links the one of the language in use). */
function manifests(): Record<string, object> {
  const catalogues = { en, ar, ckb };
  return Object.fromEntries(
    Object.entries(catalogues).map(([lang, catalogue]) => [
      `manifest.${lang}.webmanifest`,
      {
        name: `${catalogue['app.title']} — ${catalogue['app.region']}`,
        short_name: catalogue['nav.directory'],
        description: catalogue['app.footer'],
        lang,
        dir: lang === 'en' ? 'ltr' : 'rtl',
        id: '/',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5aa6',
        icons: [
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    ]),
  );
}

/**
 * Makes the app installable and usable offline: writes the manifests, and writes into the service
 * worker the list of the build's files to keep (the app shell: index.html and every hashed asset,
 * not source maps) with a version that changes whenever one of them does.
 */
function pwa(): Plugin {
  return {
    name: 'pwa',
    apply: 'build',
    // After Vite has added index.html to the bundle.
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const [fileName, manifest] of Object.entries(manifests())) {
        this.emitFile({ type: 'asset', fileName, source: JSON.stringify(manifest, null, 2) });
      }
      const worker = Object.values(bundle).find((file) => file.type === 'chunk' && file.name === SERVICE_WORKER);
      if (worker?.type !== 'chunk') throw new Error('the service worker was not built');
      const files = Object.keys(bundle)
        .filter((name) => name !== worker.fileName && !name.endsWith('.map') && !name.endsWith('.webmanifest'))
        .sort();
      const version = createHash('sha256').update(files.join('\n')).digest('base64url').slice(0, 12);
      // Installing fetches only the shell (index.html and what the entry imports statically): on metered
      // data a first visit must not pay for every screen and language. Other files are kept as they are used.
      const shell = new Set<string>(['index.html']);
      const visit = (fileName: string) => {
        const chunk = bundle[fileName];
        if (!chunk || shell.has(fileName)) return;
        shell.add(fileName);
        if (chunk.type !== 'chunk') return;
        for (const css of chunk.viteMetadata?.importedCss ?? []) shell.add(css);
        chunk.imports.forEach(visit);
      };
      for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk' && chunk.isEntry && chunk !== worker) visit(chunk.fileName);
      worker.code = `const PRECACHE = ${JSON.stringify({ version, files: [...shell].sort() })};\n${worker.code}`;
    },
  };
}

export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [pwa(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    reportCompressedSize: true,
    rollupOptions: {
      input: { index: path.resolve('client/index.html'), [SERVICE_WORKER]: path.resolve('client/src/sw.ts') },
      output: {
        entryFileNames: (chunk) => (chunk.name === SERVICE_WORKER ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/hsds': 'http://127.0.0.1:3000' },
  },
});
