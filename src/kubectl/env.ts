import type { Cluster } from '../cluster/cluster';

/** What kubectl runs against: the cluster, and file access the host gives it (the core does no IO). */
export interface KubectlEnv {
  cluster: Cluster;
  /** A file's contents, or undefined when there is no such file. */
  readFile(path: string): string | undefined;
  /** The entries of a folder, or undefined when `path` is not a folder. */
  listDir(path: string): string[] | undefined;
  /** The namespace of the kubeconfig context; `default` when unset. */
  namespace?: string;
  /** What the shell piped or redirected in: the contents of `-f -`. */
  stdin?: string;
  /** The host can open an editor (the lesson page): `kubectl edit` then returns an edit request instead of refusing. */
  editor?: boolean;
}
