// Progressive enhancement for quiz pages; the quiz works without it.
// After a failed submit, move focus to the error summary so keyboard and screen reader users
// hear what needs fixing first.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
});
