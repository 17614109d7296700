/**
 * The QR encoder of the printed pathway against published vectors: ISO/IEC 18004's worked example
 * (Annex I, "01234567" at 1-M) for Reed–Solomon, its format and version information tables, and a
 * whole byte-mode symbol.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dataCodewordsOf, encodeQr, formatBits, penalty, reedSolomon, versionBits } from '../../client/src/components/qr-code/qr-matrix.js';

const hex = (bytes: number[]) => bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ');

/**
 * https://example.org/governorates/IQ-BG?lang=ar at 4-M with mask 2, as segno 1.6.6 draws it once its
 * padding step is corrected (it appends a whole zero codeword when the bit stream already ends on a
 * codeword boundary; §7.4.10 appends nothing).
 */
const URL_4M_MASK_2 = [
  '#######...#..##.######.#..#######',
  '#.....#..#########..##..#.#.....#',
  '#.###.#.######.#.######.#.#.###.#',
  '#.###.#.###...###...#.#.#.#.###.#',
  '#.###.#.#####..#.##...##..#.###.#',
  '#.....#.#..#..####..###...#.....#',
  '#######.#.#.#.#.#.#.#.#.#.#######',
  '........##.....#.....#...........',
  '#.#####..#######.#....##..#####..',
  '#.##.#.....##...#..###.#..##.##..',
  '##.####.#####..#..#.#....##.#.##.',
  '###.....#.#...#....###...##.#####',
  '..##.##...##...#..##.#.#.#..##.##',
  '..#.##....#.#.###...##.##.##...##',
  '.######..#.#.##..#.#.##..##.####.',
  '#..#...##.###.#.#.######.##..##..',
  '#.#...#.######..##.#....##.####.#',
  '#.#.##.#..#..##.####...#..##.##.#',
  '###..##.#.#.#..###..#.#..####.#..',
  '....#..#...#..#.#####...#..######',
  '..##..#.##..###.#...###.##.#.#...',
  '####.#..#..##.##..#....#..#...#.#',
  '#..#.##..#.#.#.##...#.#.##.#####.',
  '#.###..#.#.##..#.....#.#.#.#..#.#',
  '#.###.#.#.######.#....#######..##',
  '........##..#...#..###..#...#.###',
  '#######..##.#..#..#..#.##.#.#.##.',
  '#.....#.#...###.#..#.####...####.',
  '#.###.#.##..###...#..#..######.#.',
  '#.###.#.#.#.#.###...#.#.##..##..#',
  '#.###.#.###.#.#..###..#..###.##..',
  '#.....#....#....#.#####.....###..',
  '#######.#..####..#.##.####.#..##.',
];

const drawn = (modules: boolean[][]) => modules.map((row) => row.map((dark) => (dark ? '#' : '.')).join(''));

describe('QR code encoder (byte mode, level M)', () => {
  it('computes the error correction codewords of the ISO/IEC 18004 Annex I example', () => {
    // "01234567" in numeric mode at 1-M: the 16 data codewords and the 10 published EC codewords.
    const data = [0x10, 0x20, 0x0c, 0x56, 0x61, 0x80, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11];
    assert.equal(hex(reedSolomon(data, 10)), 'a5 24 d4 c1 ed 36 c7 87 2c 55');
  });

  it('gives the format information of level M for each mask (Annex C, Table C.1)', () => {
    const published = ['101010000010010', '101000100100101', '101111001111100', '101101101001011', '100010111111001', '100000011001110', '100111110010111', '100101010100000'];
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7].map((mask) => formatBits(mask).toString(2).padStart(15, '0')), published);
  });

  it('gives the version information of versions 7 to 10 (Annex D, Table D.1)', () => {
    assert.deepEqual([7, 8, 9, 10].map(versionBits), [0x07c94, 0x085bc, 0x09a99, 0x0a4d3]);
  });

  it('encodes bytes as mode, count, data, terminator and alternating pad codewords', () => {
    // "a": 0100 00000001 01100001 0000, then 0xEC 0x11 … to version 1-M's 16 data codewords.
    assert.equal(hex(dataCodewordsOf(new TextEncoder().encode('a'), 1)), '40 16 10 ec 11 ec 11 ec 11 ec 11 ec 11 ec 11 ec');
    // From version 10 the count takes 16 bits.
    assert.deepEqual(dataCodewordsOf(new TextEncoder().encode('a'), 10).slice(0, 4), [0x40, 0x00, 0x16, 0x10]);
  });

  it('draws a whole byte-mode symbol module for module', () => {
    const qr = encodeQr('https://example.org/governorates/IQ-BG?lang=ar', { mask: 2 });
    assert.equal(qr.version, 4);
    assert.deepEqual(drawn(qr.modules), URL_4M_MASK_2);
  });

  it('picks the smallest version that holds the text, up to version 10', () => {
    const versionFor = (length: number) => encodeQr('a'.repeat(length)).version;
    // The byte capacities of versions 1–10 at level M (Table 7): 14, 26, 42, 62, 84, 106, 122, 152, 180, 213.
    assert.deepEqual([14, 15, 26, 27, 42, 43, 62, 63, 84, 85, 106, 107, 122, 123, 152, 153, 180, 181, 213].map(versionFor), [1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10]);
    assert.throws(() => encodeQr('a'.repeat(214)), RangeError);
    // UTF-8: each Arabic letter takes two bytes.
    assert.equal(encodeQr('م'.repeat(7)).version, 1);
    assert.equal(encodeQr('م'.repeat(8)).version, 2);
  });

  it('chooses the mask of lowest penalty', () => {
    const text = 'https://example.org/governorates/IQ-BG?lang=ar';
    const chosen = encodeQr(text);
    const scores = [0, 1, 2, 3, 4, 5, 6, 7].map((mask) => penalty(encodeQr(text, { mask }).modules));
    assert.equal(penalty(chosen.modules), Math.min(...scores));
    assert.equal(scores.indexOf(Math.min(...scores)), chosen.mask);
  });

  it('scores runs, 2×2 blocks, finder look-alikes and imbalance as §7.8.3 does', () => {
    // All light 21×21: 21 runs of 21 in each direction (21 − 2 each), 20×20 blocks of 3, 50 % off balance (10 × 10).
    const light = Array.from({ length: 21 }, () => new Array<boolean>(21).fill(false));
    assert.equal(penalty(light), 2 * 21 * 19 + 400 * 3 + 100);
  });
});
