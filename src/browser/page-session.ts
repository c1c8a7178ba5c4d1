import { loadCatalogue, loadScenario, loadWorkspace } from './content';
import { LessonSession } from './lesson-session';
import { ProgressStore } from './progress';

/**
 * One LessonSession a lesson on the page: the workbench, `<Terminal>` and
 * `<Editor files>` each ask for it by lesson id and share the one cluster,
 * workspace and saved progress. The first to ask boots (or restores) it.
 */

export interface SessionKey {
  lesson: string;
  scenario: string;
  seed: number;
}

const sessions = new Map<string, Promise<LessonSession>>();

export function pageSession(key: SessionKey): Promise<LessonSession> {
  let session = sessions.get(key.lesson);
  if (!session) {
    session = Promise.all([loadScenario(key.scenario), loadWorkspace(key.lesson)]).then(
      ([scenario, workspace]) =>
        new LessonSession({ lessonId: key.lesson, scenario, seed: key.seed, catalogue: loadCatalogue(), workspace, store: new ProgressStore(localStorage) }),
    );
    sessions.set(key.lesson, session);
  }
  return session;
}

/** The session key an element's `data-lesson`, `data-scenario` and `data-seed` name. */
export function sessionKeyOf(el: HTMLElement): SessionKey {
  return { lesson: el.dataset.lesson ?? '', scenario: el.dataset.scenario ?? 'default', seed: Number(el.dataset.seed ?? '1') };
}
