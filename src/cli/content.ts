import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseImageCatalogue, parseScenario } from '../cluster/content-text';
import type { ImageCatalogue } from '../cluster/images/catalogue';
import type { Scenario } from '../cluster/scenario';
import type { WorkspaceFiles } from '../shell/session';

/**
 * The package root, wherever podlab is installed: content/ ships beside
 * src/. Found by walking up to the folder holding content/, because this
 * module runs both from src/cli and from the bundle bin/podlab.mjs caches.
 */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, 'content/scenarios')) && existsSync(resolve(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`podlab: no content/ folder above ${from}`);
  }
}

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
