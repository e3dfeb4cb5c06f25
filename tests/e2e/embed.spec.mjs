// A screen of the simulator embedded in another site (SPEC, "Embedding in another site"):
// a host page of another origin (another port) holds the one snippet; the frame shows the
// screen without the site's header or footer, its height follows the screen both ways with
// no inner scrollbar, a message from elsewhere changes nothing, links that leave the screen
// open a new tab, the accent colour is taken only where it keeps its contrast, the host page
// stays axe-clean, and no request leaves the two origins.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { startServer } from '../../scripts/static-server.mjs';
import { test as site, expectNoAxeViolation } from './fixtures.mjs';

/** A partner's page holding the snippet for `screen` (and `colour`), served from `site`. */
const hostPage = (site, screen, colour) => `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Un organisme partenaire — la formation RS5302</title></head>
<body>
<header><p>Un organisme partenaire</p></header>
<main>
<h1>Combien coûte la formation ?</h1>
<p>Calculez le prix du parcours avec le simulateur de Co&amp;Sens :</p>
<script src="${site}integrer.js" data-ecran="${screen}"${colour ? ` data-couleur="${colour}"` : ''} async></script>
<p>Suite de la page du partenaire.</p>
</main>
</body>
</html>`;

/**
 * Opens the host page for `screen` on a server of its own origin; records what leaves the
 * two origins, page errors, console errors and warnings. Returns the host page's frame.
 */
async function openHost(page, baseURL, screen, colour) {
  const site = baseURL;
  const server = await startServer({}, { pages: { '/partenaire.html': hostPage(site, screen, colour) } });
  const host = `http://127.0.0.1:${server.address().port}`;
  const record = { foreign: [], errors: [], warnings: [], server };
  const origins = [new URL(site).origin, host];
  page.on('request', (r) => {
    if (!origins.some((o) => r.url().startsWith(o)) && !/^(data|blob):/.test(r.url())) record.foreign.push(r.url());
  });
  page.on('pageerror', (e) => record.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') record.errors.push(m.text());
    if (m.type() === 'warning') record.warnings.push(m.text());
  });
  await page.goto(`${host}/partenaire.html`);
  return record;
}

const frameOf = (page) => page.locator('iframe').first();

/** The frame's height on the host page, in CSS pixels. */
const frameHeight = async (page) => (await frameOf(page).boundingBox()).height;

/** The framed page's content height and its window's: no inner scrollbar when the first fits in the second. */
const framedFit = (frame) => frame.locator('html').evaluate(() => ({
  content: Math.ceil(document.documentElement.getBoundingClientRect().height),
  window: window.innerHeight,
  scrolls: document.documentElement.scrollHeight > window.innerHeight + 1,
}));

async function expectCleanHost(page, record) {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(record.foreign, 'requests that left the two origins').toEqual([]);
  expect(record.errors, 'page and console errors').toEqual([]);
  record.server.close();
}

test.describe('a screen embedded in a page of another origin', () => {
  test('the simulator: framed without the site\'s chrome, its height following it both ways', async ({ page, baseURL }) => {
    const record = await openHost(page, baseURL, 'simulateur');
    const frame = page.frameLocator('iframe');
    await expect(frameOf(page)).toHaveAttribute('title', 'Simulateur de prix — Co&Sens');
    await expect(frameOf(page)).toHaveAttribute('loading', 'lazy');
    await expect(frame.getByRole('heading', { level: 1, name: 'Simulateur de prix' })).toBeVisible();
    await expect(frame.getByTestId('total-ttc')).toHaveText(/5\s400,00\s€/);
    await expect(frame.locator('.site-header')).toBeHidden();
    await expect(frame.locator('.site-footer')).toBeHidden();
    const full = frame.getByRole('link', { name: 'Ouvrir le simulateur complet' });
    await expect(full).toBeVisible();
    await expect(full).toHaveAttribute('target', '_blank');

    // The frame takes the screen's height: no inner scrollbar.
    await expect.poll(async () => Math.abs((await frameHeight(page)) - (await framedFit(frame)).content)).toBeLessThanOrEqual(1);
    expect((await framedFit(frame)).scrolls).toBe(false);

    // A longer screen, then a shorter one: the frame follows. (Both details open, so that
    // the results' column outgrows the form's beside it.)
    const before = await frameHeight(page);
    const details = ['Détail des lignes', 'Comment ces montants sont calculés'];
    for (const name of details) await frame.getByText(name, { exact: true }).click();
    await expect.poll(() => frameHeight(page)).toBeGreaterThan(before + 50);
    expect((await framedFit(frame)).scrolls).toBe(false);
    for (const name of details) await frame.getByText(name, { exact: true }).click();
    await expect.poll(() => frameHeight(page)).toBeLessThan(before + 2);

    // A message from the host's own origin (anyone's page) changes nothing.
    const settled = await frameHeight(page);
    await page.evaluate(() => window.postMessage({ type: 'cosens:hauteur', hauteur: 12 }, '*'));
    await page.waitForTimeout(300);
    expect(await frameHeight(page)).toBe(settled);

    // Links that leave the screen open a new tab, with the quote of the frame (the tab's
    // storage is not the frame's): the devis, the comparison; then the full simulator.
    await frame.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).fill('2');
    await expect(frame.getByTestId('total-ttc')).toHaveText(/10\s800,00\s€/);
    const [devis] = await Promise.all([page.context().waitForEvent('page'), frame.getByRole('link', { name: 'Imprimer le devis' }).click()]);
    await expect(devis).toHaveURL(/\/devis$/);
    await expect(devis.getByTestId('devis-total-ttc')).toHaveText(/10\s800,00\s€/);
    await devis.close();
    const [compare] = await Promise.all([page.context().waitForEvent('page'), frame.getByRole('link', { name: 'Comparer avec une autre formule' }).click()]);
    await expect(compare.getByRole('spinbutton', { name: 'Nombre de stagiaires (devis 1)' })).toHaveValue('2');
    await compare.close();
    const [opened] = await Promise.all([page.context().waitForEvent('page'), full.click()]);
    await expect(opened).toHaveURL(/\/simulateur\/?$/);
    await expect(opened.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
    await opened.close();

    await expectCleanHost(page, record);
  });

  test('« Enregistrer le brouillon » in the framed simulator opens the full simulator with the quote, to save it there', async ({ page, baseURL }) => {
    const record = await openHost(page, baseURL, 'simulateur');
    const frame = page.frameLocator('iframe');
    await frame.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).fill('3');
    await expect(frame.getByTestId('total-ttc')).toHaveText(/16\s200,00\s€/);
    const [full] = await Promise.all([
      page.context().waitForEvent('page'),
      frame.getByRole('button', { name: 'Enregistrer le brouillon' }).click(),
    ]);
    await expect(frame.getByTestId('statut-enregistrement')).toContainText('nouvel onglet');
    await expect(full.getByRole('spinbutton', { name: 'Nombre de stagiaires' })).toHaveValue('3');
    await expect(full.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
    await full.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(full.getByRole('heading', { level: 1 })).toHaveText(/^Brouillon : /);
    await full.close();
    record.server.close();
    expect(record.errors).toEqual([]);
  });

  test('offline, the framed screen reloads from the service worker, in the frame', async ({ page, context, baseURL }) => {
    const record = await openHost(page, baseURL, 'simulateur');
    const framed = page.frameLocator('iframe');
    await expect(framed.getByRole('heading', { level: 1, name: 'Simulateur de prix' })).toBeVisible();
    const frame = page.frames().find((f) => f.url().includes('cadre=1'));
    await frame.evaluate(async () => { await navigator.serviceWorker.ready; });
    // The worker controls the frame's next load.
    await frame.evaluate(() => location.reload());
    await expect(framed.getByRole('heading', { level: 1, name: 'Simulateur de prix' })).toBeVisible();
    const again = () => page.frames().find((f) => f.url().includes('cadre=1'));
    await expect.poll(() => again().evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }).toBe(true);
    await context.setOffline(true);
    try {
      await again().evaluate(() => location.reload());
      await expect(framed.getByRole('heading', { level: 1, name: 'Simulateur de prix' })).toBeVisible();
      await framed.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).fill('2');
      await expect(framed.getByTestId('total-ttc')).toHaveText(/10\s800,00\s€/);
      await expect(framed.locator('.site-header')).toBeHidden();
    } finally {
      await context.setOffline(false);
    }
    record.server.close();
    expect(record.errors).toEqual([]);
  });

  test('the cancellation screen: framed, fitted, and deaf to messages from elsewhere', async ({ page, baseURL }) => {
    const record = await openHost(page, baseURL, 'annulation');
    const frame = page.frameLocator('iframe');
    await expect(frameOf(page)).toHaveAttribute('title', "Frais d'annulation — Co&Sens");
    await expect(frame.getByRole('heading', { level: 1, name: "Frais d'annulation" })).toBeVisible();
    await expect.poll(async () => Math.abs((await frameHeight(page)) - (await framedFit(frame)).content)).toBeLessThanOrEqual(1);
    expect((await framedFit(frame)).scrolls).toBe(false);
    const settled = await frameHeight(page);
    await page.evaluate(() => window.postMessage({ type: 'cosens:hauteur', hauteur: 9000 }, '*'));
    await page.waitForTimeout(300);
    expect(await frameHeight(page)).toBe(settled);
    await expectCleanHost(page, record);
  });

  test('an accent colour is taken where it keeps 4.5:1, refused with its reason otherwise', async ({ page, baseURL }) => {
    const accentOf = (frame) => frame.getByRole('button', { name: 'Enregistrer le brouillon' }).evaluate((b) => getComputedStyle(b).backgroundColor);
    let record = await openHost(page, baseURL, 'simulateur', '#7a1f5c');
    await expect.poll(() => accentOf(page.frameLocator('iframe'))).toBe('rgb(122, 31, 92)');
    expect(record.warnings).toEqual([]);
    await expectCleanHost(page, record);

    const other = await page.context().newPage();
    record = await openHost(other, baseURL, 'simulateur', '#ffcc00');
    await expect(other.frameLocator('iframe').getByRole('heading', { level: 1 })).toBeVisible();
    expect(await accentOf(other.frameLocator('iframe'))).toBe('rgb(11, 83, 148)');
    expect(record.warnings.join('\n')).toContain('data-couleur="#ffcc00" ignorée : contraste de 1,38:1');
    await expectCleanHost(other, record);
  });

  test('an unknown screen is refused with the names it takes', async ({ page, baseURL }) => {
    const record = await openHost(page, baseURL, 'brouillons');
    await expect.poll(() => record.warnings.join('\n')).toContain('data-ecran="brouillons" n’est pas un écran à intégrer ; écrans possibles : catalogue, simulateur, annulation, penalites.');
    await expect(page.locator('iframe')).toHaveCount(0);
    await expectCleanHost(page, record);
  });
});

site.describe('« Intégrer le simulateur » (/integrer)', () => {
  site('gives the snippet of the screen and colour chosen, copies it, and previews it live', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('./integrer/');
    await expect(page.getByRole('heading', { level: 1, name: 'Intégrer le simulateur' })).toBeVisible();
    const code = page.getByTestId('lien-integration');
    await expect(code).toHaveValue(`<script src="${baseURL}integrer.js" data-ecran="simulateur" async></script>`);
    // The preview runs that very tag: the framed simulator, without the site's header.
    const framed = page.frameLocator('iframe.embed-preview').frameLocator('iframe');
    await expect(framed.getByRole('heading', { level: 1, name: 'Simulateur de prix' })).toBeVisible();
    await expect(framed.locator('.site-header')).toBeHidden();

    await page.getByRole('combobox', { name: 'Écran' }).selectOption('annulation');
    await page.getByRole('textbox', { name: "Couleur d'accent (facultatif)" }).fill('#7A1F5C');
    await expect(code).toHaveValue(`<script src="${baseURL}integrer.js" data-ecran="annulation" data-couleur="#7a1f5c" async></script>`);
    await expect(framed.getByRole('heading', { level: 1, name: "Frais d'annulation" })).toBeVisible();
    await page.getByRole('button', { name: 'Copier le code' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.inputValue());

    // What is not a colour is said, and left out of the code.
    await page.getByRole('textbox', { name: "Couleur d'accent (facultatif)" }).fill('rouge');
    await expect(page.getByText("Une couleur s'écrit #RRGGBB")).toBeVisible();
    await expect(code).toHaveValue(`<script src="${baseURL}integrer.js" data-ecran="annulation" async></script>`);
    await expectNoAxeViolation(page);
    await page.setViewportSize({ width: 320, height: 740 });
    await expectNoAxeViolation(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});
