// Progressive enhancement for quiz pages; the quiz works without it.
// - After a failed submit, focus moves to the error summary, so keyboard and screen reader
//   users hear what needs fixing first.
// - The progress bar counts answers as they are given, across the whole quiz.
// - Choosing an answer brings the next activity into view, without moving focus, so arrow
//   keys keep working within the item.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }

  const form = document.querySelector("form.quiz-page");
  const progress = document.querySelector(".quiz-progress");
  if (!form || !progress) {
    return;
  }
  const bar = progress.querySelector("progress");
  const count = progress.querySelector(".quiz-progress-count");
  const elsewhere = Number(progress.dataset.answeredElsewhere) || 0;
  const calm = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  form.addEventListener("change", (event) => {
    const answered = new Set(
      Array.from(form.querySelectorAll("input[type=radio]:checked"), (input) => input.name),
    ).size;
    bar.value = elsewhere + answered;
    bar.textContent = `${bar.value} of ${bar.max}`;
    count.textContent = String(bar.value);

    const item = event.target.closest(".quiz-item");
    const next = item && item.nextElementSibling;
    if (next && next.classList.contains("quiz-item")) {
      next.scrollIntoView({ block: "nearest", behavior: calm ? "auto" : "smooth" });
    }
  });
});
