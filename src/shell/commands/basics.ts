import { fail, ok, type ShellCommand } from '../command-table';
import { parseSleep } from '../sleep';

export const trueCommand: ShellCommand = () => ok();
export const falseCommand: ShellCommand = () => fail('', 1);

/** sleep N: N seconds of virtual time pass for the whole cluster. */
export const sleep: ShellCommand = (argv, ctx) => {
  const parsed = parseSleep(argv.slice(1));
  if (!parsed.ok) return fail(parsed.message);
  ctx.cluster.advance(parsed.ms);
  return ok();
};
