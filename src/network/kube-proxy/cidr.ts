/** IPv4 addresses and CIDRs, as the packet tracer and the firewall rules compare them. */

/** Whether `ip` lies in `cidr` (a bare address is a /32); false for anything that is not IPv4. */
export function inCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  const a = ipv4ToInt(ip);
  const b = ipv4ToInt(base ?? '');
  if (a === undefined || b === undefined) return false;
  if (bits === 0) return true;
  const mask = bits >= 32 ? 0xffffffff : ~(0xffffffff >>> bits) >>> 0;
  return ((a & mask) >>> 0) === ((b & mask) >>> 0);
}

function ipv4ToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    n = n * 256 + Number(part);
  }
  return n;
}
