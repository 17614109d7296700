/**
 * A QR code encoder (ISO/IEC 18004) small enough to ship in the app: byte mode, error correction
 * level M, versions 1–10 (up to 213 bytes, ample for a page's URL). Written here rather than added
 * as a dependency so the printed pathway needs no package and no external service.
 */

/** Error-correction codewords per block and number of blocks at level M, for versions 1–10. */
const ECC_PER_BLOCK = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26];
const BLOCKS = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5];
const MAX_VERSION = 10;
/** Level M's two format bits (L = 01, M = 00, Q = 11, H = 10). */
const LEVEL_M = 0b00;

/** Multiplication in GF(2^8) modulo the QR polynomial x^8 + x^4 + x^3 + x^2 + 1. */
function gfMultiply(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z;
}

/** Reed–Solomon error-correction codewords of `data` (generator with roots α^0 … α^(degree−1)). */
export function reedSolomon(data: readonly number[], degree: number): number[] {
  const divisor = new Array<number>(degree).fill(0);
  divisor[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      divisor[j] = gfMultiply(divisor[j]!, root) ^ (divisor[j + 1] ?? 0);
    }
    root = gfMultiply(root, 0x02);
  }
  const remainder = new Array<number>(degree).fill(0);
  for (const byte of data) {
    const factor = byte ^ remainder.shift()!;
    remainder.push(0);
    divisor.forEach((coefficient, i) => (remainder[i]! ^= gfMultiply(coefficient, factor)));
  }
  return remainder;
}

/** BCH-protected bits: `value` followed by the remainder of its division by `generator`. */
function bch(value: number, generator: number, eccBits: number): number {
  let remainder = value;
  for (let i = 0; i < eccBits; i++) remainder = (remainder << 1) ^ ((remainder >>> (eccBits - 1)) * generator);
  return (value << eccBits) | (remainder & ((1 << eccBits) - 1));
}

/** The 15 format bits for level M and a mask (already XORed with 101010000010010). */
export const formatBits = (mask: number): number => bch((LEVEL_M << 3) | mask, 0x537, 10) ^ 0x5412;
/** The 18 version bits, present from version 7. */
export const versionBits = (version: number): number => bch(version, 0x1f25, 12);

const sizeOf = (version: number): number => version * 4 + 17;

/** Codeword modules of a version: everything but the finder, timing, alignment, format and version patterns. */
function rawCodewords(version: number): number {
  let modules = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const alignments = Math.floor(version / 7) + 2;
    modules -= (25 * alignments - 10) * alignments - 55;
    if (version >= 7) modules -= 36;
  }
  return Math.floor(modules / 8);
}

const dataCodewords = (version: number): number => rawCodewords(version) - ECC_PER_BLOCK[version - 1]! * BLOCKS[version - 1]!;

function alignmentPositions(version: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const step = Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
  const positions = [6];
  for (let position = sizeOf(version) - 7; positions.length < count; position -= step) positions.splice(1, 0, position);
  return positions;
}

/** The data codewords of `bytes` in byte mode: mode, count, data, terminator and padding. */
export function dataCodewordsOf(bytes: Uint8Array, version: number): number[] {
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  put(0b0100, 4);
  put(bytes.length, version < 10 ? 8 : 16);
  for (const byte of bytes) put(byte, 8);
  const capacity = dataCodewords(version) * 8;
  put(0, Math.min(4, capacity - bits.length));
  put(0, (8 - (bits.length % 8)) % 8);
  const codewords: number[] = [];
  for (let i = 0; i < bits.length; i += 8) codewords.push(bits.slice(i, i + 8).reduce((byte, bit) => (byte << 1) | bit, 0));
  for (let pad = 0xec; codewords.length < capacity / 8; pad ^= 0xec ^ 0x11) codewords.push(pad);
  return codewords;
}

/** Splits the data into blocks, appends each block's error correction, and interleaves them. */
function interleave(data: number[], version: number): number[] {
  const blockCount = BLOCKS[version - 1]!;
  const eccLength = ECC_PER_BLOCK[version - 1]!;
  const raw = rawCodewords(version);
  const shortBlocks = blockCount - (raw % blockCount);
  const shortLength = Math.floor(raw / blockCount) - eccLength;
  const blocks: Array<{ data: number[]; ecc: number[] }> = [];
  for (let i = 0, start = 0; i < blockCount; i++) {
    const block = data.slice(start, start + shortLength + (i < shortBlocks ? 0 : 1));
    start += block.length;
    blocks.push({ data: block, ecc: reedSolomon(block, eccLength) });
  }
  const result: number[] = [];
  for (let i = 0; i <= shortLength; i++) for (const block of blocks) if (i < block.data.length) result.push(block.data[i]!);
  for (let i = 0; i < eccLength; i++) for (const block of blocks) result.push(block.ecc[i]!);
  return result;
}

const MASKS: ReadonlyArray<(x: number, y: number) => boolean> = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** A symbol under construction: dark modules, and which of them belong to function patterns. */
class QrSymbol {
  readonly size: number;
  readonly dark: boolean[][];
  readonly reserved: boolean[][];

  constructor(readonly version: number) {
    this.size = sizeOf(version);
    this.dark = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.reserved = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.#drawFunctionPatterns();
  }

  set(x: number, y: number, dark: boolean): void {
    this.dark[y]![x] = dark;
    this.reserved[y]![x] = true;
  }

  #drawFunctionPatterns(): void {
    const { size } = this;
    for (let i = 0; i < size; i++) {
      this.set(6, i, i % 2 === 0);
      this.set(i, 6, i % 2 === 0);
    }
    for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]] as const) {
      // The finder with its light separator: dark at Chebyshev distance 0, 1 and 3 from the centre.
      for (let dy = -4; dy <= 4; dy++) {
        for (let dx = -4; dx <= 4; dx++) {
          const x = cx + dx;
          const y = cy + dy;
          const distance = Math.max(Math.abs(dx), Math.abs(dy));
          if (x >= 0 && x < size && y >= 0 && y < size) this.set(x, y, distance !== 2 && distance !== 4);
        }
      }
    }
    const positions = alignmentPositions(this.version);
    const last = positions.length - 1;
    positions.forEach((cx, i) =>
      positions.forEach((cy, j) => {
        if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return; // under a finder
        for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) this.set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }),
    );
    this.drawFormat(0); // reserves the format areas; redrawn with the chosen mask
    if (this.version >= 7) {
      const bits = versionBits(this.version);
      for (let i = 0; i < 18; i++) {
        const bit = ((bits >>> i) & 1) === 1;
        const a = size - 11 + (i % 3);
        const b = Math.floor(i / 3);
        this.set(a, b, bit);
        this.set(b, a, bit);
      }
    }
  }

  drawFormat(mask: number): void {
    const { size } = this;
    const bits = formatBits(mask);
    const bit = (i: number) => ((bits >>> i) & 1) === 1;
    for (let i = 0; i <= 5; i++) this.set(8, i, bit(i));
    this.set(8, 7, bit(6));
    this.set(8, 8, bit(7));
    this.set(7, 8, bit(8));
    for (let i = 9; i < 15; i++) this.set(14 - i, 8, bit(i));
    for (let i = 0; i < 8; i++) this.set(size - 1 - i, 8, bit(i));
    for (let i = 8; i < 15; i++) this.set(8, size - 15 + i, bit(i));
    this.set(8, size - 8, true); // the dark module
  }

  /** Places the codewords in the two-module-wide zigzag from the bottom right, skipping function patterns. */
  drawCodewords(codewords: number[]): void {
    const { size } = this;
    let i = 0;
    for (let right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5; // the vertical timing pattern
      const upward = ((right + 1) & 2) === 0;
      for (let step = 0; step < size; step++) {
        const y = upward ? size - 1 - step : step;
        for (const x of [right, right - 1]) {
          if (this.reserved[y]![x] || i >= codewords.length * 8) continue;
          this.dark[y]![x] = ((codewords[i >>> 3]! >>> (7 - (i & 7))) & 1) === 1;
          i++;
        }
      }
    }
  }

  applyMask(mask: number): void {
    const test = MASKS[mask]!;
    for (let y = 0; y < this.size; y++) for (let x = 0; x < this.size; x++) if (!this.reserved[y]![x] && test(x, y)) this.dark[y]![x] = !this.dark[y]![x];
  }
}

/** The penalty score of ISO/IEC 18004 §7.8.3: runs, 2×2 blocks, finder look-alikes, and dark/light balance. */
export function penalty(dark: readonly (readonly boolean[])[]): number {
  const size = dark.length;
  const at = (x: number, y: number, transposed: boolean) => (transposed ? dark[x]![y]! : dark[y]![x]!);
  const FINDER_LIKE = [true, false, true, true, true, false, true];
  let score = 0;
  for (const transposed of [false, true]) {
    for (let y = 0; y < size; y++) {
      let run = 1;
      for (let x = 1; x <= size; x++) {
        if (x < size && at(x, y, transposed) === at(x - 1, y, transposed)) {
          run++;
          continue;
        }
        if (run >= 5) score += run - 2;
        run = 1;
      }
      // 1:1:3:1:1 with four light modules on either side (light beyond the edge, as the quiet zone is).
      for (let x = 0; x + 7 <= size; x++) {
        if (!FINDER_LIKE.every((d, k) => at(x + k, y, transposed) === d)) continue;
        const light = (from: number) => [0, 1, 2, 3].every((k) => !inside(from + k) || !at(from + k, y, transposed));
        if (light(x - 4)) score += 40;
        if (light(x + 7)) score += 40;
      }
    }
  }
  function inside(i: number): boolean {
    return i >= 0 && i < size;
  }
  let darkCount = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (dark[y]![x]) darkCount++;
      if (x + 1 < size && y + 1 < size && dark[y]![x] === dark[y]![x + 1] && dark[y]![x] === dark[y + 1]![x] && dark[y]![x] === dark[y + 1]![x + 1]) score += 3;
    }
  }
  const total = size * size;
  return score + Math.floor(Math.abs(darkCount * 20 - total * 10) / total) * 10;
}

export interface QrMatrix {
  version: number;
  mask: number;
  /** Rows of modules, true for dark; the four-module quiet zone is not included. */
  modules: boolean[][];
}

/**
 * Encodes text (as UTF-8) in the smallest version that holds it, with the mask of lowest penalty
 * unless one is given. Throws when the text is longer than version 10 at level M can hold.
 */
export function encodeQr(text: string, options: { mask?: number } = {}): QrMatrix {
  const bytes = new TextEncoder().encode(text);
  let version = 1;
  while (version <= MAX_VERSION && 4 + (version < 10 ? 8 : 16) + bytes.length * 8 > dataCodewords(version) * 8) version++;
  if (version > MAX_VERSION) throw new RangeError(`Too long for a QR code of version ${MAX_VERSION}: ${bytes.length} bytes`);
  const codewords = interleave(dataCodewordsOf(bytes, version), version);
  const candidates = (options.mask === undefined ? [0, 1, 2, 3, 4, 5, 6, 7] : [options.mask]).map((mask) => {
    const symbol = new QrSymbol(version);
    symbol.drawCodewords(codewords);
    symbol.applyMask(mask);
    symbol.drawFormat(mask);
    return { version, mask, modules: symbol.dark };
  });
  return candidates.reduce((best, candidate) => (penalty(candidate.modules) < penalty(best.modules) ? candidate : best));
}
