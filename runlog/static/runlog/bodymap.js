// The pain form's body map: tapping a region selects the same location (and side) radios that keyboard
// and screen-reader users use directly; the radios stay the form.
(function () {
  "use strict";
  if (window.runlogBodyMap) return;
  window.runlogBodyMap = true;

  function formOf(node) { return node.closest("form"); }

  function highlight(form) {
    const location = form.querySelector("input[name='location']:checked");
    const side = form.querySelector("input[name='side']:checked");
    form.querySelectorAll(".bodymap .region").forEach(function (region) {
      const same = location && region.dataset.location === location.value;
      const sideMatches = !side || side.value === "both" || region.dataset.side === side.value || region.dataset.side === "both";
      region.classList.toggle("selected", Boolean(same && sideMatches));
    });
  }

  document.addEventListener("click", function (event) {
    const region = event.target.closest(".bodymap .region");
    if (!region) return;
    const form = formOf(region);
    if (!form) return;
    const location = form.querySelector("input[name='location'][value='" + region.dataset.location + "']");
    const side = form.querySelector("input[name='side'][value='" + region.dataset.side + "']");
    if (location) location.checked = true;
    if (side) side.checked = true;
    highlight(form);
  });
  document.addEventListener("change", function (event) {
    if (event.target.name === "location" || event.target.name === "side") highlight(formOf(event.target));
  });
  function init() { document.querySelectorAll(".bodymap").forEach(function (map) { highlight(formOf(map)); }); }
  document.addEventListener("htmx:afterSettle", init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
