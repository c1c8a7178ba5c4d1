/** IPv4 arithmetic on unsigned 32-bit integers, shared by the allocators. */

export function ipToInt(ip: string): number {
  return dottedQuadToInt(ip) ?? ip.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0) >>> 0;
}

const DOT = 46;
const ZERO = 48;

/**
 * Four dot-separated runs of one to three digits, read without splitting
 * (every pod address is read this way); undefined for anything else, which
 * the general reading above takes as it always has.
 */
function dottedQuadToInt(ip: string): number | undefined {
  let acc = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === DOT) {
      if (digits === 0 || ++dots > 3) return undefined;
      acc = acc * 256 + octet;
      octet = 0;
      digits = 0;
    } else {
      const d = c - ZERO;
      if (d < 0 || d > 9 || ++digits > 3) return undefined;
      octet = octet * 10 + d;
    }
  }
  if (digits === 0 || dots !== 3) return undefined;
  return (acc * 256 + octet) >>> 0;
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The first address and the size of a CIDR block. */
export function parseCidr(cidr: string): { base: number; size: number } {
  const [ip, bits] = cidr.split('/') as [string, string];
  const size = 2 ** (32 - Number(bits));
  const base = ipToInt(ip) - (ipToInt(ip) % size);
  return { base, size };
}

export function cidrContains(cidr: string, ip: string): boolean {
  const { base, size } = parseCidr(cidr);
  const n = ipToInt(ip);
  return n >= base && n < base + size;
}
