import type { Cluster } from '../cluster/cluster';
import { runKubectl } from '../kubectl/kubectl';
import type { KubectlEnv } from '../kubectl/context';
import { splitWords } from './words';

export interface LineResult {
  /** What the terminal shows, stdout and stderr interleaved. */
  output: string;
  exitCode: number;
}

/**
 * The learner's workstation shell, reduced to what `podlab sim` needs now:
 * `kubectl` (and its alias `k`), `sleep N` to let virtual time pass, `exit`.
 */
export class ShellSession {
  constructor(
    readonly cluster: Cluster,
    private readonly files: Pick<KubectlEnv, 'readFile' | 'listDir'>,
  ) {}

  runLine(line: string): LineResult {
    const split = splitWords(line);
    if ('error' in split) return { output: `${split.error}\n`, exitCode: 2 };
    const [cmd, ...args] = split.words;
    if (!cmd) return { output: '', exitCode: 0 };
    switch (cmd) {
      case 'kubectl':
      case 'k': {
        const r = runKubectl(args, { cluster: this.cluster, ...this.files });
        return { output: r.combined, exitCode: r.exitCode };
      }
      case 'sleep': {
        const seconds = Number(args[0]);
        if (args.length !== 1 || !Number.isFinite(seconds) || seconds < 0) return { output: 'sleep: invalid number\n', exitCode: 1 };
        this.cluster.advance(seconds * 1000);
        return { output: '', exitCode: 0 };
      }
      case 'echo':
        return { output: `${args.join(' ')}\n`, exitCode: 0 };
      default:
        return { output: `sh: ${cmd}: not found\n`, exitCode: 127 };
    }
  }
}
