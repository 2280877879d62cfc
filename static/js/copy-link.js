// Progressive enhancement: a "Copy link" button next to the result's permanent link.
// Without JavaScript (or clipboard access) the link stays selectable in its text box.
document.addEventListener("DOMContentLoaded", () => {
  if (!navigator.clipboard) {
    return;
  }
  for (const button of document.querySelectorAll("[data-copy-target]")) {
    const field = document.getElementById(button.dataset.copyTarget);
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        button.textContent = "Copied";
      } catch {
        field.select();
        button.textContent = "Press Ctrl+C to copy";
      }
    });
  }
});
