// The map: countries from the vendored world-atlas TopoJSON (no tile server) shaded by how often their
// places are named, cities as clustered points, events as dots coloured by category, and a popup listing
// the sentences that name a place, each linking to it in its article. The page's filters (search,
// entity, country, dates) go to /api/places as they are in the address, as on the timeline.
// Every text goes in through textContent, never as HTML.
(async function () {
  const filters = new URLSearchParams(window.location.search);
  const status = document.getElementById("map-status");
  const map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 10 }).setView([30, 40], 2);

  // A ring crossing the 180th meridian jumps from +179 to -179: drawn as is, it is a stripe across the
  // whole map. Unwrapping keeps each ring continuous (longitudes past ±180 are drawn beside the map edge).
  function unwrapRing(ring) {
    let shift = 0;
    return ring.map(([lon, lat], i) => {
      if (i > 0) {
        const previous = ring[i - 1][0];
        if (lon - previous > 180) shift -= 360;
        else if (previous - lon > 180) shift += 360;
      }
      return [lon + shift, lat];
    });
  }
  function unwrap(geometry) {
    if (geometry.type === "Polygon") return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
    if (geometry.type === "MultiPolygon") {
      return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)) };
    }
    return geometry;
  }

  const [atlas, response] = await Promise.all([
    fetch("/static/vendor/world-atlas/countries-50m.json").then((r) => r.json()),
    fetch("/api/places?" + filters),
  ]);
  const data = await response.json();
  if (!response.ok) {
    status.textContent = data.error;
    status.classList.add("error");
    return;
  }
  const byShape = new Map(data.countries.filter((c) => c.shape).map((c) => [c.shape, c]));
  const most = Math.max(1, ...data.countries.map((c) => c.mentions));
  // Sequential blues (ColorBrewer "Blues"): readable under every common colour-vision deficiency.
  const SHADES = ["#f3f1ea", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
  const shade = (n) => (n ? SHADES[1 + Math.min(4, Math.floor((4.999 * Math.log1p(n)) / Math.log1p(most)))] : SHADES[0]);
  const countries = topojson.feature(atlas, atlas.objects.countries);
  countries.features = countries.features.map((f) => ({ ...f, geometry: f.geometry && unwrap(f.geometry) }));
  L.geoJSON(countries, {
    style: (f) => ({ color: "#8a99b3", weight: 0.6, fillColor: shade((byShape.get(f.id) || {}).mentions || 0), fillOpacity: 0.9 }),
    onEachFeature: (f, layer) => {
      const c = byShape.get(f.id);
      const tip = document.createElement("span");
      tip.textContent = c ? `${c.name}: ${c.mentions} mention(s) of its places` : f.properties.name;
      layer.bindTooltip(tip, { sticky: true });
      if (c) layer.feature.properties.mentions = c.mentions;
    },
  }).addTo(map);

  const cluster = L.markerClusterGroup();
  for (const place of data.items) {
    const marker = L.circleMarker([place.lat, place.lon], {
      radius: 4 + Math.min(10, Math.log1p(place.articles) * 2), color: "#17202f", weight: 1, fillColor: "#e69f00", fillOpacity: 0.9,
    });
    marker.bindTooltip(`${place.name}${place.country ? ", " + place.country : ""}: ${place.articles} article(s)`);
    marker.on("click", () => showPlace(place, marker));
    cluster.addLayer(marker);
  }
  map.addLayer(cluster);
  document.getElementById("map").dataset.markers = String(data.items.length);
  document.getElementById("map").dataset.countries = String(data.countries.length);

  // Events by PLOVER quad class (Okabe-Ito colours).
  const QUADS = {
    VERBAL_COOPERATION: ["#56b4e9", "verbal cooperation"], MATERIAL_COOPERATION: ["#009e73", "material cooperation"],
    VERBAL_CONFLICT: ["#e69f00", "verbal conflict"], MATERIAL_CONFLICT: ["#d55e00", "material conflict"],
  };
  const eventParams = new URLSearchParams({ limit: "500" });
  if (filters.get("since")) eventParams.set("since", filters.get("since"));
  const eventsResponse = await fetch("/api/events?" + eventParams);
  const eventLayer = L.layerGroup();
  let placedEvents = 0;
  if (eventsResponse.ok) {
    for (const event of (await eventsResponse.json()).items) {
      if (event.lat == null || event.lon == null) continue;
      const [colour, name] = QUADS[event.quad] || ["#777777", "uncoded"];
      const dot = L.circleMarker([event.lat, event.lon], { radius: 5, color: "#000", weight: 1, fillColor: colour, fillOpacity: 1 });
      const box = document.createElement("div");
      const head = document.createElement("b");
      head.textContent = `${(event.plover || "event").toLowerCase()} (${name})`;
      const link = document.createElement("a");
      link.href = event.link;
      link.textContent = event.text;
      box.append(head, document.createElement("br"), link);
      dot.bindPopup(box);
      eventLayer.addLayer(dot);
      placedEvents += 1;
    }
  }
  eventLayer.addTo(map);
  L.control.layers(null, { "places (cities)": cluster, "events by category": eventLayer }, { collapsed: false }).addTo(map);
  const legend = L.control({ position: "bottomleft" });
  legend.onAdd = () => {
    const box = L.DomUtil.create("div", "map-legend");
    const rows = [["#08519c", "most-named countries"], ["#c6dbef", "fewer mentions"], ["#e69f00", "places (size: articles)"]];
    for (const [colour, name] of Object.values(QUADS)) rows.push([colour, "event: " + name]);
    for (const [colour, name] of rows) {
      const line = document.createElement("div");
      const swatch = document.createElement("i");
      swatch.style.background = colour;
      line.append(swatch, document.createTextNode(name));
      box.appendChild(line);
    }
    return box;
  };
  legend.addTo(map);
  status.textContent = `${data.items.length} places in ${data.countries.length} countries` + (data.truncated ? " (the most named: narrow the filters for the rest)" : "")
    + ` · ${placedEvents} events with a place`;

  async function showPlace(place, marker) {
    const params = new URLSearchParams({ name: place.name });
    if (place.country) params.set("country", place.country);
    const answer = await (await fetch("/api/places/mentions?" + params)).json();
    const box = document.createElement("div");
    box.className = "place-popup";
    const h = document.createElement("b");
    h.textContent = `${place.name}${place.country ? " (" + place.country + ")" : ""} · ${place.articles} article(s)`;
    const list = document.createElement("ul");
    for (const row of answer.items) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = row.link; // the permalink of the place in that article (marked when it opens)
      a.textContent = row.title || row.doc_id;
      const p = document.createElement("p");
      p.textContent = row.sentence;
      li.append(a, p);
      list.appendChild(li);
    }
    box.append(h, list);
    if (answer.truncated) {
      const more = document.createElement("p");
      more.textContent = `the ${answer.items.length} newest articles are listed`;
      box.appendChild(more);
    }
    marker.bindPopup(box, { maxWidth: 360 }).openPopup();
  }
})();
