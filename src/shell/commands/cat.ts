import type { ShellCommand } from '../command-table';
import { readInputs } from './inputs';

/** cat FILE…: the files (or standard input) one after another. Options are not simulated. */
export const cat: ShellCommand = (argv, ctx) => {
  const operands = argv.slice(1);
  const option = operands.find((a) => a.startsWith('-') && a !== '-');
  if (option) return { stdout: '', stderr: `cat: option ${option} is not available in this simulated shell\n`, exitCode: 1 };
  const { inputs, errors } = readInputs('cat', operands, ctx);
  return { stdout: inputs.map((i) => i.text).join(''), stderr: errors, exitCode: errors ? 1 : 0 };
};
