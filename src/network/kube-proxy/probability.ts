/**
 * The statistic match's probability as kube-proxy writes it and as the
 * kernel keeps it. kube-proxy writes fmt.Sprintf("%0.10f", 1/n); iptables
 * stores lround(0x80000000 * p) as a u32 and iptables-save prints that
 * back with "%.11f" (extensions/libxt_statistic.c).
 */

/** kube-proxy's computeProbability(n). */
export function writtenProbability(n: number): string {
  return (1 / n).toFixed(10);
}

/** The kernel's fixed-point value for a written probability. */
export function kernelProbability(written: string): number {
  return Math.round(0x80000000 * Number(written));
}

/** What iptables-save and iptables -L print for it. */
export function savedProbability(written: string): string {
  return (kernelProbability(written) / 0x80000000).toFixed(11);
}
