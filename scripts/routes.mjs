// The route table (src/ui/routes.json, the only place a screen's address is written) for
// the build scripts, and the one trailing-slash rule on their side: a screen's page is its
// folder's index.html, linked with a trailing slash (src/ui/routes.rs, `page_href`).
import { readFileSync } from 'node:fs';

export const routes = JSON.parse(readFileSync(new URL('../src/ui/routes.json', import.meta.url), 'utf8'));

/** The page groups: one app each (src/bin/<group>.rs). */
export const groups = [...new Set([...routes.screens.map((s) => s.group), routes.module_group, routes.fallback_group])];

/** The address of a screen's page under `base` (ending with a slash): `/simulateur` → `base + 'simulateur/'`. */
export const pageHref = (base, path) => `${base}${path === '/' ? '' : `${path.slice(1)}/`}`;

/** The file of a screen's page in the built site, its folder's index.html: `/` → `index.html`. */
export const pageFile = (path) => `${pageHref('', path)}index.html`;

/** Every page of the site with its group: the screens, then a page per module of `catalogue`. */
export const pagesOf = (catalogue) => [
  ...routes.screens.map((s) => ({ path: s.path, group: s.group, firstView: s.first_view, name: s.name })),
  ...catalogue.modules.map((m) => ({ path: `${routes.module_prefix}${m.number}`, group: routes.module_group, firstView: 'fixed' })),
];

/**
 * What the page's first script needs of the table (index.html, `ROUTES`): the simulator's
 * page (where a share link at the root goes on to), the parameters and storage keys that
 * say the browser holds data of its own, and those of a screen framed in another site.
 */
export const firstScriptRoutes = () => JSON.stringify({
  simulator: pageHref('', routes.screens.find((s) => s.id === 'SIMULATOR').path),
  share: routes.params.share,
  draft: routes.params.draft,
  session: routes.own_data_keys.session,
  local: routes.own_data_keys.local,
  frame: routes.params.frame,
  colour: routes.params.colour,
});
