// The pain form's body map: tapping a region selects the same location (and side) radios that keyboard
// and screen-reader users can also use directly; the radios stay the form. With this script each region is
// also a toggle button: Tab reaches the map, the arrow keys (and Home/End) move between regions, Enter or
// Space chooses one, and the choice is announced (aria-pressed and the "Chosen:" line below the map).
(function () {
  "use strict";
  if (window.runlogBodyMap) return;
  window.runlogBodyMap = true;

  function formOf(node) { return node.closest("form"); }
  function nameOf(region) {
    const title = region.querySelector("title");
    return title ? title.textContent : "";
  }

  function highlight(form) {
    if (!form) return;
    const location = form.querySelector("input[name='location']:checked");
    const side = form.querySelector("input[name='side']:checked");
    let chosen = null;
    form.querySelectorAll(".bodymap .region").forEach(function (region) {
      const same = location && region.dataset.location === location.value;
      const sideMatches = !side || side.value === "both" || region.dataset.side === side.value || region.dataset.side === "both";
      const selected = Boolean(same && sideMatches);
      region.classList.toggle("selected", selected);
      region.setAttribute("aria-pressed", String(selected));
      if (selected && !chosen) chosen = region;
    });
    const status = form.querySelector(".bm-chosen");
    if (status) status.textContent = chosen ? status.dataset.prefix + " " + nameOf(chosen) : "";
    return chosen;
  }

  function choose(region) {
    const form = formOf(region);
    if (!form) return;
    const location = form.querySelector("input[name='location'][value='" + region.dataset.location + "']");
    const side = form.querySelector("input[name='side'][value='" + region.dataset.side + "']");
    if (location) location.checked = true;
    if (side) side.checked = true;
    highlight(form);
  }

  // One tab stop for the whole map (the chosen region, else the first); the arrows move within it.
  function rove(map, target) {
    map.querySelectorAll(".region").forEach(function (region) { region.setAttribute("tabindex", region === target ? "0" : "-1"); });
  }

  function setUp(map) {
    const form = formOf(map);
    if (!form) return;
    if (!map.dataset.ready) {
      map.dataset.ready = "true";
      map.removeAttribute("aria-hidden");
      map.setAttribute("role", "group");
      map.setAttribute("aria-label", map.dataset.label || "");
      map.querySelectorAll(".region").forEach(function (region) {
        region.setAttribute("role", "button");
        region.setAttribute("aria-label", nameOf(region));
      });
    }
    const chosen = highlight(form);
    rove(map, chosen || map.querySelector(".region"));
  }

  document.addEventListener("click", function (event) {
    const region = event.target.closest(".bodymap .region");
    if (!region) return;
    choose(region);
    rove(region.closest(".bodymap"), region);
  });
  document.addEventListener("keydown", function (event) {
    const region = event.target.closest && event.target.closest(".bodymap .region");
    if (!region) return;
    const regions = Array.from(region.closest(".bodymap").querySelectorAll(".region"));
    const at = regions.indexOf(region);
    let next = null;
    if (event.key === "ArrowRight" || event.key === "ArrowDown") next = regions[(at + 1) % regions.length];
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = regions[(at - 1 + regions.length) % regions.length];
    else if (event.key === "Home") next = regions[0];
    else if (event.key === "End") next = regions[regions.length - 1];
    else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      choose(region);
      return;
    } else return;
    event.preventDefault();
    rove(region.closest(".bodymap"), next);
    next.focus();
  });
  document.addEventListener("change", function (event) {
    if (event.target.name === "location" || event.target.name === "side") highlight(formOf(event.target));
  });
  function init() { document.querySelectorAll(".bodymap").forEach(setUp); }
  document.addEventListener("htmx:afterSettle", init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
