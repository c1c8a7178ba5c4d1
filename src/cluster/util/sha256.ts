/**
 * SHA-256 of a UTF-8 string, in plain TypeScript: the core has neither
 * Node's crypto nor a synchronous WebCrypto. MetalLB's speakers pick the
 * node that answers for an address by it, and kube-proxy names its chains
 * from it (FIPS 180-4). Buffers are reused between calls: a proxier sync
 * hashes every new endpoint, and allocation was the main cost.
 */
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const w = new Uint32Array(64);
const h = new Uint32Array(8);
let block = new Uint8Array(256);

export function sha256(text: string): Uint8Array {
  const length = encodeInto(text);
  const bitLength = length * 8;
  // Message, 0x80, zero padding, then the 64-bit big-endian length.
  const total = Math.ceil((length + 9) / 64) * 64;
  if (block.length < total) {
    const bigger = new Uint8Array(total * 2);
    bigger.set(block.subarray(0, length));
    block = bigger;
  }
  block.fill(0, length, total);
  block[length] = 0x80;
  const hi = Math.floor(bitLength / 0x100000000);
  const lo = bitLength >>> 0;
  block[total - 8] = hi >>> 24;
  block[total - 7] = (hi >>> 16) & 255;
  block[total - 6] = (hi >>> 8) & 255;
  block[total - 5] = hi & 255;
  block[total - 4] = lo >>> 24;
  block[total - 3] = (lo >>> 16) & 255;
  block[total - 2] = (lo >>> 8) & 255;
  block[total - 1] = lo & 255;

  h.set([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  for (let offset = 0; offset < total; offset += 64) {
    for (let i = 0; i < 16; i++) {
      const o = offset + i * 4;
      w[i] = ((block[o]! << 24) | (block[o + 1]! << 16) | (block[o + 2]! << 8) | block[o + 3]!) >>> 0;
    }
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let a = h[0]!;
    let b = h[1]!;
    let c = h[2]!;
    let d = h[3]!;
    let e = h[4]!;
    let f = h[5]!;
    let g = h[6]!;
    let hh = h[7]!;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
    h[5] = (h[5]! + f) >>> 0;
    h[6] = (h[6]! + g) >>> 0;
    h[7] = (h[7]! + hh) >>> 0;
  }
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const v = h[i]!;
    out[i * 4] = v >>> 24;
    out[i * 4 + 1] = (v >>> 16) & 255;
    out[i * 4 + 2] = (v >>> 8) & 255;
    out[i * 4 + 3] = v & 255;
  }
  return out;
}

function rotr(x: number, n: number): number {
  return (x >>> n) | (x << (32 - n));
}

/** Writes the UTF-8 bytes of `text` into `block` (TextEncoder is a DOM/Node API, absent from the core's lib); returns their count. */
function encodeInto(text: string): number {
  let n = 0;
  const put = (byte: number) => {
    if (n + 9 >= block.length) {
      const bigger = new Uint8Array(block.length * 2);
      bigger.set(block);
      block = bigger;
    }
    block[n++] = byte;
  };
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) put(c);
    else if (c < 0x800) {
      put(0xc0 | (c >> 6));
      put(0x80 | (c & 63));
    } else if (c < 0x10000) {
      put(0xe0 | (c >> 12));
      put(0x80 | ((c >> 6) & 63));
      put(0x80 | (c & 63));
    } else {
      put(0xf0 | (c >> 18));
      put(0x80 | ((c >> 12) & 63));
      put(0x80 | ((c >> 6) & 63));
      put(0x80 | (c & 63));
    }
  }
  return n;
}
