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

// Phone layout: "More" in the bottom bar opens the whole menu as a sheet above it. Without JavaScript the
// menu stays in the top bar (a row that scrolls sideways) and "More" is a link to it.
(function () {
  "use strict";
  const nav = document.getElementById("main-nav");
  const toggle = document.querySelector("[data-menu-toggle]");
  if (!nav || !toggle) return;
  document.documentElement.classList.add("menu-ready");
  toggle.setAttribute("role", "button");
  toggle.setAttribute("aria-expanded", "false");
  function setOpen(open) {
    nav.classList.toggle("open", open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) {
      const first = nav.querySelector("a, button");
      if (first) first.focus();
    }
  }
  toggle.addEventListener("click", function (event) {
    event.preventDefault();
    setOpen(!nav.classList.contains("open"));
  });
  toggle.addEventListener("keydown", function (event) {
    if (event.key === " ") { // a button answers the space bar too
      event.preventDefault();
      setOpen(!nav.classList.contains("open"));
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && nav.classList.contains("open")) {
      setOpen(false);
      toggle.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (nav.classList.contains("open") && !nav.contains(event.target) && !toggle.contains(event.target)) setOpen(false);
  });
})();
