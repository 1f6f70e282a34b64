// The dashboard's charts library (about 200 kB) is fetched when it is needed: at once on a wide screen,
// where the charts are near the top, and on a phone only when the charts come close to the screen (they
// are at the bottom of the page there, below the log form and the warnings). Each chart has a table too.
(function () {
  "use strict";
  const list = document.getElementById("chart-scripts");
  if (!list) return;
  const sources = list.dataset.src.split(" ");
  let loaded = false;
  function load() {
    if (loaded) return;
    loaded = true;
    sources.forEach(function (src) {
      const script = document.createElement("script");
      script.src = src;
      script.async = false; // in order: the library, then the file that draws with it
      document.head.appendChild(script);
    });
  }
  if (!window.matchMedia("(max-width: 47.99rem)").matches || !("IntersectionObserver" in window)) {
    load();
    return;
  }
  let watched = null;
  const observer = new IntersectionObserver(function (entries) {
    if (entries.some(function (entry) { return entry.isIntersecting; })) {
      observer.disconnect();
      load();
    }
  }, { rootMargin: "600px 0px" });
  function watch() {
    const charts = document.getElementById("charts");
    if (loaded || !charts || charts === watched) return;
    observer.disconnect();
    watched = charts;
    observer.observe(charts);
  }
  // The charts section is replaced (out of band) after each log change: watch the new one.
  document.body.addEventListener("htmx:afterSettle", watch);
  watch();
})();
