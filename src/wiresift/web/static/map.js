// The map: countries from the vendored world-atlas TopoJSON (no tile server), clustered place markers,
// and a side panel listing the articles and sentences of a clicked place. Text goes in via textContent.
(async function () {
  const map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 10 }).setView([30, 40], 2);
  const atlas = await (await fetch("/static/vendor/world-atlas/countries-50m.json")).json();
  L.geoJSON(topojson.feature(atlas, atlas.objects.countries), {
    style: { color: "#8a99b3", weight: 0.6, fillColor: "#f3f1ea", fillOpacity: 1 },
  }).addTo(map);
  const data = await (await fetch("/api/places")).json();
  const cluster = L.markerClusterGroup();
  const panel = document.getElementById("place-panel");
  for (const place of data.items) {
    const marker = L.marker([place.lat, place.lon], { title: place.name + (place.country ? ", " + place.country : "") });
    marker.on("click", () => showPlace(place));
    cluster.addLayer(marker);
  }
  map.addLayer(cluster);
  document.getElementById("map").dataset.markers = String(data.items.length);

  async function showPlace(place) {
    const params = new URLSearchParams({ name: place.name });
    if (place.country) params.set("country", place.country);
    const rows = (await (await fetch("/api/places/mentions?" + params)).json()).items;
    panel.replaceChildren();
    const h = document.createElement("h2");
    h.textContent = `${place.name}${place.country ? " (" + place.country + ")" : ""} · ${place.articles} article(s)`;
    panel.appendChild(h);
    const list = document.createElement("ul");
    for (const row of rows) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = row.link; // the permalink of the place in that article (marked when it opens)
      a.textContent = row.title || row.doc_id;
      const p = document.createElement("p");
      p.textContent = row.sentence;
      li.append(a, p);
      list.appendChild(li);
    }
    panel.appendChild(list);
  }
})();
