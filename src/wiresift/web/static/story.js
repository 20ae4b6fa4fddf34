// The story page: pointing at an article (on the time axis, on the claim board, in the quotes)
// marks every place the same article appears. Only classes change; no text is parsed as HTML.
(function () {
  const items = Array.from(document.querySelectorAll("[data-doc]"));
  const same = (doc) => items.filter((el) => el.dataset.doc === doc);
  const mark = (doc, on) => same(doc).forEach((el) => el.classList.toggle("linked", on));
  items.forEach((el) => {
    el.addEventListener("mouseenter", () => mark(el.dataset.doc, true));
    el.addEventListener("mouseleave", () => mark(el.dataset.doc, false));
    el.addEventListener("focus", () => mark(el.dataset.doc, true));
    el.addEventListener("blur", () => mark(el.dataset.doc, false));
  });
  document.body.dataset.storyReady = String(items.length);
})();
