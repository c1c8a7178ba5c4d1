import type { SeededRandom } from '../random';
import { pickFree } from './pick-free';

/**
 * NodePorts from the service-node-port-range, drawn at random from the
 * upper band first, the lower band kept for ports asked for by number
 * (the same static/dynamic split as ClusterIPs).
 */
export class NodePortAllocator {
  private readonly used = new Set<number>();
  private readonly staticEnd: number;

  constructor(
    readonly min: number,
    readonly max: number,
    private readonly rng: SeededRandom,
  ) {
    const size = max - min + 1;
    const offset = Math.min(Math.max(16, Math.floor(size / 32)), 128);
    this.staticEnd = min + offset - 1;
  }

  inRange(port: number): boolean {
    return port >= this.min && port <= this.max;
  }

  isUsed(port: number): boolean {
    return this.used.has(port);
  }

  markUsed(port: number): void {
    this.used.add(port);
  }

  release(port: number): void {
    this.used.delete(port);
  }

  allocate(): number | undefined {
    const port = pickFree(this.staticEnd + 1, this.max, this.rng, this.used) ?? pickFree(this.min, this.staticEnd, this.rng, this.used);
    if (port !== undefined) this.used.add(port);
    return port;
  }

  reset(): void {
    this.used.clear();
  }
}
