// Registers the service worker (offline use) and, when a new deployment has been installed
// in the background, offers to switch to it. Built with DOM calls and textContent only.
(function () {
  if (!('serviceWorker' in navigator)) return;

  function offer(worker) {
    if (document.getElementById('nouvelle-version')) return;
    var banner = document.createElement('div');
    banner.id = 'nouvelle-version';
    banner.className = 'update-banner';
    banner.setAttribute('role', 'status');
    var text = document.createElement('span');
    text.textContent = 'Une nouvelle version est disponible. ';
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Charger la nouvelle version';
    button.addEventListener('click', function () {
      button.disabled = true;
      worker.postMessage({ type: 'SKIP_WAITING' });
    });
    banner.appendChild(text);
    banner.appendChild(button);
    document.body.appendChild(banner);
  }

  var reloading = false;
  var hadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    // The first install takes control silently; a switch to a new version reloads once.
    if (!hadController) { hadController = true; return; }
    if (reloading) return;
    reloading = true;
    window.location.reload();
  });

  // Once the page's own app has arrived: the worker then precaches every page and every
  // page group's app, which must not compete with this page's wasm on a slow network.
  function register() {
    navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' }).then(function (reg) {
      if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
      reg.addEventListener('updatefound', function () {
        var worker = reg.installing;
        if (!worker) return;
        worker.addEventListener('statechange', function () {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
        });
      });
    }).catch(function () { /* no service worker: the app still works online */ });
  }
  if (window.wasmBindings) register();
  else window.addEventListener('TrunkApplicationStarted', register, { once: true });
})();
