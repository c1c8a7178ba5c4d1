import { createInterface } from 'node:readline';
import { Cluster } from '../cluster/cluster';
import { ShellSession } from '../shell/session';
import { loadCatalogue, loadScenario, scenarioNames, workspaceFiles } from './content';

export interface SimOptions {
  scenario: string;
  seed: number;
  workspace: string;
}

export const SIM_HELP = `Start a session with a simulated Kubernetes cluster.

Usage:
  podlab sim [--scenario NAME] [--seed N] [--workspace DIR]

Options:
  --scenario NAME   the cluster to start from, from content/scenarios (default: default)
  --seed N          the seed for every random choice: names, IPs, ClusterIPs (default: 1)
  --workspace DIR   where kubectl apply -f reads files (default: the current folder)

With a terminal, it is an interactive shell with line editing and history.
Otherwise it reads one command per line (blank lines and # comments skipped)
and prints each as "$ COMMAND" followed by its output.
Commands: kubectl (alias k), sleep N (lets N seconds of virtual time pass), echo, exit.
`;

export function bootSession(options: SimOptions): ShellSession | string {
  const scenario = loadScenario(options.scenario);
  if (!scenario) return `podlab sim: unknown scenario "${options.scenario}" (available: ${scenarioNames().join(', ')})`;
  const cluster = Cluster.create({ scenario, seed: options.seed, catalogue: loadCatalogue() });
  return new ShellSession(cluster, workspaceFiles(options.workspace));
}

/** Piped input: each command echoed after `$ `, then its output, as a transcript reads. */
export function runTranscript(session: ShellSession, input: string): string {
  let out = '';
  for (const raw of input.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    out += `$ ${line}\n`;
    if (line === 'exit') break;
    out += session.runLine(line).output;
  }
  return out;
}

export async function runInteractive(session: ShellSession): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'learner@workstation:~$ ', historySize: 1000 });
  rl.prompt();
  for await (const line of rl) {
    if (line.trim() === 'exit') break;
    process.stdout.write(session.runLine(line).output);
    rl.prompt();
  }
  rl.close();
}
