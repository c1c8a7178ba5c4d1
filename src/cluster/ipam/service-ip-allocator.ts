import type { SeededRandom } from '../random';
import { pickFree } from './pick-free';
import { intToIp, ipToInt, parseCidr } from './ipv4';

/**
 * ClusterIPs from the Service CIDR, as the apiserver's allocator hands them
 * out: never the network or broadcast address, the first host address kept
 * for the `kubernetes` Service, and a lower "static" band left for
 * Services that ask for a fixed IP (KEP-3070) — dynamic allocations draw at
 * random from the upper band first.
 */
export class ServiceIpAllocator {
  private readonly used = new Set<number>();
  readonly first: number;
  readonly last: number;
  private readonly staticEnd: number;

  constructor(
    readonly cidr: string,
    private readonly rng: SeededRandom,
  ) {
    const { base, size } = parseCidr(cidr);
    this.first = base + 1;
    this.last = base + size - 2;
    const count = this.last - this.first + 1;
    // calculateRangeOffset: min(max(16, size/16), 256).
    const offset = Math.min(Math.max(16, Math.floor(size / 16)), 256);
    this.staticEnd = count <= offset ? this.first - 1 : this.first + offset - 1;
  }

  contains(ip: string): boolean {
    if (!/^(\d{1,3}\.){3}\d{1,3}$/.test(ip)) return false;
    const n = ipToInt(ip);
    return n >= this.first && n <= this.last;
  }

  isUsed(ip: string): boolean {
    return this.used.has(ipToInt(ip));
  }

  markUsed(ip: string): void {
    this.used.add(ipToInt(ip));
  }

  release(ip: string): void {
    this.used.delete(ipToInt(ip));
  }

  /** A free address, upper band first; undefined when the range is full. */
  allocate(): string | undefined {
    const upper = pickFree(this.staticEnd + 1, this.last, this.rng, this.used) ?? pickFree(this.first, this.staticEnd, this.rng, this.used);
    if (upper === undefined) return undefined;
    this.used.add(upper);
    return intToIp(upper);
  }

  reset(): void {
    this.used.clear();
  }
}
