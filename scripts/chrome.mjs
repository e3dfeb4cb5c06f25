// What stands around every screen, the same on every page: the skip link, the header with
// the main navigation, the footer (and, for a screen framed in another site, the link to
// the full simulator instead). Plain HTML written into each page by the build
// (scripts/post-build.mjs) from the route table and the catalogue, so that no page's app
// carries it. A small inline script marks the navigation's current screen and moves the
// focus for the skip link (a `#contenu` link would follow `<base>` to the site's root).
import { pageHref, routes } from './routes.mjs';

const escape = (text) => String(text)
  .replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** A link to a screen's page, relative to the page's `<base>`. */
const href = (path) => pageHref('', path) || './';

/** The navigation's screen that a page of the draft opener shows: the one its drafts are under. */
const draftsScreen = routes.screens.find((s) => `${s.path}/` === routes.draft_prefix);

/**
 * The chrome's script: the current screen is the link's page, or a page under it; framed in
 * another site (integrer.js), « Ouvrir le simulateur complet » opens this screen unframed.
 */
const script = `(function (opener, drafts, framing) {
  var full = document.querySelector('.frame-link a');
  var unframed = new URL(location.href);
  framing.forEach(function (param) { unframed.searchParams.delete(param); });
  full.href = unframed.href;
  var skip = document.querySelector('.skip-link');
  skip.addEventListener('click', function (event) {
    event.preventDefault();
    var main = document.getElementById('contenu');
    if (main) main.focus();
  });
  var path = function (url) { return new URL(url, document.baseURI).pathname.replace(/\\/+$/, ''); };
  var root = path('./');
  var here = location.pathname.replace(/\\/+$/, '');
  if (here === path(opener)) here = path(drafts) + '/';
  document.querySelectorAll('.site-header nav a').forEach(function (link) {
    var target = path(link.getAttribute('href'));
    if (here === target || (target !== root && here.indexOf(target + '/') === 0)) link.setAttribute('aria-current', 'page');
  });
})(${JSON.stringify(href(routes.draft_opener))}, ${JSON.stringify(href(draftsScreen.path))}, ${JSON.stringify([routes.params.frame, routes.params.colour])});`;

/** The skip link and the header, to go before the app's root; the footer, after it. */
export function chrome(catalogue) {
  const nav = routes.screens
    .filter((s) => s.nav)
    .map((s) => `<li><a href="${href(s.path)}">${escape(s.nav)}</a></li>`)
    .join('');
  const rules = routes.screens.find((s) => s.id === 'RULES');
  const embed = routes.screens.find((s) => s.id === 'EMBED');
  const offices = catalogue.offices.map((o) => `<div class="office">`
    + `<p class="office-name">${escape(o.name)}</p>`
    + `<p>${escape(o.address.join(', '))}</p>`
    + `<p>Tél. : ${escape(o.phone)}</p>`
    + `<p>SIRET : ${escape(o.siret)}</p>`
    + `<p>Déclaration d'activité n° ${escape(o.declaration_number)}</p>`
    + '</div>').join('');
  // Shown only in a frame (style/main.css, .cadre).
  const frameLink = '<nav class="frame-link" aria-label="Simulateur Co&amp;Sens">'
    + '<a href="./" target="_blank">Ouvrir le simulateur complet</a></nav>';
  const header = '<a class="skip-link" href="#contenu">Aller au contenu</a>'
    + frameLink
    + '<header class="site-header">'
    + `<p class="brand"><a href="./"><span class="brand-name">Co&amp;Sens</span>`
    + `<span class="brand-sub">Formation certifiante ${escape(catalogue.course.code)}</span></a></p>`
    + `<nav aria-label="Navigation principale"><ul>${nav}</ul></nav>`
    + `</header><script>${script}</script>`;
  const footer = '<footer class="site-footer">'
    + `<div class="offices">${offices}</div>`
    + `<p class="small">${escape(catalogue.declaration_note)}</p>`
    + `<p class="small"><a href="${href(rules.path)}">Règles de calcul : chaque règle, sa source et ses exemples</a></p>`
    + `<p class="small"><a href="${href(embed.path)}">${escape(embed.name)} dans votre site</a></p>`
    + `<p class="small">Catalogue version ${escape(catalogue.version)} — simulation indicative ; `
    + 'seul le devis signé « Bon pour accord » a valeur contractuelle.</p>'
    + '</footer>';
  return { header, footer };
}
