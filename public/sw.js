// The service worker: precaches one deployment's files in one versioned cache, so after a
// first visit the whole app works offline, and a new deployment is taken only when the user
// accepts it (sw-register.js shows "Nouvelle version disponible"), never as a mix of files.
// scripts/post-build.mjs writes the version and the file list below after each build.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `cosens-${VERSION}`;
const SCOPE = new URL('./', self.location).href;
// Each screen has its page (its folder's index.html, its first view prerendered); any
// other address is 404.html's, which shows a draft's own address or « Page introuvable ».
const PAGES = new Set(FILES.filter((f) => f === 'index.html' || f.endsWith('/index.html')));
const pageOf = (url) => {
  const path = url.origin + url.pathname.replace(/\/+$/, '/');
  const inner = path.startsWith(SCOPE) ? path.slice(SCOPE.length).replace(/index\.html$/, '') : '';
  const file = inner === '' ? 'index.html' : `${inner.replace(/\/?$/, '/')}index.html`;
  return new URL(PAGES.has(file) ? file : '404.html', SCOPE).href;
};

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
    // Each address is answered by this deployment's page for it, so a reload on any
    // screen (or a share link) works offline and never mixes two deployments.
    const page = pageOf(new URL(request.url));
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
