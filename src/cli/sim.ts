import { createInterface } from 'node:readline';
import { Cluster } from '../cluster/cluster';
import { completeLine } from '../shell/complete';
import { WORKSTATION_PROMPT } from '../shell/hosts';
import { CONTINUATION_PROMPT, createSession, needsMoreInput, prompt, runLine, type ShellSession } from '../shell/session';
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

Commands: kubectl (alias k) with exec/run -it/debug node opening a shell in
a container; sleep N (lets N seconds of virtual time pass); pipes, ;, &&, ||,
$VAR, $(...), here-documents, for loops, redirections; echo, cat, grep,
head, tail, wc, sort, uniq, cut, awk '{print $N}', seq, tr, export, alias,
history, watch (runs once here), exit; podlab trace FROM TARGET[:PORT] (how
one connection crosses the cluster). Inside pods: nslookup, dig, host, curl,
wget, ping, nc, ip, env… as each image ships them; on a node (kubectl debug
node/NAME -it, then chroot /host): iptables-save, iptables -L/-S.
`;

/** The prompt of the learner's workstation shell. */
export const PROMPT = WORKSTATION_PROMPT;

/** A session on a freshly booted cluster, or the reason there is none. */
export function bootSession(options: SimOptions): ShellSession | string {
  const scenario = loadScenario(options.scenario);
  if (!scenario) return `podlab sim: unknown scenario "${options.scenario}" (available: ${scenarioNames().join(', ')})`;
  const cluster = Cluster.create({ scenario, seed: options.seed, catalogue: loadCatalogue() });
  return createSession(cluster, workspaceFiles(options.workspace));
}

/** The marker a transcript shows before a command: `$ ` on the workstation, the nested shell's prompt inside a container. */
function commandMarker(session: ShellSession): string {
  return session.frames.length > 1 ? prompt(session) : '$ ';
}

/** One command (its continuation lines after `> `) echoed as a transcript shows it, then its output. */
function transcriptStep(session: ShellSession, command: string): { text: string; exit: boolean } {
  const [first, ...more] = command.split('\n');
  let text = `${commandMarker(session)}${first}\n${more.map((l) => `${CONTINUATION_PROMPT}${l}\n`).join('')}`;
  const result = runLine(command, session);
  text += result.output;
  return { text, exit: result.exit === true };
}

/**
 * Input from a pipe: each command echoed after `$ ` (or the nested shell's
 * prompt after `kubectl exec -it`), then its output. Blank lines and `#`
 * comments between commands are skipped; a command left open (here-document,
 * quote, `for` without `done`) takes the following lines, kept as typed.
 */
export function runTranscript(session: ShellSession, input: string): string {
  let text = '';
  const lines = input.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let command = lines[i]!.trim();
    if (command === '' || command.startsWith('#')) continue;
    while (needsMoreInput(command) && i + 1 < lines.length) command += `\n${lines[++i]}`;
    const step = transcriptStep(session, command);
    text += step.text;
    if (step.exit) break;
  }
  return text;
}

/**
 * Runs the commands of a transcript that `runTranscript` wrote and returns
 * what it writes now (the golden tests): the header comments kept, each
 * command found after the marker the session expects at that point.
 */
export function replayTranscript(session: ShellSession, transcript: string): string {
  const lines = transcript.split('\n');
  let i = lines.findIndex((l) => l.startsWith('$ '));
  if (i === -1) return transcript;
  let text = lines.slice(0, i).map((l) => `${l}\n`).join('');
  while (i < lines.length) {
    const marker = commandMarker(session);
    const line = lines[i++]!;
    if (!line.startsWith(marker)) continue;
    let command = line.slice(marker.length);
    while (needsMoreInput(command) && lines[i]?.startsWith(CONTINUATION_PROMPT)) command += `\n${lines[i++]!.slice(CONTINUATION_PROMPT.length)}`;
    const step = transcriptStep(session, command);
    text += step.text;
    if (step.exit) break;
  }
  return text;
}

/** A terminal: readline's line editing and history, Ctrl-C clearing the line, Ctrl-D or `exit` leaving. */
export async function runInteractive(session: ShellSession): Promise<void> {
  // Tab: bash with kubectl's completion installed (commands, subcommands, flags, types, names, namespaces).
  const completer = (line: string): [string[], string] => {
    const { from, candidates } = completeLine(line, session);
    return [candidates, line.slice(from)];
  };
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: prompt(session), historySize: 1000, terminal: true, completer });
  let pending = '';
  rl.on('SIGINT', () => {
    process.stdout.write('^C\n');
    pending = '';
    rl.write(null, { ctrl: true, name: 'u' });
    rl.setPrompt(prompt(session));
    rl.prompt();
  });
  rl.prompt();
  let exited = false;
  for await (const line of rl) {
    pending = pending ? `${pending}\n${line}` : line;
    if (needsMoreInput(pending)) {
      rl.setPrompt(CONTINUATION_PROMPT);
      rl.prompt();
      continue;
    }
    const result = runLine(pending, session);
    pending = '';
    if (result.clear) process.stdout.write('\x1b[H\x1b[2J\x1b[3J');
    process.stdout.write(result.output);
    if (result.exit) {
      exited = true;
      break;
    }
    rl.setPrompt(prompt(session));
    rl.prompt();
  }
  // Ctrl-D: bash says `exit` on its way out.
  if (!exited) process.stdout.write('exit\n');
  rl.close();
}
