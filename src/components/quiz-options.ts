/**
 * A <Quiz>'s options as the page shows them: each with its text, whether it
 * is right, and why. Authors write options as objects, `{ text, correct?,
 * why }`, one of them `correct`; the older form (strings, `answer` the index
 * of the right one, one `explanation` for all) still works.
 */

export interface QuizOption {
  text: string;
  correct?: boolean;
  /** Shown when the learner checks this option: why it is right or not. */
  why: string;
}

export interface QuizProps {
  question: string;
  options: (string | QuizOption)[];
  /** Older form: the index of the right option among string options. */
  answer?: number;
  /** Older form: one explanation shown whichever option is checked. */
  explanation?: string;
}

/** The options with every field filled in; throws at build time when the quiz is not well formed. */
export function quizOptions({ question, options, answer, explanation }: QuizProps): Required<QuizOption>[] {
  const fail = (message: string): never => {
    throw new Error(`<Quiz question="${question}">: ${message}`);
  };
  if (options.length < 2) fail('give at least two options');
  const filled = options.map((option, i) => {
    if (typeof option === 'string') {
      if (explanation === undefined) fail(`option ${i} is a string: write it as { text, why } or give the quiz an explanation`);
      return { text: option, correct: i === answer, why: explanation! };
    }
    if (!option.why) fail(`option ${i} ("${option.text}") has no why`);
    return { text: option.text, correct: option.correct === true || i === answer, why: option.why };
  });
  if (answer !== undefined && (answer < 0 || answer >= options.length)) fail(`answer ${answer} is not an index of its ${options.length} options`);
  const right = filled.filter((o) => o.correct).length;
  if (right !== 1) fail(`exactly one option must be correct, not ${right}`);
  return filled;
}
