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

  // A table wider than the screen scrolls sideways inside its .table-wrap: keyboard users reach it with Tab
  // (then scroll it with the arrow keys), and it is announced with its section's heading.
  function scrollableTables() {
    document.querySelectorAll(".table-wrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        const section = wrap.closest("[aria-labelledby]");
        if (section) {
          wrap.setAttribute("role", "region");
          wrap.setAttribute("aria-labelledby", section.getAttribute("aria-labelledby"));
        }
      } else if (wrap.getAttribute("tabindex") === "0") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-labelledby");
      }
    });
  }
  let pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(scrollableTables, 150);
  });
  document.addEventListener("htmx:afterSettle", scrollableTables);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scrollableTables);
  else scrollableTables();
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
