import type { ClusterConfig } from '../config';
import type { KubeObject } from './types';

/** STUB (the defaulting work replaces this): fills in what the apiserver defaults, in place. */
export function applyDefaults(_obj: KubeObject, _config: ClusterConfig): void {}
