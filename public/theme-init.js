// Sets the theme before first paint, so a dark page never flashes white:
// the learner's saved choice, else the system's preference.
(function () {
  var theme;
  try {
    theme = localStorage.getItem('podlab:theme');
  } catch (e) {
    theme = null;
  }
  if (theme !== 'light' && theme !== 'dark') {
    theme = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  document.documentElement.dataset.theme = theme;
})();
