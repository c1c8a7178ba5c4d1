/**
 * GNU sleep's arguments: numbers with an optional unit (s, m, h, d), summed.
 * Returns the milliseconds, or the message sleep prints.
 */
const UNIT_SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

export function parseSleep(args: readonly string[]): { ok: true; ms: number } | { ok: false; message: string } {
  const hint = "Try 'sleep --help' for more information.";
  if (args.length === 0) return { ok: false, message: `sleep: missing operand\n${hint}\n` };
  let seconds = 0;
  for (const arg of args) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
    if (!m) return { ok: false, message: `sleep: invalid time interval \u2018${arg}\u2019\n${hint}\n` };
    seconds += Number(m[1]) * UNIT_SECONDS[m[2]!]!;
  }
  return { ok: true, ms: Math.round(seconds * 1000) };
}
