// The timeline: lanes of articles, events, quotes and claims (vis-timeline), clustered when crowded,
// opening on the span of most of the items' dates. The page's filters (search, entity, country, dates)
// are passed to /api/timeline as they are in the address, so the map and the timeline share them.
// Item content is given as DOM elements built with textContent: article text is never parsed as HTML.
(async function () {
  const status = document.getElementById("timeline-status");
  const container = document.getElementById("timeline");
  const response = await fetch("/api/timeline?" + new URLSearchParams(window.location.search));
  const data = await response.json();
  if (!response.ok) {
    status.textContent = data.error;
    status.classList.add("error");
    return;
  }
  const textNode = (text) => { const span = document.createElement("span"); span.textContent = text; return span; };
  const day = (d) => (d.length === 4 ? d + "-01-01" : d.length === 7 ? d + "-01" : d);
  const items = new vis.DataSet(data.items.map((item, i) => {
    const label = item.unplaced ? `${item.label} (its own date ${item.unplaced}: not placed there)` : item.label;
    return {
      id: i,
      content: textNode(label.length > 70 ? label.slice(0, 69) + "…" : label),
      title: textNode(label),
      start: day(item.date),
      type: "box",
      className: "tl-" + item.kind,
      group: item.kind,
      link: item.link,
    };
  }));
  const groups = new vis.DataSet([
    { id: "article", content: "Articles", order: 1 }, { id: "event", content: "Events", order: 2 },
    { id: "quote", content: "Quotes", order: 3 }, { id: "claim", content: "Claims", order: 4 },
  ]);
  const options = {
    stack: true,
    verticalScroll: true,
    zoomKey: "ctrlKey",
    maxHeight: Math.max(420, Math.round(window.innerHeight * 0.7)),
    orientation: { axis: "top" },
    groupOrder: "order",
    cluster: { maxItems: 4, titleTemplate: "{count} items: zoom in to see them", clusterCriteria: (a, b) => a.group === b.group },
  };
  if (data.span) Object.assign(options, { start: data.span.start, end: data.span.end });
  const timeline = new vis.Timeline(container, items, groups, options);
  timeline.on("select", (props) => {
    const item = items.get(props.items[0]);
    if (item && item.link) window.location.href = item.link; // the item marked in its article
  });
  document.getElementById("zoom-in").addEventListener("click", () => timeline.zoomIn(0.5));
  document.getElementById("zoom-out").addEventListener("click", () => timeline.zoomOut(0.5));
  document.getElementById("zoom-fit").addEventListener("click", () => timeline.fit());
  const unplaced = data.items.filter((item) => item.unplaced).length;
  status.textContent = `${data.items.length} items` + (data.truncated ? " (the newest per lane: narrow the filters for the rest)" : "")
    + (unplaced ? ` · ${unplaced} with a date over a year past their article, placed at the article` : "");
  container.dataset.items = String(data.items.length);
  if (data.span) { container.dataset.start = data.span.start; container.dataset.end = data.span.end; }
})();
