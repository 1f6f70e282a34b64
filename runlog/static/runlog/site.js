// Small behaviours shared by every page; each one has a working fallback without JavaScript.
(function () {
  "use strict";
  // "No pain" and similar buttons close the note they sit in.
  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-dismiss]");
    if (!button) return;
    const box = button.closest("[data-dismissable]");
    if (box) box.remove();
  });
})();
