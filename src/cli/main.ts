import { bootSession, runInteractive, runTranscript, SIM_HELP, type SimOptions } from './sim';

const HELP = `podlab — learn Kubernetes networking against a simulated cluster

Usage:
  podlab sim [--scenario NAME] [--seed N] [--workspace DIR]   a shell with a simulated cluster
  podlab --help

Run "podlab sim --help" for the session's options.
`;

function parseSimArgs(args: string[]): SimOptions | string {
  const options: SimOptions = { scenario: 'default', seed: 1, workspace: process.cwd() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (name === '--scenario') {
      const v = value();
      if (!v) return 'podlab sim: --scenario needs a name';
      options.scenario = v;
    } else if (name === '--seed') {
      const v = value();
      if (!v || !/^\d+$/.test(v)) return `podlab sim: --seed needs a whole number, not "${v ?? ''}"`;
      options.seed = Number(v);
    } else if (name === '--workspace') {
      const v = value();
      if (!v) return 'podlab sim: --workspace needs a folder';
      options.workspace = v;
    } else {
      return `podlab sim: unknown option "${arg}"\nRun "podlab sim --help" for usage.`;
    }
  }
  return options;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command ? 0 : 1;
  }
  if (command !== 'sim') {
    process.stderr.write(`podlab: unknown command "${command}"\n${HELP}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(SIM_HELP);
    return 0;
  }
  const options = parseSimArgs(rest);
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n`);
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
