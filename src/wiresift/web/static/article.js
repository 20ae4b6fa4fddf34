// Layer toggles on the article page: each checkbox adds or removes a show-<layer> class on <body>.
document.querySelectorAll(".toggles input[data-layer]").forEach((box) => {
  box.addEventListener("change", () => {
    document.body.classList.toggle("show-" + box.dataset.layer, box.checked);
  });
});
