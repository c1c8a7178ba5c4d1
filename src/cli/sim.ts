import { createInterface } from 'node:readline';
import { Cluster } from '../cluster/cluster';
import { createSession, runLine, type ShellSession } from '../shell/session';
import { loadCatalogue, loadScenario, scenarioNames, workspaceFiles } from './content';

export interface SimOptions {
  scenario: string;
  seed: number;
  workspace: string;
}

export const SIM_HELP = `Start a shell on a workstation with a simulated Kubernetes v1.34 cluster.

Usage:
  podlab sim [--scenario NAME] [--seed N] [--workspace DIR]

Options:
  --scenario NAME   the cluster to start from, one of content/scenarios (default: default)
  --seed N          the seed of every random choice: pod names, IPs, ClusterIPs (default: 1)
  --workspace DIR   the folder kubectl apply -f reads files from (default: the current folder)
  -h, --help        this help

In a terminal it is an interactive shell with line editing and history.
With input from a pipe or a file it runs one command per line (blank lines
and lines starting with # are skipped) and prints each as "$ COMMAND"
followed by its output, so the result reads as a session transcript.

Commands: kubectl (alias k), sleep N (lets N seconds of virtual time pass), echo, exit.
`;

/** The prompt of the learner's workstation shell. */
export const PROMPT = 'learner@workstation:~$ ';

/** A session on a freshly booted cluster, or the reason there is none. */
export function bootSession(options: SimOptions): ShellSession | string {
  const scenario = loadScenario(options.scenario);
  if (!scenario) return `podlab sim: unknown scenario "${options.scenario}" (available: ${scenarioNames().join(', ')})`;
  const cluster = Cluster.create({ scenario, seed: options.seed, catalogue: loadCatalogue() });
  return createSession(cluster, workspaceFiles(options.workspace));
}

/** Input from a pipe: each command echoed after `$ `, then its output, as a transcript reads. */
export function runTranscript(session: ShellSession, input: string): string {
  let text = '';
  for (const raw of input.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    text += `$ ${line}\n`;
    const result = runLine(line, session);
    text += result.output;
    if (result.exit) break;
  }
  return text;
}

/** A terminal: readline's line editing and history, Ctrl-C clearing the line, Ctrl-D or `exit` leaving. */
export async function runInteractive(session: ShellSession): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: PROMPT, historySize: 1000, terminal: true });
  rl.on('SIGINT', () => {
    process.stdout.write('^C\n');
    rl.write(null, { ctrl: true, name: 'u' });
    rl.prompt();
  });
  rl.prompt();
  let exited = false;
  for await (const line of rl) {
    const result = runLine(line, session);
    process.stdout.write(result.output);
    if (result.exit) {
      exited = true;
      break;
    }
    rl.prompt();
  }
  // Ctrl-D: bash says `exit` on its way out.
  if (!exited) process.stdout.write('exit\n');
  rl.close();
}
