/**
 * <podlab-quiz>: one multiple-choice question. Each radio carries
 * `data-correct` and `data-why`; checking one says whether it is right and
 * why, in a live region. The right answer is in the page (this is practice,
 * not an exam), and the learner may check as many options as they like.
 */
class QuizElement extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    const result = this.querySelector<HTMLElement>('[data-result]');
    if (!form || !result) return;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = form.querySelector<HTMLInputElement>('input[name="choice"]:checked');
      if (!chosen) {
        delete this.dataset.result;
        result.textContent = 'Pick an answer first.';
        return;
      }
      const right = chosen.dataset.correct === 'true';
      this.dataset.result = right ? 'right' : 'wrong';
      for (const label of form.querySelectorAll('label')) delete label.dataset.result;
      const label = chosen.closest('label');
      if (label) label.dataset.result = this.dataset.result;
      result.textContent = `${right ? 'Right.' : 'Not quite.'} ${chosen.dataset.why ?? ''}`.trim();
    });
  }
}

if (!customElements.get('podlab-quiz')) customElements.define('podlab-quiz', QuizElement);
