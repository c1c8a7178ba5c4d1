import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseImageCatalogue, type ImageCatalogue } from '../cluster/images/catalogue';
import { parseScenario, type Scenario } from '../cluster/scenario';

/** The package root, wherever podlab is installed. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function loadCatalogue(): ImageCatalogue {
  return parseImageCatalogue(readFileSync(`${PACKAGE_ROOT}content/images.yaml`, 'utf8'));
}

export function scenarioNames(): string[] {
  return readdirSync(`${PACKAGE_ROOT}content/scenarios`)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -5))
    .sort();
}

export function loadScenario(name: string): Scenario | undefined {
  if (!/^[a-z0-9-]+$/.test(name) || !scenarioNames().includes(name)) return undefined;
  return parseScenario(readFileSync(`${PACKAGE_ROOT}content/scenarios/${name}.yaml`, 'utf8'), `${name}.yaml`);
}

/** File access for kubectl, relative to the workspace folder. */
export function workspaceFiles(workspace: string): { readFile(path: string): string | undefined; listDir(path: string): string[] | undefined } {
  const resolve = (p: string) => (p.startsWith('/') ? p : `${workspace}/${p}`);
  return {
    readFile(path) {
      try {
        return readFileSync(resolve(path), 'utf8');
      } catch {
        return undefined;
      }
    },
    listDir(path) {
      try {
        return statSync(resolve(path)).isDirectory() ? readdirSync(resolve(path)) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
