// Correction forms (article page, entity page, /corrections): sent as JSON with the page's anti-CSRF
// token, then the page is shown again with the correction applied. Without this script the same
// forms post as plain HTML forms (they carry csrf_token) and the server redirects back.
// "Your name" is remembered in localStorage and sent as `who`. Messages go in with textContent.
"use strict";
(function () {
  const token = document.querySelector('meta[name="csrf-token"]');
  const who = document.getElementById("correction-who");
  const status = document.querySelector(".correction-status");
  const KEY = "wiresift.correction.who";
  if (who) {
    try { who.value = window.localStorage.getItem(KEY) || ""; } catch (e) { /* storage off: no memory */ }
    who.addEventListener("change", () => {
      try { window.localStorage.setItem(KEY, who.value.trim()); } catch (e) { /* ignore */ }
    });
  }

  function say(message, failed) {
    if (!status) { if (failed) window.alert(message); return; }
    status.textContent = message;
    status.classList.toggle("failed", !!failed);
    status.hidden = false;
  }

  function fields(form) {
    const out = {};
    new FormData(form).forEach((value, name) => {
      if (name === "csrf_token") return;
      if (name === "members") (out.members = out.members || []).push(value);
      else out[name] = value;
    });
    if (who && who.value.trim()) out.who = who.value.trim();
    return out;
  }

  async function send(form) {
    const buttons = form.querySelectorAll("button");
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const response = await fetch(form.action, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": token ? token.content : "" },
        body: JSON.stringify(fields(form)),
      });
      const answer = await response.json().catch(() => ({}));
      if (!response.ok) {
        say(answer.error || "the correction was refused (" + response.status + ")", true);
        return;
      }
      const kind = (answer.correction || {}).kind || "";
      const stay = form.querySelector('input[name="next"]');
      // A merge or split moves the entity: go where the server says; anything else: show this page again.
      const target = kind === "merge_entities" || kind === "split_entity" ? answer.next : (stay ? stay.value : "");
      const here = window.location.pathname + window.location.search;
      if (target && target !== here) window.location.assign(target);
      else window.location.reload();
    } catch (e) {
      say("the server could not be reached: " + e, true);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  document.querySelectorAll("form.correction").forEach((form) => {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      send(form);
    });
  });

  // The entity page's merge box: every entity's id and name as suggestions (the browser filters them).
  const candidates = document.getElementById("merge-candidates");
  const holder = document.querySelector("[data-entity-id]");
  if (candidates && holder) {
    fetch("/api/entities?limit=500", { credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : { items: [] }))
      .then((page) => {
        page.items.forEach((row) => {
          if (String(row.id) === holder.dataset.entityId) return;
          const option = document.createElement("option");
          option.value = String(row.id);
          option.label = row.name + " (" + row.type + ", " + row.articles + " articles)";
          option.textContent = option.label;
          candidates.appendChild(option);
        });
      })
      .catch(() => { /* suggestions are a convenience: typing a name works without them */ });
  }
})();
