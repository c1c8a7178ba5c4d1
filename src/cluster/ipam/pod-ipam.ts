import { intToIp, ipToInt, parseCidr } from './ipv4';

/**
 * Pod addresses as the CNI's host-local IPAM hands them out on each node:
 * from the node's podCIDR, starting at .2 (.1 is the bridge gateway on a
 * kind node), continuing after the last address reserved and wrapping, so
 * an address just released is not handed out again at once and a replaced
 * pod gets a new IP. The last reserved address is the plugin's on-disk
 * state; here it lives in `state`, which survives snapshots.
 */
export class PodIpam {
  private readonly used = new Map<string, Set<number>>();
  private readonly ranges = new Map<string, { base: number; size: number }>();
  /** Each node's last reserved address as a number, beside the text `state` holds: parsing that back for every pod cost more than the rest of the allocation. */
  private readonly lastReserved = new Map<string, { ip: string; n: number }>();

  constructor(
    private readonly podCIDRs: Map<string, string>,
    private readonly state: Record<string, unknown>,
  ) {}

  /** Marks an address in use (rebuilding from the store after a restore). */
  markUsed(node: string, ip: string): void {
    let set = this.used.get(node);
    if (!set) this.used.set(node, (set = new Set()));
    set.add(ipToInt(ip));
  }

  /** The next free address on the node, or undefined when the range is exhausted. */
  allocate(node: string): string | undefined {
    let range = this.ranges.get(node);
    if (!range) {
      const cidr = this.podCIDRs.get(node);
      if (!cidr) return undefined;
      this.ranges.set(node, (range = parseCidr(cidr)));
    }
    const { base, size } = range;
    const first = base + 2;
    const last = base + size - 2; // the broadcast address is never used
    const count = last - first + 1;
    const lastReserved = this.lastReservedOn(node, first - 1);
    let set = this.used.get(node);
    if (!set) this.used.set(node, (set = new Set()));
    for (let i = 1; i <= count; i++) {
      const candidate = first + ((lastReserved - first + i + count) % count);
      if (!set.has(candidate)) {
        set.add(candidate);
        const ip = intToIp(candidate);
        this.state[node] = ip;
        this.remember(node, ip, candidate);
        return ip;
      }
    }
    return undefined;
  }

  private remember(node: string, ip: string, n: number): void {
    const known = this.lastReserved.get(node);
    if (!known) this.lastReserved.set(node, { ip, n });
    else {
      known.ip = ip;
      known.n = n;
    }
  }

  /** The address in `state` as a number, or `none` when the node has reserved none yet. */
  private lastReservedOn(node: string, none: number): number {
    const text = this.state[node];
    if (typeof text !== 'string') return none;
    const known = this.lastReserved.get(node);
    return known?.ip === text ? known.n : ipToInt(text);
  }

  release(node: string, ip: string): void {
    this.used.get(node)?.delete(ipToInt(ip));
  }

  reset(): void {
    this.used.clear();
  }
}
