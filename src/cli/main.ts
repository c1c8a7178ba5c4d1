import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { bootSession, runInteractive, runTranscript, SIM_HELP, type SimOptions } from './sim';

export const HELP = `podlab - learn how Kubernetes networking works, in a simulated cluster

Usage:
  podlab sim [--scenario NAME] [--seed N] [--workspace DIR]   a shell with a simulated cluster
  podlab --help                                               this help

Run 'podlab sim --help' for the session's options.
`;

/** What the command line asked for: options, or the usage error to print. */
export function parseSimArgs(args: readonly string[], cwd: string): SimOptions | { error: string } {
  const options: SimOptions = { scenario: 'default', seed: 1, workspace: cwd };
  const usage = (text: string) => ({ error: `podlab sim: ${text}\nRun 'podlab sim --help' for usage.` });
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const value = (): string | undefined => (eq === -1 ? args[++i] : arg.slice(eq + 1));
    if (name === '--scenario') {
      const v = value();
      if (!v) return usage('--scenario needs a name');
      options.scenario = v;
    } else if (name === '--seed') {
      const v = value();
      if (v === undefined || !/^\d{1,9}$/.test(v)) return usage(`--seed needs a whole number, not "${v ?? ''}"`);
      options.seed = Number(v);
    } else if (name === '--workspace') {
      const v = value();
      if (!v) return usage('--workspace needs a folder');
      const dir = resolve(cwd, v);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) return usage(`--workspace: no such folder: ${v}`);
      options.workspace = dir;
    } else {
      return usage(`unknown ${arg.startsWith('-') ? 'flag' : 'argument'} "${arg}"`);
    }
  }
  return options;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs the podlab command line; returns the process exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (command !== 'sim') {
    process.stderr.write(`podlab: unknown ${command.startsWith('-') ? 'flag' : 'command'} "${command}"\nRun 'podlab --help' for usage.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(SIM_HELP);
    return 0;
  }
  const options = parseSimArgs(rest, process.cwd());
  if ('error' in options) {
    process.stderr.write(`${options.error}\n`);
    return 2;
  }
  const session = bootSession(options);
  if (typeof session === 'string') {
    process.stderr.write(`${session}\n`);
    return 2;
  }
  if (process.stdin.isTTY) await runInteractive(session);
  else process.stdout.write(runTranscript(session, await readStdin()));
  return 0;
}
