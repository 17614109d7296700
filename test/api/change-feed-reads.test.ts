import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ChangeFeed } from '../../server/directory/catalog/change-feed.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('a burst of requests reads a change feed version once, not once each', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('concurrent callers share reads, and a caller after a change sees it', async () => {
    const feed = new ChangeFeed('test_feed_reads');
    await feed.publish('things', ['a']);
    let reads = 0;
    const read = feed.currentVersion.bind(feed);
    feed.currentVersion = () => {
      reads++;
      return read();
    };
    const versions = await Promise.all(Array.from({ length: 20 }, () => feed.latestVersion()));
    assert.ok(reads <= 2, `${reads} database reads for 20 callers`);
    assert.deepEqual(new Set(versions), new Set([1]));

    // A change recorded while a read is under way: a caller that asks after it waits for a fresh read.
    const during = feed.latestVersion();
    await feed.publish('things', ['b']);
    const afterChange = feed.latestVersion();
    assert.ok((await during) >= 1);
    assert.equal(await afterChange, 2);
  });
});
