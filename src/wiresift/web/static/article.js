// The article page: layer toggles, and permalinks to spans.
// Each checkbox adds or removes a show-<layer> class on <body>. A link /article/ID#q3 (a quote; c2 a
// claim, e4 an entity, p1 a place, v1 an event, t-120-134 a date) scrolls to that item, marks every
// piece of it (class "marked") and shows its details beside it; on load and whenever the fragment
// changes, so a shared link opens the same view. Details go in with textContent, never as HTML.
"use strict";
(function () {
  document.querySelectorAll(".toggles input[data-layer]").forEach((box) => {
    box.addEventListener("change", () => {
      document.body.classList.toggle("show-" + box.dataset.layer, box.checked);
    });
  });

  const body = document.getElementById("body");
  const details = document.getElementById("span-details");
  if (!body || !details) return;

  function anchorFor(hash) {
    const raw = hash.replace(/^#/, "");
    if (!raw) return null;
    let found = document.getElementById(raw);
    if (!found) {
      try { found = document.getElementById(decodeURIComponent(raw)); } catch (e) { found = null; }
    }
    return found && found.classList.contains("anchor") && body.contains(found) ? found : null;
  }

  function showLayer(layer) {
    const box = document.querySelector('.toggles input[data-layer="' + CSS.escape(layer) + '"]');
    if (box && !box.checked) box.checked = true;
    document.body.classList.add("show-" + layer);
  }

  function place(first) {
    const article = body.closest("article");
    const a = article.getBoundingClientRect();
    const r = first.getBoundingClientRect();
    details.style.top = Math.round(r.bottom - a.top + 6) + "px";
    details.style.left = Math.round(Math.max(8, Math.min(r.left - a.left, a.width - details.offsetWidth - 8))) + "px";
  }

  function show() {
    document.querySelectorAll("#body .marked").forEach((el) => el.classList.remove("marked"));
    details.hidden = true;
    const anchor = anchorFor(window.location.hash);
    if (!anchor) return;
    const pieces = Array.from(body.querySelectorAll('[data-anchors~="' + CSS.escape(anchor.id) + '"]'));
    if (!pieces.length) return;
    showLayer(anchor.dataset.layer);
    pieces.forEach((el) => el.classList.add("marked"));
    // The item's own first piece (a quote's speaker may come before the quote).
    const first = pieces.find((el) => anchor.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) || pieces[0];
    const head = document.createElement("b");
    head.textContent = anchor.dataset.layer;
    const text = document.createElement("span");
    text.textContent = " " + anchor.dataset.details;
    const close = document.createElement("button");
    close.type = "button";
    close.className = "close";
    close.setAttribute("aria-label", "close");
    close.textContent = "×";
    close.addEventListener("click", () => { details.hidden = true; });
    details.replaceChildren(head, text, close);
    details.dataset.anchor = anchor.id;
    details.hidden = false;
    first.scrollIntoView({ block: "center" });
    place(first);
  }

  window.addEventListener("hashchange", show);
  // A click on a link to the fragment already shown fires no hashchange: show it again anyway.
  document.querySelectorAll('a[href^="#"]').forEach((link) => {
    link.addEventListener("click", () => {
      if (link.getAttribute("href") === window.location.hash) window.setTimeout(show, 0);
    });
  });
  show();
})();
