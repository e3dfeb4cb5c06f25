// The release build as a set of pages (issue 13, "fast on a phone"): each screen has its own
// index.html with its first view prerendered (`#app.apercu`, form controls disabled) and
// loads its page group's own wasm. These tests read each page before its app arrives, then
// with it; follow share links (new and old form) and the quote handed between pages in the
// tab's session storage, recording every total the reader could see on the way; and follow
// the menu in a preview, without any wasm.
import {
  test, expect, holdTheApp, expectAppRunning, expectNoAxeViolation, builtCatalogue, urlOf,
  freshContext, navLink, goVia, eur, fold, text, expectFigure,
} from './fixtures.mjs';

const SITE = ' — Co&Sens';
const CATALOGUE = builtCatalogue();

// ---------------------------------------------------------------------------------------
// Figures of the built catalogue, in cents
// ---------------------------------------------------------------------------------------

/** A decimal string of the catalogue (`"4000.00"`) in cents. */
const cents = (amount) => Math.round(Number(amount) * 100);

/**
 * The default quote (full course with certification, no coaching, no funding) for
 * `trainees`: HT = trainees × (full course + certification), TTC = HT + VAT. With the
 * fixture catalogue: 4 500 € HT and 5 400 € TTC a trainee.
 */
function defaultQuote(trainees) {
  const ht = trainees * (cents(CATALOGUE.prices.full_course_ht) + cents(CATALOGUE.prices.certification_ht));
  const vat = Math.round(ht * Number(CATALOGUE.prices.vat_rate));
  return { ht: eur(ht), ttc: eur(ht + vat) };
}
const DEFAULT = defaultQuote(1);

/**
 * Waits (generously: the machine may be slow) until the page's app has taken over its
 * preview, then expects it running.
 */
async function appTakesOver(page) {
  await page.locator('#app.apercu').waitFor({ state: 'detached', timeout: 60_000 });
  await expectAppRunning(page);
}

// ---------------------------------------------------------------------------------------
// The prerendered pages
// ---------------------------------------------------------------------------------------

// The devis page's number carries the day it was made and a hash of the quote: the preview
// has the build's day, so the tests read its shape only.
const DEVIS_NUMBER = /^Devis D-\d{8}-[A-Z2-9]{4}$/;

/**
 * Every prerendered page: its folder under the base path, its h1, its document title (its
 * screen's name before « — Co&Sens »), and one meaningful text of its main content (in the
 * element `testid`, or anywhere in main); `disabledInApp`, the buttons (by text) that the
 * running app itself disables in that state.
 */
const PAGES = [
  {
    folder: '',
    h1: CATALOGUE.course.title,
    title: `Catalogue de la formation ${CATALOGUE.course.code}${SITE}`,
    text: `${eur(cents(CATALOGUE.prices.full_course_ht))} HT par stagiaire pour le parcours complet`,
  },
  ...CATALOGUE.modules.map((m) => ({
    folder: `module/${m.number}/`,
    h1: `Module ${m.number} : ${m.title}`,
    title: `Module ${m.number} : ${m.title}${SITE}`,
    // Its price, then the first point of its programme.
    text: `${eur(cents(m.price_ht))} HT par stagiaire en parcours modulaire`,
    more: m.programme[0],
  })),
  {
    folder: 'simulateur/',
    h1: 'Simulateur de prix',
    title: `Simulateur de prix${SITE}`,
    testid: 'total-ttc',
    text: DEFAULT.ttc,
  },
  {
    // The comparison starts from the simulator's quote and the same five modules bought one
    // by one: 800 + 800 + 1 500 + 1 500 + 400 = 5 000 € HT instead of 4 000 €.
    folder: 'comparer/',
    h1: 'Comparer des devis',
    title: `Comparer des devis${SITE}`,
    text: 'Devis 2 : 1 000,00 € HT de plus que le devis 1',
  },
  {
    // The empty panel's example: 4 000 € HT, notified 15 jours ouvrables before the start.
    folder: 'annulation/',
    h1: "Frais d'annulation",
    title: `Frais d'annulation${SITE}`,
    testid: 'exemple-annulation',
    text: 'Vous devez 2 000,00 € HT, soit 2 400,00 € TTC',
  },
  {
    folder: 'penalites/',
    h1: 'Pénalités de retard',
    title: `Pénalités de retard${SITE}`,
    testid: 'exemple-penalites',
    text: 'Le client doit 32,93 € de pénalités pour 45 jours de retard.',
  },
  {
    // The rules page: its worked examples, computed by the calculators (rules.spec.mjs).
    folder: 'regles/',
    h1: 'Règles de calcul',
    title: `Règles de calcul${SITE}`,
    testid: 'regle-bareme-2',
    text: '2 000,00 €',
  },
  {
    folder: 'brouillons/',
    h1: "Brouillons d'inscription",
    title: `Brouillons d'inscription${SITE}`,
    testid: 'aucun-brouillon',
    text: "Aucun brouillon pour l'instant.",
    // With no draft there is nothing to export: the app keeps that button disabled.
    disabledInApp: ['Tout exporter'],
  },
  {
    // A draft's enrolment request, opened here with no draft: it says so.
    folder: 'demande/',
    h1: "Demande d'inscription",
    title: `Demande d'inscription${SITE}`,
    testid: 'demande-introuvable',
    text: "Ce brouillon n'existe pas (ou plus) dans ce navigateur",
  },
  {
    // The snippet that embeds a screen in another site, for the simulator by default.
    folder: 'integrer/',
    h1: 'Intégrer le simulateur',
    title: `Intégrer le simulateur${SITE}`,
    text: 'Mettez un écran du simulateur dans les pages de votre site',
  },
  {
    folder: 'devis/',
    h1: DEVIS_NUMBER,
    title: /^Devis D-\d{8}-[A-Z2-9]{4} — Co&Sens$/,
    testid: 'devis-total-ttc',
    text: DEFAULT.ttc,
    // A devis is dated and numbered the day it is made: the preview (made on the build's
    // day) keeps its main hidden and the screen's plain title until the app runs.
    dated: { title: `Devis${SITE}` },
  },
];

/**
 * The form controls inside main, each as `tag#id "label or text" disabled|enabled`, in
 * document order.
 */
const controlsOfMain = (page) => page.locator('main').locator('input, select, textarea, button').evaluateAll(
  (els) => els.map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} "${(e.labels?.[0]?.textContent || e.textContent || '').trim().slice(0, 30)}" ${e.disabled ? 'disabled' : 'enabled'}`),
);

test.describe('each screen has a page of its own, readable before its app arrives', () => {
  for (const screen of PAGES) {
    const name = `/${screen.folder.replace(/\/$/, '')}`;
    test(`${name} shows its title, heading and content with disabled controls until its app takes over`, async ({ page }) => {
      test.setTimeout(90_000);
      const release = await holdTheApp(page);
      await page.goto(`./${screen.folder}`);
      await expect(page.locator('#app.apercu')).toHaveCount(1);
      const h1 = page.getByRole('heading', { level: 1 });
      const where = screen.testid ? page.getByTestId(screen.testid) : page.locator('main');
      if (screen.dated) {
        await expect(page).toHaveTitle(screen.dated.title);
        await expect(page.locator('main')).toBeHidden();
        await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
      } else {
        await expect(h1).toHaveText(screen.h1);
        await expect(page).toHaveTitle(screen.title);
        await expect(where).toBeVisible();
        expect(await text(where)).toContain(screen.text);
        if (screen.more) expect(await text(page.locator('main'))).toContain(fold(screen.more));
      }
      const before = await controlsOfMain(page);
      expect(before.filter((c) => !c.endsWith(' disabled')), 'controls of the preview that are not disabled').toEqual([]);
      await expectNoAxeViolation(page);

      await release();
      await appTakesOver(page);
      await expect(h1).toHaveText(screen.h1);
      await expect(page).toHaveTitle(screen.title);
      expect(await text(where)).toContain(screen.text);
      // The app's controls are the preview's, now enabled (but those the app disables).
      const kept = (c) => (screen.disabledInApp || []).some((label) => c.includes(`"${label}"`));
      const after = await controlsOfMain(page);
      expect(after).toEqual(before.map((c) => (kept(c) ? c : c.replace(/ disabled$/, ' enabled'))));
    });
  }
});

// ---------------------------------------------------------------------------------------
// What the reader sees on the way: a recorder of visible figures
// ---------------------------------------------------------------------------------------

/**
 * In the page, from before its first paint: each distinct text of each element of
 * `testids` that is shown — every stylesheet of the page loaded (nothing is painted
 * before), laid out with a size, and neither `display: none`, `visibility: hidden` nor
 * transparent (checkVisibility) — reported through the binding `__visibleFigure` with the
 * page's path and the document's own id (one per page load). Checked on each DOM change
 * once the first frame is due, and before every frame (requestAnimationFrame).
 */
function visibleFigureRecorder(testids) {
  const documentId = `${performance.timeOrigin}-${Math.random()}`;
  const reported = new Set();
  const fold = (s) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  const styled = () => [...document.querySelectorAll('link[rel="stylesheet"]')].every((l) => l.sheet);
  const shown = (el) => {
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  let framed = false;
  const check = () => {
    if (!framed || !styled()) return;
    for (const testid of testids) {
      for (const el of document.querySelectorAll(`[data-testid="${testid}"]`)) {
        if (!shown(el)) continue;
        const value = fold(el.textContent);
        const key = `${testid}\n${value}`;
        if (reported.has(key)) continue;
        reported.add(key);
        window.__visibleFigure({ documentId, path: location.pathname, testid, value });
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  const frame = () => {
    framed = true;
    check();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * Installs the recorder on `target` (a page or a browser context) for its next page loads;
 * returns the list it fills: `{ documentId, path, testid, value }` in the order seen.
 */
async function recordVisibleFigures(target, testids) {
  const seen = [];
  await target.exposeBinding('__visibleFigure', (_source, record) => { seen.push(record); });
  await target.addInitScript(visibleFigureRecorder, testids);
  return seen;
}

/** The values of `testid` recorded, in order. */
const valuesOf = (seen, testid) => seen.filter((r) => r.testid === testid).map((r) => r.value);

/**
 * Watches a page outside the `page` fixture (another context) as the fixture does: requests
 * leaving the origin, page errors and console errors; `check()` expects none.
 */
function watch(page, origin) {
  const problems = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`foreign request: ${url}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  return { check: () => expect(problems, 'foreign requests, page errors and console errors').toEqual([]) };
}

// ---------------------------------------------------------------------------------------
// Share links
// ---------------------------------------------------------------------------------------

const LINK_TRAINEES = 3;
const LINK_QUOTE = defaultQuote(LINK_TRAINEES);

/** Makes a share link of the default quote for three trainees in the simulator. */
async function makeShareLink(page, baseURL) {
  await page.goto('./simulateur/');
  await appTakesOver(page);
  await page.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).fill(String(LINK_TRAINEES));
  await expectFigure(page, 'total-ttc', LINK_QUOTE.ttc);
  const link = await page.getByRole('textbox', { name: 'Lien de partage' }).inputValue();
  expect(link.startsWith(`${baseURL}simulateur/?devis=`), link).toBe(true);
  return link;
}

/** The old form of `link`: the same query at the site's root. */
const oldForm = (link, baseURL) => `${baseURL}${new URL(link).search}`;

test.describe('a share link opens on the simulator page and never shows another total', () => {
  // The recorder's own check: it does see a preview's figures when they are shown.
  test("with no data of the browser's own, the simulator's preview shows the default total", async ({ page }) => {
    test.setTimeout(90_000);
    const seen = await recordVisibleFigures(page, ['total-ttc']);
    const release = await holdTheApp(page);
    await page.goto('./simulateur/');
    await expect(page.locator('#app.apercu')).toHaveCount(1);
    await expect(page.getByTestId('total-ttc')).toBeVisible();
    await expect.poll(() => valuesOf(seen, 'total-ttc')).toEqual([DEFAULT.ttc]);
    await release();
    await appTakesOver(page);
    await expectFigure(page, 'total-ttc', DEFAULT.ttc);
    expect(valuesOf(seen, 'total-ttc')).toEqual([DEFAULT.ttc]);
  });

  for (const form of ['new', 'old']) {
    for (const held of [false, true]) {
      const how = held ? ', its app arriving a second late' : '';
      test(`${form === 'new' ? '…/simulateur/?devis=' : 'the old form …/?devis='} shows only the link's total${how}`, async ({ page, browser, baseURL }) => {
        test.setTimeout(120_000);
        expect(LINK_QUOTE.ttc).not.toBe(DEFAULT.ttc);
        const made = await makeShareLink(page, baseURL);
        const link = form === 'new' ? made : oldForm(made, baseURL);

        const context = await freshContext(browser);
        try {
          const seen = await recordVisibleFigures(context, ['total-ttc', 'barre-total-ttc']);
          const visitor = await context.newPage();
          const watched = watch(visitor, new URL(baseURL).origin);
          const release = held ? await holdTheApp(visitor) : null;
          await visitor.goto(link);
          if (held) {
            // The simulator's preview, its default figures kept out of sight.
            await expect(visitor.locator('#app.apercu')).toHaveCount(1);
            await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Simulateur de prix');
            await expect(visitor).toHaveURL(/\/simulateur\?devis=/);
            // Let the preview be painted for a while before the app arrives.
            await visitor.waitForTimeout(1_000);
            expect(seen, 'figures shown by the preview').toEqual([]);
            await expect(visitor.getByTestId('total-ttc')).toBeHidden();
            await release();
          }
          await appTakesOver(visitor);
          await expectFigure(visitor, 'total-ttc', LINK_QUOTE.ttc);
          await expect(visitor).toHaveURL(urlOf('simulateur'));
          await expect(visitor.getByTestId('avis-lien')).toBeVisible();
          await expect(visitor.getByTestId('avis-lien')).toContainText('lien de partage');
          // The recorder reports through the binding: let its last report arrive.
          await expect.poll(() => valuesOf(seen, 'total-ttc')).toContain(LINK_QUOTE.ttc);
          expect(valuesOf(seen, 'total-ttc'), 'every total TTC shown').toEqual([LINK_QUOTE.ttc]);
          for (const value of valuesOf(seen, 'barre-total-ttc')) expect(value, 'total bar').toContain(LINK_QUOTE.ttc);
          // One simulator page load: the old form goes on before anything is shown.
          expect(new Set(seen.map((r) => r.documentId)).size).toBe(1);
          expect(seen.every((r) => r.path.startsWith(new URL(baseURL).pathname + 'simulateur')), JSON.stringify(seen)).toBe(true);
          watched.check();
        } finally {
          await context.close();
        }
      });
    }
  }
});

// ---------------------------------------------------------------------------------------
// The quote handed between pages
// ---------------------------------------------------------------------------------------

test('the simulated quote follows the reader to the cancellation page and the devis, with no default total shown on the way', async ({ page }) => {
  test.setTimeout(120_000);
  const two = defaultQuote(2);
  const seen = await recordVisibleFigures(page, ['total-ttc', 'devis-total-ttc']);
  await page.goto('./simulateur/');
  await appTakesOver(page);
  await page.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).fill('2');
  await expectFigure(page, 'total-ttc', two.ttc);

  // The cancellation page (another page group) prefills the fee basis from it: the full
  // course for two, without the certification.
  await goVia(page, 'Annulation', 'annulation');
  await appTakesOver(page);
  // As the field writes it: 8000,00 for the fixture catalogue.
  const basis = eur(2 * cents(CATALOGUE.prices.full_course_ht)).replace(/[ €]/g, '');
  await expect(page.getByLabel('Montant HT', { exact: true })).toHaveValue(basis);

  // Back on the simulator page, loaded anew: the same quote, and only its total shown.
  await goVia(page, 'Simulateur', 'simulateur');
  await appTakesOver(page);
  await expectFigure(page, 'total-ttc', two.ttc);
  await expect(page.getByRole('spinbutton', { name: 'Nombre de stagiaires' })).toHaveValue('2');
  const simulatorLoads = () => [...new Set(seen.filter((r) => r.testid === 'total-ttc').map((r) => r.documentId))];
  await expect.poll(() => simulatorLoads().length).toBe(2);
  const back = simulatorLoads()[1];
  expect(seen.filter((r) => r.documentId === back).map((r) => r.value), 'totals shown back on the simulator').toEqual([two.ttc]);

  // The devis (another page again) prints it, and showed nothing else.
  await page.getByRole('link', { name: 'Imprimer le devis' }).click();
  await expect(page).toHaveURL(urlOf('devis'));
  await appTakesOver(page);
  await expectFigure(page, 'devis-total-ht', two.ht);
  await expectFigure(page, 'devis-total-ttc', two.ttc);
  await expect.poll(() => valuesOf(seen, 'devis-total-ttc')).toContain(two.ttc);
  expect(valuesOf(seen, 'devis-total-ttc'), 'every devis total shown').toEqual([two.ttc]);
});

// ---------------------------------------------------------------------------------------
// Without any wasm
// ---------------------------------------------------------------------------------------

test.describe('without its app', () => {
  // A service worker answers requests Playwright's routes do not see: hold the app of
  // every page of the visit, the next page's included.
  test.use({ serviceWorkers: 'block' });

  test("the catalogue preview's menu link opens the simulator page's preview", async ({ page }) => {
    test.setTimeout(90_000);
    const release = await holdTheApp(page);
    await page.goto('./');
    await expect(page.locator('#app.apercu')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(CATALOGUE.course.title);
    await navLink(page, 'Simulateur').click();
    await expect(page).toHaveURL(urlOf('simulateur'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Simulateur de prix');
    await expect(page.locator('#app.apercu')).toHaveCount(1);
    await expect(page).toHaveTitle(`Simulateur de prix${SITE}`);
    await expectFigure(page, 'total-ttc', DEFAULT.ttc);
    await expect(page.getByRole('spinbutton', { name: 'Nombre de stagiaires' })).toBeDisabled();
    // The app, once let through, takes that page over.
    await release();
    await appTakesOver(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Simulateur de prix');
    await expect(page.getByRole('spinbutton', { name: 'Nombre de stagiaires' })).toBeEnabled();
  });
});

test.describe('every page wears the site\'s header and footer, written by the build', () => {
  // Each page's folder and the navigation link that says it is the current screen (none:
  // a page of no menu entry). 404.html: host.spec.mjs.
  const current = [
    ['', 'Catalogue'], ['simulateur/', 'Simulateur'], ['comparer/', 'Comparer'],
    ['annulation/', 'Annulation'], ['penalites/', 'Pénalités de retard'], ['brouillons/', 'Brouillons'],
    ['regles/', null], ['demande/', null], ['integrer/', null], ['module/2/', null],
  ];
  for (const [folder, label] of current) {
    test(`/${folder}: ${label ? `« ${label} » is the current screen` : 'no menu entry is current'}, the footer names the catalogue`, async ({ page }) => {
      await page.goto(`./${folder}`);
      await expectAppRunning(page);
      const marked = page.getByRole('navigation', { name: 'Navigation principale' }).locator('a[aria-current="page"]');
      if (label) await expect(marked).toHaveText([label]);
      else await expect(marked).toHaveCount(0);
      await expect(page.locator('footer')).toContainText(`Catalogue version ${CATALOGUE.version}`);
      await expect(page.locator('footer').getByRole('link', { name: /^Règles de calcul/ })).toHaveAttribute('href', 'regles/');
      expect(await page.locator('header, footer').count()).toBe(2);
    });
  }

  test('a draft opened from a link is under « Brouillons », and the skip link focuses the screen', async ({ page }) => {
    await page.goto('./brouillons/');
    await page.getByRole('button', { name: 'Nouveau brouillon' }).click();
    await expect(page).toHaveURL(urlOf(/brouillons\/b[0-9-]+/));
    await goVia(page, 'Brouillons', 'brouillons');
    await page.getByTestId('brouillon').first().getByRole('link').first().click();
    await expect(page).toHaveURL(urlOf(/brouillons\/b[0-9-]+/));
    await expect(navLink(page, 'Brouillons')).toHaveAttribute('aria-current', 'page');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Aller au contenu' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#contenu')).toBeFocused();
    await expect(page).toHaveURL(urlOf(/brouillons\/b[0-9-]+$/));
  });
});
