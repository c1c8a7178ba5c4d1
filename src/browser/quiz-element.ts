/**
 * <podlab-quiz data-answer data-explanation>: one multiple-choice question.
 * The right answer is in the page (this is practice, not an exam).
 */
class QuizElement extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    const result = this.querySelector<HTMLElement>('[data-result]');
    if (!form || !result) return;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = new FormData(form).get('choice');
      if (chosen === null) {
        result.textContent = 'Pick an answer first.';
        return;
      }
      const right = chosen === this.dataset.answer;
      this.dataset.result = right ? 'right' : 'wrong';
      result.textContent = `${right ? 'Right.' : 'Not quite.'} ${this.dataset.explanation ?? ''}`.trim();
    });
  }
}

if (!customElements.get('podlab-quiz')) customElements.define('podlab-quiz', QuizElement);
