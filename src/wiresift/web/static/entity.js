// The co-occurrence graph on an entity page (cytoscape), from /api/entities/<id>/graph.
(async function () {
  const holder = document.querySelector("[data-entity-id]");
  if (!holder) return;
  const id = holder.dataset.entityId;
  const graph = await (await fetch("/api/entities/" + encodeURIComponent(id) + "/graph")).json();
  cytoscape({
    container: document.getElementById("graph"),
    elements: [...graph.nodes, ...graph.edges],
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 10, "background-color": "#8fa8d8", width: 14, height: 14 } },
      { selector: "node[focus = 1]", style: { "background-color": "#1f5fbf", width: 22, height: 22 } },
      { selector: "edge", style: { width: "mapData(weight, 1, 10, 1, 6)", "line-color": "#c3ccdc" } },
    ],
    layout: { name: "concentric", concentric: (n) => n.data("focus") * 10, minNodeSpacing: 20 },
  }).on("tap", "node", (e) => { window.location.href = "/entity/" + encodeURIComponent(e.target.id()); });
})();
