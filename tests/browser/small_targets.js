(tap) => {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && !el.closest("[hidden], details:not([open]) > :not(summary)");
  };
  const selector = ".bottom-nav a, .topbar a, .topbar button, main button, main .btn, main .link-btn, "
    + "main input:not([type=hidden]), main select, main textarea, main summary, main .segmented a, main .pills label";
  const small = [];
  for (const el of document.querySelectorAll(selector)) {
    if (!visible(el)) continue;
    let r = el.getBoundingClientRect();
    if (el.type === "checkbox" || el.type === "radio") {
      const label = el.closest("label") || (el.id && document.querySelector(`label[for="${el.id}"]`));
      if (label) {
        const l = label.getBoundingClientRect();
        r = {height: Math.max(r.height, l.height), width: r.width + l.width};
      }
    }
    if (el.closest(".pills") && el.tagName === "INPUT") continue; // the pill (its label) is the target
    if (r.height < tap - 0.5 || r.width < tap - 0.5) {
      small.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${el.className} "${(el.textContent || el.name || "").trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
  }
  return small;
}
