import mongoose from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import { startTestApp, type TestApp } from './test-app.js';

/** A test app whose database client reports every command it sends (events are off unless asked for). */
export function startMonitoredTestApp(): Promise<TestApp> {
  const uri = process.env.MONGODB_URI!;
  return startTestApp({}, { uri: `${uri}${uri.includes('?') ? '&' : '?'}monitorCommands=true` });
}

/** What `read` makes of each command the app sends to its database while `run` runs. */
export async function commandsWhile<T>(read: (e: CommandStartedEvent) => T[], run: () => Promise<unknown>): Promise<T[]> {
  const seen: T[] = [];
  const db = mongoose.connection.db!.databaseName;
  const record = (e: CommandStartedEvent) => {
    if (e.databaseName === db) seen.push(...read(e));
  };
  const client = mongoose.connection.getClient();
  client.on('commandStarted', record);
  try {
    await run();
  } finally {
    client.off('commandStarted', record);
  }
  return seen;
}
