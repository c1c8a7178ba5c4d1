import { describe, expect, it } from 'vitest';
import { quizOptions } from './quiz-options';

describe('quizOptions', () => {
  it('keeps each option its own explanation', () => {
    expect(quizOptions({ question: 'Q', options: [{ text: 'a', why: 'not a' }, { text: 'b', correct: true, why: 'b it is' }] })).toEqual([
      { text: 'a', correct: false, why: 'not a' },
      { text: 'b', correct: true, why: 'b it is' },
    ]);
  });

  it('reads the older form: strings, answer and one explanation for all', () => {
    expect(quizOptions({ question: 'Q', options: ['a', 'b'], answer: 0, explanation: 'because' })).toEqual([
      { text: 'a', correct: true, why: 'because' },
      { text: 'b', correct: false, why: 'because' },
    ]);
  });

  it('refuses a quiz with no right option, two right options, a missing why or an answer out of range', () => {
    expect(() => quizOptions({ question: 'Q', options: [{ text: 'a', why: 'x' }, { text: 'b', why: 'y' }] })).toThrow('<Quiz question="Q">: exactly one option must be correct, not 0');
    expect(() => quizOptions({ question: 'Q', options: [{ text: 'a', correct: true, why: 'x' }, { text: 'b', correct: true, why: 'y' }] })).toThrow('not 2');
    expect(() => quizOptions({ question: 'Q', options: [{ text: 'a', correct: true, why: '' }, { text: 'b', why: 'y' }] })).toThrow('option 0 ("a") has no why');
    expect(() => quizOptions({ question: 'Q', options: ['a', 'b'], answer: 1 })).toThrow('option 0 is a string');
    expect(() => quizOptions({ question: 'Q', options: ['a', 'b'], answer: 2, explanation: 'e' })).toThrow('answer 2 is not an index of its 2 options');
  });
});
