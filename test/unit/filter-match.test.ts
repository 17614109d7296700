import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Types } from 'mongoose';
import { matchesFilter } from '../../server/directory/catalog/filter-match.js';
import { wordsFromPrefixes } from '../../server/directory/catalog/directory-catalog.js';

const org = new Types.ObjectId();
const doc = {
  _id: new Types.ObjectId(),
  organizationId: org,
  status: 'active',
  archivedAt: null,
  governorates: ['IQ-BA', 'IQ-NA'],
  categories: ['shelter'],
  lastVerifiedAt: new Date('2026-06-01T00:00:00Z'),
  point: { lat: 30.5, lng: 47.8 },
  confidential: false,
};

describe('in-memory filter evaluation (same semantics as the database)', () => {
  const cases: [string, Record<string, unknown>, boolean][] = [
    ['equality', { status: 'active' }, true],
    ['null matches null and missing', { archivedAt: null, missing: null }, true],
    ['array field holds the value', { governorates: 'IQ-NA' }, true],
    ['$in over an array field', { governorates: { $in: ['IQ-BG', 'IQ-BA'] } }, true],
    ['$in misses', { governorates: { $in: ['IQ-BG'] } }, false],
    ['$nin', { categories: { $nin: ['medical'] } }, true],
    ['$all', { governorates: { $all: ['IQ-BA', 'IQ-NA'] } }, true],
    ['$all misses', { governorates: { $all: ['IQ-BA', 'IQ-BG'] } }, false],
    ['ObjectId equality by value', { organizationId: new Types.ObjectId(org.toHexString()) }, true],
    ['ObjectId $in', { organizationId: { $in: [new Types.ObjectId(), org] } }, true],
    ['dates compare by time', { lastVerifiedAt: { $gte: new Date('2026-05-01') } }, true],
    ['dates compare by time (miss)', { lastVerifiedAt: { $gte: new Date('2026-07-01') } }, false],
    ['dotted ranges', { 'point.lat': { $gte: 30, $lte: 31 }, 'point.lng': { $gt: 47, $lt: 48 } }, true],
    ['$ne true on false', { confidential: { $ne: true } }, true],
    ['$and and $or', { $and: [{ status: 'active' }, { $or: [{ confidential: true }, { 'point.lat': { $lt: 31 } }] }] }, true],
    ['$or all miss', { $or: [{ confidential: true }, { status: 'inactive' }] }, false],
  ];
  for (const [name, filter, expected] of cases) {
    it(name, () => assert.equal(matchesFilter(doc, filter), expected));
  }

  it('refuses operators it does not know rather than guess', () => {
    assert.throws(() => matchesFilter(doc, { status: { $regex: 'act' } }), /does not evaluate \$regex/);
    assert.throws(() => matchesFilter(doc, { $where: 'true' }), /does not evaluate \$where/);
  });

  it('reads records stored with every prefix of their words: a term starts a kept word exactly when it was a stored prefix', () => {
    const prefixes = ['shelter', 'shell', 'basrah', 'الملجا', 'ملجا'].flatMap((w) => [...w].map((_, i) => w.slice(0, i + 1)).slice(1));
    const words = wordsFromPrefixes(prefixes);
    for (const term of ['sh', 'shel', 'shelte', 'shell', 'bas', 'ملج', 'الم']) {
      assert.equal(words.some((w) => w.startsWith(term)), prefixes.includes(term), term);
    }
    assert.ok(words.length < prefixes.length / 3);
  });
});
