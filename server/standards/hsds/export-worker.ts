import { parentPort } from 'node:worker_threads';
import { strToU8, zipSync } from 'fflate';
import type { TableName } from './spec.js';
import { TableWriter, type HsdsObject } from './tabular.js';

/** What the main thread sends: the public view's HSDS objects in batches, then the other files. */
export type ExportMessage =
  | { kind: 'rows'; table: TableName; objects: HsdsObject[] }
  | { kind: 'finish'; texts: Record<string, string>; created: number };

/** Writes the CSV tables and zips the package: the CPU-bound part of an export, off the event loop. */
const writer = new TableWriter();
parentPort!.on('message', (message: ExportMessage) => {
  if (message.kind === 'rows') {
    for (const object of message.objects) writer.add(message.table, object);
    return;
  }
  const files: Record<string, Uint8Array> = {};
  for (const [path, text] of Object.entries(message.texts)) files[path] = strToU8(text);
  for (const [path, csv] of Object.entries(writer.files())) files[path] = strToU8(csv);
  // Entry times fixed to `created`: the same records and time give the same bytes.
  const bytes = zipSync(files, { level: 6, mtime: new Date(message.created) });
  parentPort!.postMessage(bytes, [bytes.buffer]);
});
