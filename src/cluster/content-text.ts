import { parse as parseYaml } from 'yaml';
import { catalogueFromData, type ImageCatalogue } from './images/catalogue';
import { ScenarioError, scenarioFromData, type Scenario } from './scenario';

/*
 * Scenario and image-catalogue files from their YAML text, as Node reads
 * them from content/. Kept apart from the schemas: the site parses the same
 * files at build time (astro.config's `?data` imports), so the browser's
 * first load carries no YAML parser to boot a cluster.
 */

/** Parses and validates a scenario file's text. */
export function parseScenario(text: string, source = 'scenario'): Scenario {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100 });
  } catch (e) {
    throw new ScenarioError(`${source}: ${(e as Error).message}`);
  }
  return scenarioFromData(data, source);
}

/** Parses and validates the image catalogue's text. */
export function parseImageCatalogue(text: string): ImageCatalogue {
  return catalogueFromData(parseYaml(text));
}
