import { cd } from './cd';
import { chroot } from './chroot';
import { shellName } from './hosts';
import { ExitSignal, type Interpreter, type Run } from './interpreter';
import { parseScript } from './syntax/parse';

/**
 * Commands the shell itself runs, because they change the shell: exit, cd,
 * export, alias… and the terminal signals clear and watch.
 */
type Builtin = (argv: string[], shell: Interpreter, stdin: string) => Run;

const out = (text: string, status = 0): Run => ({ chunks: text ? [{ stream: 'stdout', text }] : [], status });
const err = (text: string, status = 1): Run => ({ chunks: [{ stream: 'stderr', text }], status });
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const quote = (value: string) => `'${value.replace(/'/g, "'\\''")}'`;

const BUILTINS: Record<string, Builtin> = {
  ':': () => out(''),
  chroot,
  exit: (argv, shell) => {
    const arg = argv[1];
    if (arg !== undefined && !/^-?\d+$/.test(arg)) {
      // bash complains and exits anyway, with 2.
      throw new ExitSignal(2, `${shellName(shell.frame.host.flavour)}: exit: ${arg}: numeric argument required\n`);
    }
    throw new ExitSignal(arg === undefined ? shell.frame.status : ((Number(arg) % 256) + 256) % 256);
  },
  cd,
  pwd: (_argv, shell) => out(`${shell.frame.cwd}\n`),
  export: (argv, shell) => {
    const vars = shell.frame.vars;
    if (argv.length === 1 || argv[1] === '-p') {
      return out([...vars.keys()].sort().map((k) => `declare -x ${k}="${vars.get(k)!.replace(/(["\\$`])/g, '\\$1')}"\n`).join(''));
    }
    let status = 0;
    const chunks: Run['chunks'] = [];
    for (const arg of argv.slice(1)) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg : arg.slice(0, eq);
      if (!NAME.test(name)) {
        chunks.push({ stream: 'stderr', text: `${shellName(shell.frame.host.flavour)}: export: \`${arg}': not a valid identifier\n` });
        status = 1;
        continue;
      }
      if (eq !== -1) vars.set(name, arg.slice(eq + 1));
      else if (!vars.has(name)) vars.set(name, '');
    }
    return { chunks, status };
  },
  unset: (argv, shell) => {
    for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) shell.frame.vars.delete(name);
    return out('');
  },
  alias: (argv, shell) => {
    const aliases = shell.frame.aliases;
    if (argv.length === 1 || argv[1] === '-p') return out([...aliases.keys()].sort().map((k) => `alias ${k}=${quote(aliases.get(k)!)}\n`).join(''));
    let status = 0;
    let text = '';
    const chunks: Run['chunks'] = [];
    for (const arg of argv.slice(1)) {
      const eq = arg.indexOf('=');
      if (eq > 0) aliases.set(arg.slice(0, eq), arg.slice(eq + 1));
      else if (aliases.has(arg)) text += `alias ${arg}=${quote(aliases.get(arg)!)}\n`;
      else {
        chunks.push({ stream: 'stderr', text: `${shellName(shell.frame.host.flavour)}: alias: ${arg}: not found\n` });
        status = 1;
      }
    }
    if (text) chunks.unshift({ stream: 'stdout', text });
    return { chunks, status };
  },
  unalias: (argv, shell) => {
    const aliases = shell.frame.aliases;
    if (argv.length === 1) return err(`${shellName(shell.frame.host.flavour)}: unalias: usage: unalias [-a] name [name ...]\n`, 2);
    if (argv[1] === '-a') {
      aliases.clear();
      return out('');
    }
    let status = 0;
    const chunks: Run['chunks'] = [];
    for (const name of argv.slice(1)) {
      if (!aliases.delete(name)) {
        chunks.push({ stream: 'stderr', text: `${shellName(shell.frame.host.flavour)}: unalias: ${name}: not found\n` });
        status = 1;
      }
    }
    return { chunks, status };
  },
  history: (_argv, shell) => out(shell.session.history.map((line, i) => `${String(i + 1).padStart(5)}  ${line}\n`).join('')),
  clear: (_argv, shell) => {
    shell.clear = true;
    return out('');
  },
  watch: (argv, shell, stdin) => {
    const args = argv.slice(1);
    let interval = 2;
    while (args[0]?.startsWith('-')) {
      const flag = args.shift()!;
      if (flag === '-n' || flag === '--interval') interval = Number(args.shift());
      else if (flag.startsWith('-n')) interval = Number(flag.slice(2));
      else if (flag.startsWith('--interval=')) interval = Number(flag.slice(11));
      if (!Number.isFinite(interval) || interval <= 0) return err(`watch: failed to parse argument: '${flag}'\n`);
    }
    if (args.length === 0) return err('Usage:\n watch [options] command\n');
    const command = args.join(' ');
    shell.watch = { command, intervalSeconds: interval };
    const parsed = parseScript(command);
    if (!parsed.ok) return err(`watch: ${parsed.message}\n`);
    const run = shell.runScript(parsed.script, stdin);
    if (shell.session.terminal === 'text') {
      run.chunks.push({ stream: 'stderr', text: `watch: ran "${command}" once; repeating every ${interval}s needs the browser terminal\n` });
    }
    return run;
  },
};

/** The builtins' names, for completion. */
export function builtinNames(): string[] {
  return Object.keys(BUILTINS).filter((name) => name !== ':');
}

export function builtin(name: string): Builtin | undefined {
  return Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
}
