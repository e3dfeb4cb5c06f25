// Embedding a screen in another site (README, "Embedding"): `integrer.js`, the one script a
// host page holds, and the rule on the accent colour it may ask for. The screens it may
// embed, their names and the framed page's parameters come from the route table; the
// backgrounds the accent must stand out from, from the stylesheet. integrer.js applies the
// colour rule in the host page and says why it refuses a colour; the framed page applies
// the colour its address carries (index.html's first script).
import { readFileSync } from 'node:fs';
import { pageHref, routes } from './routes.mjs';

const css = readFileSync(new URL('../style/main.css', import.meta.url), 'utf8');
const variable = (name) => {
  const value = css.match(new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})\\s*;`))?.[1];
  if (!value) throw new Error(`embed: style/main.css has no --${name}: #RRGGBB`);
  return value;
};

/** The backgrounds the accent is read on: links and outlined buttons on the page, notices on the tint. */
const BACKGROUNDS = [variable('paper'), variable('tint')];

/**
 * The colour rule, as the source of a JS function `(colour) => reason`: '' when `colour`
 * (`#RRGGBB`) keeps a 4.5:1 contrast (WCAG 2.1 AA) with white text and with the page's
 * backgrounds, else why not, in French.
 */
const colourRefusal = `function (colour) {
  if (!/^#[0-9a-fA-F]{6}$/.test(colour)) return 'une couleur s\\u2019écrit #RRGGBB.';
  var luminance = function (hex) {
    var sum = 0, weights = [0.2126, 0.7152, 0.0722];
    for (var i = 0; i < 3; i += 1) {
      var v = parseInt(hex.substr(1 + 2 * i, 2), 16) / 255;
      sum += weights[i] * (v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
    }
    return sum;
  };
  var worst = Infinity, backgrounds = ${JSON.stringify(['#ffffff', ...BACKGROUNDS])};
  for (var j = 0; j < backgrounds.length; j += 1) {
    var a = luminance(colour), b = luminance(backgrounds[j]);
    worst = Math.min(worst, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05));
  }
  return worst < 4.5
    ? 'contraste de ' + worst.toFixed(2).replace('.', ',') + ':1 avec le texte blanc ou le fond, sous les 4,5:1 demandés (WCAG 2.1 AA) ; la couleur par défaut est gardée.'
    : '';
}`;

/** The screens another site may embed: `data-ecran` → the screen's page and title. */
export const embeddable = Object.fromEntries(routes.screens
  .filter((s) => s.embed)
  .map((s) => [s.embed, { page: pageHref('', s.path), title: `${s.name}${routes.title_suffix}` }]));

/** The text of integrer.js, served at the site's base. */
export function embedScript() {
  return `// Co&Sens — puts a screen of the course simulator in this page, after this script:
//   <script src="…/integrer.js" data-ecran="simulateur" data-couleur="#0b5394" async></script>
// data-ecran: ${Object.keys(embeddable).join(', ')}; data-couleur (optional): an accent
// colour, used only where it keeps a 4.5:1 contrast. The frame's height follows the screen's
// (the framed page posts it); only the simulator's own pages may set it. No third party.
(function () {
  var script = document.currentScript;
  if (!script || !script.src) return;
  var SCREENS = ${JSON.stringify(embeddable)};
  var refusal = ${colourRefusal};
  var say = function (text) { console.warn('integrer.js (Co&Sens) : ' + text); };
  var site = new URL('.', script.src);
  var name = script.getAttribute('data-ecran') || 'simulateur';
  var screen = Object.prototype.hasOwnProperty.call(SCREENS, name) ? SCREENS[name] : null;
  if (!screen) {
    say('data-ecran="' + name + '" n\\u2019est pas un écran à intégrer ; écrans possibles : ' + Object.keys(SCREENS).join(', ') + '.');
    return;
  }
  var url = new URL(screen.page, site);
  url.searchParams.set(${JSON.stringify(routes.params.frame)}, '1');
  var colour = script.getAttribute('data-couleur');
  if (colour) {
    var why = refusal(colour);
    if (why) say('data-couleur="' + colour + '" ignorée : ' + why);
    else url.searchParams.set(${JSON.stringify(routes.params.colour)}, colour.slice(1));
  }
  var frame = document.createElement('iframe');
  frame.src = url.href;
  frame.title = screen.title;
  frame.loading = 'lazy';
  frame.setAttribute('scrolling', 'no');
  frame.style.cssText = 'display:block;width:100%;height:40rem;border:0;overflow:hidden;';
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener('message', function (event) {
    if (event.origin !== site.origin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || data.type !== 'cosens:hauteur') return;
    var height = Number(data.hauteur);
    if (height > 0 && height < 100000) frame.style.height = Math.ceil(height) + 'px';
  });
})();
`;
}
