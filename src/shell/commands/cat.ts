import type { ShellCommand } from '../command-table';
import { readInputs } from './inputs';

/** cat FILE…: the files (or standard input) one after another. Options are not simulated. */
export const cat: ShellCommand = (argv, ctx) => {
  const operands = argv.slice(1);
  const option = operands.find((a) => a.startsWith('-') && a !== '-');
  if (option) return { stdout: '', stderr: `cat: option ${option} is not available in this simulated shell\n`, exitCode: 1 };
  // BusyBox's cat opens with open_or_warn: `can't open 'F'`, and a folder fails on read.
  const busybox = ctx.userland === 'busybox' ? { missing: (f: string) => `cat: can't open '${f}': No such file or directory\n`, folder: () => 'cat: read error: Is a directory\n' } : undefined;
  const { inputs, errors } = readInputs('cat', operands, ctx, busybox);
  return { stdout: inputs.map((i) => i.text).join(''), stderr: errors, exitCode: errors ? 1 : 0 };
};
