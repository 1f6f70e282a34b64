// Dashboard charts: Chart.js on <canvas>, data from the JSON in #chart-data's data-json attribute. Each chart also has a
// table for screen readers and for browsers without JavaScript; this file only draws.
(function () {
  "use strict";
  // Colours come from site.css's custom properties at draw time, so the charts follow the light or dark theme.
  const COLORS = {};
  const PAIN = {};
  const charts = {};

  function readColors() {
    const style = getComputedStyle(document.documentElement);
    const css = (name) => style.getPropertyValue(name).trim();
    Object.assign(COLORS, {
      brand: css("--brand"), brandSoft: css("--chart-band"), xt: css("--xt"), ink: css("--ink"), muted: css("--muted"),
      ok: css("--ok"), caution: css("--caution"), high: css("--high"), grid: css("--chart-grid"), acute: css("--info"),
      chronic: css("--brand"), bar: css("--chart-bar"),
    });
    Object.assign(PAIN, { during: css("--pain-during"), after: css("--pain-after"), next_morning: css("--pain-morning") });
    if (window.Chart) {
      window.Chart.defaults.color = COLORS.muted;
      window.Chart.defaults.borderColor = COLORS.grid;
    }
  }

  function data() {
    const node = document.getElementById("chart-data");
    const d = node ? JSON.parse(node.dataset.json) : null;
    WORDS = (d && d.labels) || {};
    return d;
  }

  // The chart's words come with its data, in the runner's language (runlog/dashboard/charts.py chart_labels);
  // the English ones here are only for data from before they did.
  let WORDS = {};
  function word(key, fallback) { return WORDS[key] || fallback; }

  function shortDate(iso) {
    const d = new Date(iso + "T00:00:00");
    return d.toLocaleDateString(WORDS.language || undefined, { day: "numeric", month: "short" });
  }

  function draw(id, config) {
    const canvas = document.getElementById(id);
    if (!canvas || !window.Chart) return;
    if (charts[id]) charts[id].destroy();
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { labels: { boxWidth: 12, color: COLORS.ink } } } }, config.options || {});
    charts[id] = new window.Chart(canvas, config);
    canvas.dataset.rendered = "true";
  }

  function weekly(d, weeks) {
    const rows = d.weekly.slice(-weeks);
    draw("chart-weekly", {
      type: "bar",
      data: {
        labels: rows.map((r) => shortDate(r.week)),
        datasets: [
          { label: word("running", "Running (" + d.unit + ")"), data: rows.map((r) => d.unit === "mi" ? +(r.km / 1.609344).toFixed(1) : r.km),
            backgroundColor: COLORS.brand, yAxisID: "y" },
          { label: word("cross_training", "Cross-training (min)"), data: rows.map((r) => r.xt_min), type: "line", borderColor: COLORS.xt,
            backgroundColor: COLORS.xt, pointRadius: 2, yAxisID: "y1" },
        ],
      },
      options: { scales: { y: { beginAtZero: true, title: { display: true, text: d.unit } },
        y1: { beginAtZero: true, position: "right", grid: { drawOnChartArea: false }, title: { display: true, text: word("minutes", "min") } } } },
    });
  }

  function load(d) {
    if (!d.load.length) return;
    const labels = d.load.map((r) => shortDate(r.day));
    draw("chart-load", {
      type: "bar",
      data: {
        labels,
        datasets: [
          { label: word("daily_load", "Daily load"), data: d.load.map((r) => r.load), backgroundColor: COLORS.bar, order: 3 },
          { label: word("acute", "Acute (7-day)"), data: d.load.map((r) => r.acute), type: "line", borderColor: COLORS.acute,
            pointRadius: 0, borderWidth: 2, order: 1 },
          { label: word("chronic", "Chronic (28-day)"), data: d.load.map((r) => r.chronic), type: "line", borderColor: COLORS.chronic,
            pointRadius: 0, borderWidth: 2, order: 2 },
          { label: word("band", "Band 0.8–1.5 × chronic"), data: d.load.map((r) => +(r.chronic * 1.5).toFixed(1)), type: "line",
            borderColor: "transparent", backgroundColor: COLORS.brandSoft, pointRadius: 0, fill: "+1", order: 4 },
          { label: "", data: d.load.map((r) => +(r.chronic * 0.8).toFixed(1)), type: "line",
            borderColor: "transparent", pointRadius: 0, order: 5 },
        ],
      },
      options: { plugins: { legend: { labels: { filter: (item) => item.text !== "" } } },
        scales: { y: { beginAtZero: true, title: { display: true, text: word("load_unit", "RPE × min") } },
          x: { ticks: { maxTicksLimit: 8 } } } },
    });
  }

  function longest(d) {
    const factor = d.unit === "mi" ? 1 / 1.609344 : 1;
    draw("chart-longest", {
      type: "bar",
      data: {
        labels: d.longest.map((r) => shortDate(r.week)),
        datasets: [
          { label: word("longest", "Longest run of the week"), data: d.longest.map((r) => +(r.longest_km * factor).toFixed(1)),
            backgroundColor: d.longest.map((r) => r.baseline_km && r.longest_km > 2 * r.baseline_km ? COLORS.high
              : r.baseline_km && r.longest_km > 1.1 * r.baseline_km ? COLORS.caution : COLORS.brand) },
          { label: word("longest_before", "Longest of the 30 days before"), type: "line", stepped: true, borderColor: COLORS.ink,
            borderDash: [5, 4], pointRadius: 0, data: d.longest.map((r) => r.baseline_km === null ? null : +(r.baseline_km * factor).toFixed(1)) },
        ],
      },
      options: { scales: { y: { beginAtZero: true, title: { display: true, text: d.unit } } } },
    });
  }

  function shoes(d) {
    if (!d.shoes.length) return;
    draw("chart-shoes", {
      type: "bar",
      data: {
        labels: d.shoes.map((s) => s.name),
        datasets: [
          { label: word("shoe_distance", "Distance so far (km)"), data: d.shoes.map((s) => s.km),
            backgroundColor: d.shoes.map((s) => COLORS[s.state]) },
          { label: word("shoe_retire", "Retire at (km)"), data: d.shoes.map((s) => s.retire_km), backgroundColor: COLORS.grid },
        ],
      },
      options: { indexAxis: "y", scales: { x: { beginAtZero: true } } },
    });
  }

  function pain(d) {
    if (!d.pain.length) return;
    const days = Array.from(new Set(d.pain.map((p) => p.day))).sort();
    const locations = Array.from(new Set(d.pain.map((p) => p.location)));
    const datasets = [];
    locations.forEach((location) => {
      Object.keys(PAIN).forEach((moment) => {
        const byDay = {};
        d.pain.filter((p) => p.location === location && p[moment] !== null).forEach((p) => { byDay[p.day] = p[moment]; });
        if (!Object.keys(byDay).length) return;
        datasets.push({ label: ((WORDS.locations || {})[location] || location.replace("_", " ")) + " · " +
          ((WORDS.moments || {})[moment] || moment.replace("_", " ")),
          data: days.map((day) => (day in byDay ? byDay[day] : null)), borderColor: PAIN[moment],
          backgroundColor: PAIN[moment], spanGaps: true, tension: 0.2 });
      });
    });
    draw("chart-pain", { type: "line", data: { labels: days.map(shortDate), datasets },
      options: { scales: { y: { min: 0, max: 10, title: { display: true, text: word("pain_axis", "pain 0–10") } } } } });
  }

  function drawAll() {
    const d = data();
    if (!d) return;
    readColors();
    const active = document.querySelector("[data-weeks][aria-pressed='true']");
    weekly(d, active ? +active.dataset.weeks : 12);
    load(d);
    longest(d);
    shoes(d);
    pain(d);
  }

  function chooseWeeks(button) {
    document.querySelectorAll("[data-weeks]").forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
    const d = data();
    if (d) weekly(d, +button.dataset.weeks);
  }
  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-weeks]");
    if (!button) return;
    event.preventDefault();
    chooseWeeks(button);
  });
  // The weeks are toggle buttons (role="button" on links that work without JavaScript): Space presses them too.
  document.addEventListener("keydown", function (event) {
    const button = event.target.closest && event.target.closest("[data-weeks]");
    if (!button || event.key !== " ") return;
    event.preventDefault();
    chooseWeeks(button);
  });
  // The device switching between light and dark redraws the charts in the new colours.
  if (window.matchMedia) window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", drawAll);
  // Redraw when the log changes and the server sends fresh chart data.
  document.body.addEventListener("htmx:afterSwap", function (event) {
    if (event.target.querySelector && event.target.querySelector("#chart-data")) drawAll();
  });
  // The charts also come out of band with the risk panel after a log change: whatever swapped them in,
  // a canvas that has not been drawn yet is drawn once the swap has settled.
  document.body.addEventListener("htmx:afterSettle", function () {
    const canvas = document.getElementById("chart-weekly");
    if (canvas && !canvas.dataset.rendered) drawAll();
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", drawAll);
  else drawAll();
})();
