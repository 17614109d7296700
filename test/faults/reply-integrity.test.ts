import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stressReplyIntegrity } from '../../bench/reply-integrity.js';

describe('reply integrity under concurrent queries', () => {
  it('every document a query receives belongs to the collection it asked, with getMore and unacknowledged writes in between', async () => {
    const uri = process.env.MONGODB_URI;
    assert.ok(uri, 'MONGODB_URI is set by test/run.ts');
    const report = await stressReplyIntegrity({ uri, seconds: 8, connections: 20 });
    assert.ok(report.queries > 50 && report.unacknowledgedWrites > 3, `the stress ran: ${JSON.stringify(report)}`);
    assert.deepEqual(report.errors, {}, 'no query failed');
    assert.equal(report.misdelivered, 0, 'no query received another query’s reply');
  });
});
