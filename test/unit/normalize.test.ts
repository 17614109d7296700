import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchesAllTerms, normalizeText, queryTerms, searchWords, termMatch, tokenize } from '../../server/platform/text/normalize.js';
import { searchFields } from '../../server/directory/search-fields.js';

describe('normalizeText', () => {
  it('removes Arabic diacritics and tatweel', () => {
    assert.equal(normalizeText('مَأْوًى'), normalizeText('مأوى'));
    assert.equal(normalizeText('حِمَايَة'), normalizeText('حماية'));
    assert.equal(normalizeText('مـــأوى'), normalizeText('مأوى'));
  });

  it('folds alef forms, alef maqsura, ta marbuta, hamza carriers', () => {
    assert.equal(normalizeText('أإآٱا'), 'ااااا');
    assert.equal(normalizeText('مأوى'), 'ماوي');
    assert.equal(normalizeText('الإيواء'), 'الايوا');
    assert.equal(normalizeText('حماية'), normalizeText('حمايه'));
    assert.equal(normalizeText('مؤسسة'), 'موسسه');
    assert.equal(normalizeText('لاجئ'), 'لاجي');
  });

  it('maps Kurdish and Persian letter forms to their Arabic base letters', () => {
    assert.equal(normalizeText('پەناگە'), normalizeText('پهناگه'));
    assert.equal(normalizeText('کوردستان'), normalizeText('كوردستان'), 'keheh and kaf');
    assert.equal(normalizeText('ی'), normalizeText('ي'), 'Farsi ya and Arabic ya');
    assert.equal(normalizeText('ڕێگا'), normalizeText('ريگا'));
    assert.equal(normalizeText('منداڵ'), normalizeText('مندال'));
    assert.equal(normalizeText('ۆ'), 'و');
  });

  it('drops invisible characters typed inside words (ZWNJ, ZWJ, soft hyphen, bidi marks) instead of splitting there', () => {
    assert.deepEqual(tokenize('په\u200Cناگه'), tokenize('پەناگە'));
    assert.deepEqual(tokenize('shel\u00ADter'), ['shelter']);
    assert.deepEqual(tokenize('\u200Fمأوى\u061C'), ['ماوي']);
  });

  it('turns Arabic-Indic and Persian digits into ASCII', () => {
    assert.equal(normalizeText('٠١٢٣٤٥٦٧٨٩'), '0123456789');
    assert.equal(normalizeText('۱۲۳'), '123');
  });

  it('folds Latin case and accents, and compatibility forms', () => {
    assert.equal(normalizeText('Café SHELTER'), 'cafe shelter');
    assert.equal(normalizeText('ﬁle'), 'file');
  });
});

describe('tokens and search words', () => {
  it('tokenises on anything that is not a letter or digit, without duplicates', () => {
    assert.deepEqual(tokenize('Shelter, shelter & legal-aid (24/7)'), ['shelter', 'legal', 'aid', '24', '7']);
    assert.deepEqual(tokenize('الحماية والدعم'), ['الحمايه', 'والدعم']);
  });

  it('keeps each word, and an Arabic word also without its article', () => {
    assert.deepEqual(searchWords(['shelter', 'الماوي', 'ال']), ['shelter', 'الماوي', 'ماوي', 'ال']);
  });

  it('query terms: normalised, one-letter words dropped', () => {
    assert.deepEqual(queryTerms('  Shelt  '), ['shelt']);
    assert.deepEqual(queryTerms('a shelter'), ['shelter']);
    assert.deepEqual(queryTerms('a'), ['a']);
    assert.deepEqual(queryTerms('internationalisation'), ['internationalisation']);
    assert.deepEqual(queryTerms('!!!'), []);
    assert.deepEqual(queryTerms('مَأْوًى'), ['ماوي']);
  });

  it('every word of a query starts a stored word of the text it should find', () => {
    const stored = searchFields({ name: { ar: 'مأوى الطوارئ', en: 'Emergency Shelter', ckb: 'پەناگەی کاتی' } }).words;
    for (const query of ['ماوى', 'مأوى', 'الطوارى', 'طوارئ', 'emerg shel', 'پەناگە', 'پهناگه', 'كاتي']) {
      for (const term of queryTerms(query)) assert.ok(stored.some((w) => w.startsWith(term)), `${query}: ${term}`);
    }
  });

  it('termMatch tells a whole word (with or without its article) from a prefix, for ranking', () => {
    const name = tokenize('المأوى الآمن Night shelter');
    assert.equal(termMatch(name, 'night'), 2);
    assert.equal(termMatch(name, 'shel'), 1);
    assert.equal(termMatch(name, normalizeText('مأوى')), 2, 'without the article');
    assert.equal(termMatch(name, normalizeText('المأوى')), 2);
    assert.equal(termMatch(name, normalizeText('مأ')), 1);
    assert.equal(termMatch(name, 'women'), 0);
  });

  it('matchesAllTerms tells whether every word starts a word', () => {
    const name = tokenize('Emergency Shelter for Women');
    assert.equal(matchesAllTerms(name, queryTerms('shel wom')), true);
    assert.equal(matchesAllTerms(name, queryTerms('shelter legal')), false);
    assert.equal(matchesAllTerms(tokenize('المأوى الآمن'), queryTerms('مأوى')), true, 'article-less match');
  });
});
