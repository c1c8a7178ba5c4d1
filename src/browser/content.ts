import imagesYaml from '../../content/images.yaml?raw';
import { parseImageCatalogue, type ImageCatalogue } from '../cluster/images/catalogue';
import { parseScenario, type Scenario } from '../cluster/scenario';

/**
 * Course content for the browser, bundled at build time as raw text and
 * parsed by the same core functions the CLI uses. Scenarios and lesson
 * workspaces are split into chunks of their own, fetched when a lesson
 * needs them.
 */

const scenarioTexts = import.meta.glob<string>('../../content/scenarios/*.yaml', { query: '?raw', import: 'default' });
const workspaceTexts = import.meta.glob<string>('../../lessons/*/**', { query: '?raw', import: 'default' });

let catalogue: ImageCatalogue | undefined;

export function loadCatalogue(): ImageCatalogue {
  return (catalogue ??= parseImageCatalogue(imagesYaml));
}

export async function loadScenario(name: string): Promise<Scenario> {
  const load = scenarioTexts[`../../content/scenarios/${name}.yaml`];
  if (!load) throw new Error(`unknown scenario "${name}"`);
  return parseScenario(await load(), `${name}.yaml`);
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
