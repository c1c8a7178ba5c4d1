import { intToIp, ipToInt, parseCidr } from './ipv4';

/**
 * A MetalLB IPAddressPool's addresses (`172.18.255.200-172.18.255.250`
 * ranges and CIDRs), in the order MetalLB walks them when it looks for a
 * free one: each range from its first address to its last.
 */
export class AddressPool {
  private readonly ranges: { first: number; last: number }[];

  constructor(addresses: readonly string[]) {
    this.ranges = addresses.map((a) => {
      if (a.includes('-')) {
        const [from, to] = a.split('-') as [string, string];
        return { first: ipToInt(from), last: ipToInt(to) };
      }
      const { base, size } = parseCidr(a);
      return { first: base, last: base + size - 1 };
    });
  }

  contains(ip: string): boolean {
    if (!/^(\d{1,3}\.){3}\d{1,3}$/.test(ip)) return false;
    const n = ipToInt(ip);
    return this.ranges.some((r) => n >= r.first && n <= r.last);
  }

  /** The first address not in `used`, or undefined when the pool is full. */
  firstFree(used: ReadonlySet<string>): string | undefined {
    for (const r of this.ranges) {
      for (let n = r.first; n <= r.last; n++) {
        const ip = intToIp(n);
        if (!used.has(ip)) return ip;
      }
    }
    return undefined;
  }
}
