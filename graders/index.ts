import type { Grader } from '../src/grading/grader';
import { podIpsDeploy } from './pod-ips-deploy';
import { podIpsReplace } from './pod-ips-replace';

/** Every exercise's grader, by the id `<Exercise id>` uses. */
export const graders: ReadonlyMap<string, Grader> = new Map([podIpsDeploy, podIpsReplace].map((g) => [g.id, g]));
