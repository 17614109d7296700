import { Worker } from 'node:worker_threads';

/**
 * A worker thread running the module at `url`, given as the built file (`new URL('./x.js', import.meta.url)`).
 * Under tsx (tests, `npm run dev`) the module is a .ts file, which a Node 20 worker cannot load: the
 * loader is not inherited, so tsx's API imports it there.
 */
export function startWorker(url: URL): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(url);
  const source = url.href.replace(/\.js$/, '.ts');
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`, {
    eval: true,
  });
}
