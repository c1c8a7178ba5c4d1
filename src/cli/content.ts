import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseImageCatalogue, type ImageCatalogue } from '../cluster/images/catalogue';
import { parseScenario, type Scenario } from '../cluster/scenario';
import type { WorkspaceFiles } from '../shell/session';

/** The package root, wherever podlab is installed: content/ ships beside src/. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function loadCatalogue(): ImageCatalogue {
  return parseImageCatalogue(readFileSync(resolve(PACKAGE_ROOT, 'content/images.yaml'), 'utf8'));
}

export function scenarioNames(): string[] {
  return readdirSync(resolve(PACKAGE_ROOT, 'content/scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** A scenario by name, or undefined when content/scenarios has none of that name. */
export function loadScenario(name: string): Scenario | undefined {
  if (!scenarioNames().includes(name)) return undefined;
  return parseScenario(readFileSync(resolve(PACKAGE_ROOT, `content/scenarios/${name}.yaml`), 'utf8'), `${name}.yaml`);
}

/** File access for kubectl, relative to the workspace folder. */
export function workspaceFiles(workspace: string): WorkspaceFiles {
  const at = (path: string) => resolve(workspace, path);
  return {
    readFile(path) {
      try {
        return statSync(at(path)).isFile() ? readFileSync(at(path), 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
    listDir(path) {
      try {
        return statSync(at(path)).isDirectory() ? readdirSync(at(path)) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
