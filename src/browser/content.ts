import imagesData from '../../content/images.yaml?data';
import { catalogueFromData, type ImageCatalogue } from '../cluster/images/catalogue';
import { scenarioFromData, type Scenario } from '../cluster/scenario';

/**
 * Course content for the browser: YAML parsed at build time (the `?data`
 * plugin in astro.config.mjs), validated by the same core schemas the CLI uses. Scenarios and lesson
 * workspaces are split into chunks of their own, fetched when a lesson
 * needs them.
 */

const scenarioData = import.meta.glob<unknown>('../../content/scenarios/*.yaml', { query: '?data', import: 'default' });
const workspaceTexts = import.meta.glob<string>('../../lessons/*/**', { query: '?raw', import: 'default' });

let catalogue: ImageCatalogue | undefined;

export function loadCatalogue(): ImageCatalogue {
  return (catalogue ??= catalogueFromData(imagesData));
}

export async function loadScenario(name: string): Promise<Scenario> {
  const load = scenarioData[`../../content/scenarios/${name}.yaml`];
  if (!load) throw new Error(`unknown scenario "${name}"`);
  return scenarioFromData(await load(), `${name}.yaml`);
}

/** The files of `lessons/<lessonId>/`, by name: what `kubectl apply -f` finds in the learner's home folder. */
export async function loadWorkspace(lessonId: string): Promise<Record<string, string>> {
  const prefix = `../../lessons/${lessonId}/`;
  const files: Record<string, string> = {};
  for (const [path, load] of Object.entries(workspaceTexts)) {
    if (path.startsWith(prefix)) files[path.slice(prefix.length)] = await load();
  }
  return files;
}
