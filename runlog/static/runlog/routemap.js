// A run's route on map tiles, drawn by Leaflet where the operator set MAP_TILE_URL. The points come from the server
// with the privacy zone already cut (the hidden ends never reach the browser); without this script the SVG stays.
(function () {
  "use strict";
  const node = document.getElementById("route-map");
  if (!node || !window.L) return;
  const data = JSON.parse(node.dataset.json);
  const L = window.L;

  // Leaflet writes an attribution as HTML; the operator's credit is plain text.
  function text(value) {
    const span = document.createElement("span");
    span.textContent = value;
    return span.innerHTML;
  }

  node.hidden = false;
  const map = L.map(node, { scrollWheelZoom: false });
  L.tileLayer(data.tiles, { maxZoom: 18, attribution: text(data.attribution) }).addTo(map);
  const style = getComputedStyle(document.documentElement);
  const colour = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
  const line = L.polyline(data.lines, { color: colour("--brand", "#0f766e"), weight: 4, lineJoin: "round" }).addTo(map);
  const first = data.lines[0][0];
  const lastLine = data.lines[data.lines.length - 1];
  const last = lastLine[lastLine.length - 1];
  const dot = { radius: 6, weight: 2, color: "#ffffff", fillOpacity: 1 };
  L.circleMarker(first, Object.assign({ fillColor: colour("--ok", "#15803d") }, dot)).bindTooltip(data.labels ? data.labels.start : "Where the shown route starts").addTo(map);
  L.circleMarker(last, Object.assign({ fillColor: colour("--high", "#b91c1c") }, dot)).bindTooltip(data.labels ? data.labels.end : "Where the shown route ends").addTo(map);
  map.fitBounds(line.getBounds(), { padding: [16, 16] });
  node.closest("section").classList.add("has-map");
  node.dataset.drawn = "true";
})();
