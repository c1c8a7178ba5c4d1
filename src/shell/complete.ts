import { completeKubectl } from '../kubectl/complete';
import { builtinNames } from './builtins';
import { pathPrograms } from './hosts';
import { currentFrame, type ShellSession } from './state';

export interface Completion {
  /** Where the word being completed starts in the line. */
  from: number;
  /** Candidates for that word, sorted. */
  candidates: string[];
}

/**
 * Tab completion for the learner's line, as bash with kubectl's completion
 * script installed gives it: command names first, then kubectl's own
 * answers (subcommands, flags, resource types, object names, namespaces).
 * Only the last simple command of the line is completed (after `|`, `;`,
 * `&&`); words are split on blanks, which is all completion needs.
 */
export function completeLine(line: string, session: ShellSession): Completion {
  const segment = line.slice(lastSeparator(line));
  const from = line.length - (segment.match(/[^\s]*$/)?.[0].length ?? 0);
  const current = line.slice(from);
  const words = line.slice(line.length - segment.length, from).trim().split(/\s+/).filter((w) => w !== '');
  const host = currentFrame(session).host;
  if (words.length === 0) {
    // What this shell can run: its builtins, its aliases, the programs the command table has here (kubectl on the workstation).
    const frame = currentFrame(session);
    const programs = session.commands.names().filter((n) => session.commands.lookup(n, host.where, pathPrograms(host)));
    const names = [...builtinNames(), ...frame.aliases.keys(), ...programs, ...(host.where.kind === 'workstation' ? ['kubectl'] : host.tools)];
    return { from, candidates: [...new Set(names)].filter((n) => n.startsWith(current)).sort() };
  }
  const command = currentFrame(session).aliases.get(words[0]!) ?? words[0]!;
  if (host.where.kind === 'workstation' && command === 'kubectl') {
    const nsAt = words.findIndex((w) => w === '-n' || w === '--namespace');
    const namespace = nsAt >= 0 ? words[nsAt + 1] : words.find((w) => w.startsWith('--namespace='))?.slice('--namespace='.length);
    return { from, candidates: completeKubectl(words.slice(1), current, session.cluster, namespace || 'default') };
  }
  return { from, candidates: [] };
}

/** Just past the last `|`, `;` or `&&`/`||` outside quotes: where the command being typed starts. */
function lastSeparator(line: string): number {
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '|' || c === ';' || c === '&') start = i + 1;
  }
  return start;
}
