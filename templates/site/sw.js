{% autoescape off %}/* Runlog's service worker: static files from the cache, every page from the network, and a plain offline
   page when the network is down. It never stores a page or an answer with a runner's data in it: a run or a
   pain report written offline is kept by the page itself (offline.js) and sent when the phone is back online. */
"use strict";
const CACHE = {{ cache_name }};
const FILES = {{ files_json }};
const OFFLINE = {{ offline_url }};
const STATIC = {{ static_prefix }};

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith("runlog-") && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return; // posts go to the network; the page keeps what could not be sent
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith(STATIC)) {
    // Static files: from the network (and the browser's own cache) while online, from this cache offline.
    event.respondWith(fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match(request))));
    return;
  }
  if (request.mode === "navigate") {
    // Pages: always from the network; offline, the plain page that says so (no runner's data in it).
    event.respondWith(fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match(OFFLINE))));
  }
});
{% endautoescape %}
