// The service worker: precaches one deployment's files in one versioned cache, so after a
// first visit the whole app works offline, and a new deployment is taken only when the user
// accepts it (sw-register.js shows "Nouvelle version disponible"), never as a mix of files.
// scripts/post-build.mjs writes the version and the file list below after each build.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `cosens-${VERSION}`;
const SCOPE = new URL('./', self.location).href;
// The site's root page carries the prerendered catalogue; every other screen starts from
// the plain app shell (404.html, the same page with an empty #app).
const ROOT_PAGE = new URL('index.html', SCOPE).href;
const SHELL = new URL('404.html', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new URL(f, SCOPE).href))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('cosens-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  if (request.mode === 'navigate') {
    // Every screen is this deployment's app shell, so a reload on any screen (or a share
    // link) works offline and never mixes two deployments.
    const url = new URL(request.url);
    const page = url.origin + url.pathname === SCOPE || url.origin + url.pathname === ROOT_PAGE ? ROOT_PAGE : SHELL;
    event.respondWith(
      caches.open(CACHE).then((cache) => cache.match(page)).then((shell) => shell || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(request, { ignoreSearch: true }))
      .then((hit) => hit || fetch(request)),
  );
});
