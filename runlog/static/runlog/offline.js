// A run or a pain report saved while the phone is offline: kept on the phone (localStorage), shown as
// "Waiting to send", and posted when the connection is back or the next time a page opens. Each form carries
// a one-time token (the server creates nothing for a repeat of it), so a resend that reaches the server
// twice still logs the run once. Entries belong to the runner who wrote them: another runner logged in on
// the same phone never sends them, and logging out (after a warning) discards them.
// Every text comes from data attributes of #offline-status, rendered (and translated) by base.html.
(function () {
  "use strict";
  const KEY = "runlog.outbox.v1";
  const status = document.getElementById("offline-status");
  if (!status) return;
  const data = status.dataset;

  if ("serviceWorker" in navigator && data.worker) {
    navigator.serviceWorker.register(data.worker, { scope: data.scope || "/" }).catch(function () {});
  }
  const user = data.user;
  if (!user && !("countAll" in data)) return; // not logged in: nothing to keep
  const kinds = {};
  kinds[data.runUrl] = "run";
  kinds[data.painUrl] = "pain";

  function load() {
    try {
      const list = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(list) ? list : [];
    } catch (error) {
      return [];
    }
  }
  function store(list) {
    try {
      localStorage.setItem(KEY, JSON.stringify(list));
      return true;
    } catch (error) {
      return false; // storage full or refused: the caller says so and keeps the form as it is
    }
  }
  function mine() {
    return load().filter(function (entry) { return entry.user === user; });
  }
  function update(id, change) {
    store(load().map(function (entry) { return entry.id === id ? Object.assign(entry, change) : entry; }));
  }
  function drop(id) {
    store(load().filter(function (entry) { return entry.id !== id; }));
  }
  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, function (x) { return x.toString(16).padStart(2, "0"); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function kindOf(form) {
    if (!(form instanceof HTMLFormElement) || (form.method || "").toLowerCase() !== "post") return null;
    const path = new URL(form.getAttribute("hx-post") || form.action, location.href).pathname;
    return kinds[path] ? { kind: kinds[path], url: path } : null;
  }
  function csrfToken() {
    try {
      const headers = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
      if (headers["X-CSRFToken"]) return headers["X-CSRFToken"];
    } catch (error) { /* fall through to a form's hidden field */ }
    const field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }
  function counted(list) {
    const runs = list.filter(function (e) { return e.kind === "run"; }).length;
    const pains = list.length - runs;
    const parts = [];
    if (runs) parts.push((runs === 1 ? data.runOne : data.runMany).replace("{n}", runs));
    if (pains) parts.push((pains === 1 ? data.painOne : data.painMany).replace("{n}", pains));
    return parts.join(data.and || " + ");
  }
  function say(text, tone) {
    status.textContent = "";
    if (!text) {
      status.hidden = true;
      return;
    }
    const p = document.createElement("p");
    p.textContent = text;
    status.appendChild(p);
    status.className = "offline-status" + (tone ? " " + tone : "");
    status.hidden = false;
  }
  function render(note) {
    const waiting = mine();
    const problems = waiting.filter(function (e) { return e.problem; });
    if (problems.length) {
      const problem = problems[0].problem;
      say((data[problem] || data.waiting).replace("{items}", counted(waiting)), "problem");
    } else if (waiting.length) {
      say(data.waiting.replace("{items}", counted(waiting)), "waiting");
    } else {
      say(note || "", note ? "sent" : "");
    }
  }

  // Keep a submission the browser cannot send; give the form a fresh token for the next one.
  function keep(form, found) {
    const fields = [];
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string") fields.push([name, value]);
    });
    const list = load();
    list.push({ id: newId(), user: user, kind: found.kind, url: found.url, fields: fields, at: Date.now() });
    if (!store(list)) {
      say(data.full, "problem");
      return false;
    }
    form.reset();
    // Widgets drawn from the fields (the body map) follow them back to their first values.
    form.querySelectorAll("input[type=radio]").forEach(function (el) {
      el.dispatchEvent(new Event("change", { bubbles: true }));
    });
    const token = form.querySelector("input[name=form_token]");
    if (token) token.value = newId();
    render();
    status.scrollIntoView({ block: "nearest" });
    return true;
  }

  // Offline (as the browser knows it): the post never leaves; keep it instead, before htmx sees the submit.
  document.addEventListener("submit", function (event) {
    const found = kindOf(event.target);
    if (!found || navigator.onLine) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    keep(event.target, found);
  }, true);
  // Online as far as the browser knows, but the request failed on the way (no answer at all).
  document.addEventListener("htmx:sendError", function (event) {
    const form = event.detail.elt && event.detail.elt.closest ? event.detail.elt.closest("form") : null;
    const found = kindOf(form);
    if (found) keep(form, found);
  });

  function restore(entry) {
    // A kept form the server now refuses (a date out of range, a shoe retired): back into the form on this
    // page if it is here, for the runner to correct; the entry stays kept until then.
    const form = Array.from(document.querySelectorAll("form")).find(function (f) {
      const found = kindOf(f);
      return found && found.url === entry.url;
    });
    if (!form) return false;
    entry.fields.forEach(function (pair) {
      if (pair[0] === "csrfmiddlewaretoken" || pair[0] === "form_token") return;
      Array.from(form.elements).filter(function (el) { return el.name === pair[0]; }).forEach(function (el) {
        if (el.type === "checkbox" || el.type === "radio") el.checked = el.value === pair[1] || (el.type === "checkbox" && pair[1] === "on");
        else el.value = pair[1];
      });
    });
    drop(entry.id);
    return true;
  }

  let sending = false;
  async function send() {
    if (sending || !navigator.onLine) return;
    sending = true;
    let sent = [];
    let restored = false;
    try {
      for (const entry of mine()) {
        const body = new URLSearchParams();
        entry.fields.forEach(function (pair) {
          if (pair[0] !== "csrfmiddlewaretoken") body.append(pair[0], pair[1]);
        });
        body.append("csrfmiddlewaretoken", csrfToken()); // the page's own: the kept one may have rotated
        let response;
        try {
          response = await fetch(entry.url, { method: "POST", body: body, credentials: "same-origin" });
        } catch (error) {
          break; // still no connection: try again on the next "online"
        }
        if (response.redirected && new URL(response.url).pathname === data.loginUrl) {
          update(entry.id, { problem: "login" });
          break;
        }
        if (response.status === 403) {
          update(entry.id, { problem: "expired" });
          break;
        }
        if (response.status === 422) {
          if (restore(entry)) restored = true;
          else update(entry.id, { problem: "check" });
          continue;
        }
        if (!response.ok) break; // the server is having a bad moment: keep it, try later
        drop(entry.id);
        sent.push(entry);
      }
    } finally {
      sending = false;
    }
    if (restored) {
      render();
      say(data.restored, "problem");
    } else {
      render(sent.length ? data.sent.replace("{items}", counted(sent)) : "");
    }
    if (sent.length && window.htmx) {
      // Show what was sent without a reload: the lists on this page, and the panels that follow the log.
      ["#run-items", "#pain-items"].forEach(function (selector) {
        if (document.querySelector(selector)) {
          htmx.ajax("GET", location.pathname + location.search, { target: selector, select: selector, swap: "outerHTML" });
        }
      });
      htmx.trigger(document.body, "logChanged");
    }
  }

  // Logging out on a shared phone: what is still waiting goes with the runner, after a warning.
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || new URL(form.action, location.href).pathname !== data.logoutUrl) return;
    const waiting = mine();
    if (!waiting.length) return;
    if (!window.confirm(data.logoutWarning.replace("{items}", counted(waiting)))) {
      event.preventDefault();
      return;
    }
    store(load().filter(function (entry) { return entry.user !== user; }));
  }, true);

  if (!user) {
    // The offline page (the same for everyone): how much this phone keeps, for whoever wrote it.
    const waiting = load();
    if (waiting.length) say(data.waiting.replace("{items}", counted(waiting)), "waiting");
    return;
  }
  window.addEventListener("online", send);
  window.addEventListener("offline", function () { render(); });
  render();
  send();
})();
