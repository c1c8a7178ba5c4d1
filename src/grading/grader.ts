import type { Cluster } from '../cluster/cluster';

/**
 * The grader API. A grader checks outcomes in the cluster, never keystrokes:
 * whatever commands got the cluster there, the same state passes. Checks are
 * pure reads of the cluster, so they can run after every command in the
 * browser and, in Node, after replaying a transcript.
 */

/** What one check says about the cluster now. */
export interface CheckResult {
  pass: boolean;
  /** One or two sentences for the learner: what is right, or what is still missing. */
  feedback: string;
}

export interface Check {
  /** Stable within its grader; progress is stored by it. */
  id: string;
  /** What the learner has to achieve, as the checklist shows it. */
  title: string;
  run(cluster: Cluster): CheckResult;
}

export interface Grader {
  /** The exercise id, as `<Exercise id>` names it: `<lesson>/<exercise>`. */
  id: string;
  title: string;
  checks: Check[];
  /** Shown one at a time, each a little more telling than the last. */
  hints: string[];
  /** A reference solution as shell lines; `podlab check` replays them to prove the grader. */
  solution: string[];
}

export interface CheckReport extends CheckResult {
  id: string;
  title: string;
}

export interface GradeReport {
  graderId: string;
  passed: boolean;
  checks: CheckReport[];
}

/**
 * Runs every check of a grader. A check that throws is reported as failed
 * with its error, so one faulty check cannot take the workbench down.
 */
export function grade(grader: Grader, cluster: Cluster): GradeReport {
  const checks = grader.checks.map((check): CheckReport => {
    try {
      return { id: check.id, title: check.title, ...check.run(cluster) };
    } catch (e) {
      return { id: check.id, title: check.title, pass: false, feedback: `This check failed to run: ${(e as Error).message}` };
    }
  });
  return { graderId: grader.id, passed: checks.every((c) => c.pass), checks };
}
