import { resolvePath } from './files';
import { shellName } from './hosts';
import type { Interpreter, Run } from './interpreter';
import { frameFiles } from './state';

/**
 * cd [DIR|-]: changes the shell's working directory, which the files every
 * later command reads are resolved against. bash's words on the
 * workstation, where the workspace is the home folder; in containers the
 * simulation keeps no folders, so any path is entered.
 */
export function cd(argv: string[], shell: Interpreter): Run {
  const frame = shell.frame;
  const name = shellName(frame.host.flavour);
  const fail = (text: string): Run => ({ chunks: [{ stream: 'stderr', text: `${name}: cd: ${text}\n` }], status: 1 });
  const args = argv.slice(1);
  if (args[0] === '--') args.shift();
  if (args.length > 1 && frame.host.flavour === 'bash') return fail('too many arguments');
  const home = frame.vars.get('HOME') ?? frame.host.home;
  if (args[0] === undefined && !frame.vars.has('HOME')) return fail('HOME not set');
  let dir = args[0] ?? home;
  const back = dir === '-';
  if (back) {
    const old = frame.vars.get('OLDPWD');
    if (old === undefined) return fail('OLDPWD not set');
    dir = old;
  }
  if (dir === '') return { chunks: [], status: 0 };
  const target = resolvePath(frame.cwd, dir, home);
  if (frame.host.where.kind === 'workstation') {
    const files = frameFiles(frame);
    if (files.listDir(dir) === undefined) return fail(`${dir}: ${files.readFile(dir) === undefined ? 'No such file or directory' : 'Not a directory'}`);
    if (target === '/root') return fail(`${dir}: Permission denied`);
  }
  frame.vars.set('OLDPWD', frame.cwd);
  frame.vars.set('PWD', target);
  frame.cwd = target;
  // `cd -` prints where it went.
  return { chunks: back ? [{ stream: 'stdout', text: `${target}\n` }] : [], status: 0 };
}
