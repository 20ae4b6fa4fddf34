// The timeline: articles, quotes and claims placed by their normalised dates (vis-timeline).
// Item content is given as DOM elements built with textContent, so article text is never parsed as HTML.
(async function () {
  const data = await (await fetch("/api/timeline")).json();
  const textNode = (text) => { const span = document.createElement("span"); span.textContent = text; return span; };
  const items = new vis.DataSet(data.items.map((item, i) => ({
    id: i,
    content: textNode(item.label.length > 60 ? item.label.slice(0, 59) + "…" : item.label),
    title: textNode(item.label),
    start: item.date.length === 4 ? item.date + "-01-01" : item.date.length === 7 ? item.date + "-01" : item.date,
    className: "tl-" + item.kind,
    group: item.kind,
    link: item.link,
  })));
  const groups = new vis.DataSet([
    { id: "article", content: "Articles" }, { id: "quote", content: "Quotes" }, { id: "claim", content: "Claims" },
  ]);
  const container = document.getElementById("timeline");
  const timeline = new vis.Timeline(container, items, groups, { stack: true, maxHeight: 640 });
  timeline.on("select", (props) => {
    const item = items.get(props.items[0]);
    if (item) window.location.href = item.link; // the quote or claim marked in its article
  });
  container.dataset.items = String(data.items.length);
})();
