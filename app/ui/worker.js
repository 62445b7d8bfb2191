// yibao's service worker (go-app's ServiceWorkerTemplate).
//
// Unlike go-app's own worker, it finishes precaching before it takes
// control (event.waitUntil), serves every page (/, /rules, /embed…) from
// the cache whatever its query string, falls back to the calculator page
// for navigations it does not know when offline, and deletes the caches of
// older versions once it is active. It never fetches from other origins.
//
// Under a sub-path (base "/tools/yibao", yibao dist -base), go-app prefixes
// the resources to cache; pages are routes without the prefix, and are
// cached and looked up as base + page ("/tools/yibao/", ".../embed").
const cacheName = "yibao-" + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};
const base = {{.Base}};
const pages = {{.Pages}};
const pageURL = (page) => base + page;
const assets = resourcesToCache.filter((u) => u !== base && !pages.map(pageURL).includes(u));

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      // Assets must all be there, or the install fails and the previous
      // version stays in charge. "no-cache" revalidates what the HTTP
      // cache holds (a 304 reuses it) instead of downloading again: on a
      // first visit the page is fetching app.wasm at the same moment, and
      // "reload" made the phone download it twice.
      await cache.addAll(assets.map((u) => new Request(u, { cache: "no-cache" })));
      // Pages: "/rules" on a server, "/rules.html" on some static hosts.
      for (const page of pages) {
        const candidates = (page === "/" ? ["/", "/index.html"] : [page, page + ".html"]).map(pageURL);
        let stored = false;
        for (const url of candidates) {
          try {
            const res = await fetch(new Request(url, { cache: "no-cache" }));
            if (res.ok) {
              await cache.put(pageURL(page), res);
              stored = true;
              break;
            }
          } catch (err) {}
        }
        if (!stored && page === "/") {
          throw new Error("cannot precache the calculator page");
        }
      }
      await self.skipWaiting();
    })()
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(keys.filter((k) => k !== cacheName).map((k) => caches.delete(k)));
      await self.clients.claim();
    })()
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(request, url));
    return;
  }
  event.respondWith(asset(request));
});

// navigate answers a page load from the cache, ignoring the query string
// (and the fragment, which never reaches the worker): "/embed?region=…"
// is the cached "/embed".
async function navigate(request, url) {
  const cache = await caches.open(cacheName);
  let path = url.pathname;
  if (base !== "") {
    if (path === base) {
      path = "/";
    } else if (path.startsWith(base + "/")) {
      path = path.slice(base.length);
    } else {
      return fetch(request);
    }
  }
  path = path.replace(/\/+$/, "") || "/";
  if (path === "/index.html") {
    path = "/";
  } else if (path.endsWith(".html") && pages.includes(path.slice(0, -5))) {
    path = path.slice(0, -5);
  }
  if (pages.includes(path)) {
    const cached = await cache.match(pageURL(path), { ignoreSearch: true });
    if (cached) {
      return cached;
    }
  }
  try {
    return await fetch(request);
  } catch (err) {
    const fallback = await cache.match(pageURL("/"), { ignoreSearch: true });
    return fallback || Response.error();
  }
}

async function asset(request) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request);
  if (cached) {
    return cached;
  }
  return fetch(request);
}
