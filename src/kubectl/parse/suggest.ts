import { KUBECTL_COMMANDS } from './flag-specs';

/** Levenshtein distance, case-insensitive, as cobra's ld(a, b, true). */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[t.length]!;
}

/** cobra's SuggestionsFor: commands within distance 2 of what was typed, or starting with it. */
export function suggestCommands(typed: string): string[] {
  return KUBECTL_COMMANDS.filter((c) => distance(typed, c) <= 2 || c.startsWith(typed.toLowerCase()));
}
