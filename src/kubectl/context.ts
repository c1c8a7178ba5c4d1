import type { Cluster } from '../cluster/cluster';

/** What kubectl runs against: the cluster, and file access given by the host (the core does no IO). */
export interface KubectlEnv {
  cluster: Cluster;
  /** File contents, or undefined when there is no such file. */
  readFile(path: string): string | undefined;
  /** Entries of a folder, or undefined when `path` is not a folder. */
  listDir(path: string): string[] | undefined;
  /** The current namespace of the kubeconfig context. */
  namespace?: string;
}

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Output collected line by line, stdout and stderr kept apart but in order. */
export class Output {
  stdout = '';
  stderr = '';
  exitCode = 0;
  /** Both streams interleaved as a terminal would show them. */
  combined = '';

  out(text: string): void {
    this.stdout += text;
    this.combined += text;
  }

  err(text: string): void {
    this.stderr += text;
    this.combined += text;
    this.exitCode = 1;
  }

  /** Writes to stderr without failing the command (kubectl's "No resources found"). */
  note(text: string): void {
    this.stderr += text;
    this.combined += text;
  }

  result(): CommandResult {
    return { stdout: this.stdout, stderr: this.stderr, exitCode: this.exitCode };
  }
}
