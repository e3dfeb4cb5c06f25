// Phones first (issue 14): at 320, 375 and 414 px wide, every screen — with its results
// and their details unfolded, where the widest content is — fits the window: no horizontal
// scroll of the page, and no table (nor its scrolling wrapper) wider than the window, the
// tables being reflowed into labelled rows. Screens are reached by in-app navigation from
// the root, as the static server has no rewrite rule.
import {
  test, expect, open, openVia, nav, expectFigure, urlOf, BASE, unfold, overflowing,
} from './fixtures.mjs';

const WIDTHS = [320, 375, 414];

/**
 * Expects the page to fit the window's `width`, and each of its tables and table wrappers
 * (`.table-wrap`) to fit it too, without a scrollbar of their own; `tables` is how many
 * tables the screen shows (so that the check is never vacuous).
 */
async function expectFits(page, width, tables = 0) {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(100);
  const m = await page.evaluate(() => ({
    innerWidth: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    regions: [...document.querySelectorAll('main .table-wrap, main table')].map((el) => {
      const r = el.getBoundingClientRect();
      return {
        what: `${el.tagName.toLowerCase()}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''}${el.className ? `.${el.className}` : ''}`,
        left: Math.round(r.left),
        right: Math.round(r.right),
        width: Math.round(r.width),
        scrollWidth: el.scrollWidth,
        clientWidth: el.clientWidth,
      };
    }),
  }));
  expect(m.innerWidth).toBe(width);
  const where = new URL(page.url()).pathname.slice(BASE.length - 1);
  const offenders = m.scrollWidth > m.innerWidth ? await overflowing(page) : [];
  expect(m.scrollWidth, `${where} is ${m.scrollWidth}px wide at ${width}px; past the edge:\n${offenders.slice(0, 25).join('\n')}`)
    .toBeLessThanOrEqual(m.innerWidth);
  expect(m.regions.filter((r) => r.what.startsWith('table')), `tables shown on ${where}`).toHaveLength(tables);
  for (const r of m.regions) {
    const label = `${r.what} on ${where} at ${width}px: ${JSON.stringify(r)}`;
    expect(r.width, label).toBeGreaterThan(0);
    expect(r.width, label).toBeLessThanOrEqual(m.innerWidth);
    expect(r.left, label).toBeGreaterThanOrEqual(0);
    expect(r.right, label).toBeLessThanOrEqual(m.innerWidth);
    expect(r.scrollWidth, `${label} scrolls sideways`).toBeLessThanOrEqual(r.clientWidth + 1);
  }
}

/** Follows the menu link `name` and waits for the screen's heading. */
async function viaMenu(page, name, path) {
  await nav(page).getByRole('link', { name, exact: true }).click();
  await expect(page).toHaveURL(urlOf(path));
  await expect(page.locator('main#contenu h1').first()).toBeVisible();
}

/**
 * A quote with four lines: modules 1 and 3, two coaching days, the certification, three
 * trainees, an OPCO's 1 000 €. HT 3 × (800 + 1 500) + 3 × 2 × 1 000 + 3 × 500 = 14 400;
 * VAT 2 880; TTC 17 280; left to pay 16 280.
 */
async function composeQuote(page) {
  await viaMenu(page, 'Simulateur', 'simulateur');
  await page.getByRole('radio', { name: 'Parcours modulaire' }).check();
  for (const n of [2, 4, 5]) await page.getByRole('checkbox', { name: new RegExp(`^Module ${n}\\b`) }).uncheck();
  for (const n of [1, 3]) await page.getByRole('checkbox', { name: new RegExp(`^Module ${n}\\b`) }).check();
  await page.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).fill('3');
  await page.getByRole('spinbutton', { name: "Jours d'accompagnement" }).fill('2');
  await page.getByRole('checkbox', { name: 'Accès à la certification' }).check();
  await page.getByRole('combobox', { name: 'Financement' }).selectOption('opco');
  await page.getByRole('textbox', { name: "Montant pris en charge par l'OPCO" }).fill('1000');
  await expectFigure(page, 'total-ttc', '17 280,00 €');
  await expectFigure(page, 'reste-a-charge', '16 280,00 €');
}

async function openCancellation(page, { start, notified, funding }) {
  await viaMenu(page, 'Annulation', 'annulation');
  if (funding) await page.getByLabel('Financement', { exact: true }).selectOption({ label: funding });
  await page.getByLabel('Date de début de la formation', { exact: true }).fill(start);
  await page.getByLabel('Date de notification', { exact: true }).fill(notified);
}

/** Creates a draft from the drafts screen; ends on its page. */
async function newDraft(page) {
  await viaMenu(page, 'Brouillons', 'brouillons');
  await page.getByRole('button', { name: 'Nouveau brouillon' }).click();
  await expect(page).toHaveURL(urlOf(/brouillons\/b[0-9-]+/));
  await expect(page.getByRole('heading', { level: 1, name: /^Brouillon : / })).toBeVisible();
}

/** [screen, how to reach it and unfold its details, how many tables it then shows]. */
const SCREENS = [
  ['the catalogue', async (page) => {
    await expect(page.getByRole('link', { name: /^Module 1 :/ })).toBeVisible();
  }, 0],
  ['a module page', async (page) => {
    await page.getByRole('link', { name: /^Module 3 :/ }).click();
    await expect(page).toHaveURL(urlOf('module/3'));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Module 3');
  }, 0],
  ['the simulator with a quote', async (page) => {
    await composeQuote(page);
    await unfold(page, 'Détail des lignes');
    await unfold(page, 'Comment ces montants sont calculés');
    await expect(page.locator('main table tbody tr')).toHaveCount(4);
  }, 1],
  ['the cancellation screen with a fee before the start', async (page) => {
    await openCancellation(page, { start: '2026-05-26', notified: '2026-05-04' });
    await expectFigure(page, 'frais-ttc', '2 400,00 €');
    await unfold(page, 'Explications');
    await unfold(page, 'Voir les jours comptés');
  }, 0],
  ['the cancellation screen after the start (module table)', async (page) => {
    await openCancellation(page, { start: '2026-05-26', notified: '2026-05-27', funding: 'OPCO' });
    await expectFigure(page, 'part-suivie', '615,39 €');
    await expectFigure(page, 'part-opco', '615,39 €');
    await unfold(page, 'Détail par module');
    await unfold(page, 'Explications');
    await expect(page.getByTestId('modules-interruption').locator('tbody tr')).toHaveCount(5);
  }, 1],
  ['the late-payment screen with a result', async (page) => {
    await viaMenu(page, 'Pénalités de retard', 'penalites');
    await page.getByLabel('Montant dû', { exact: true }).fill('4 800');
    await page.getByLabel("Date d'échéance", { exact: true }).fill('2025-06-15');
    await page.getByLabel('Date de paiement', { exact: true }).fill('2025-07-15');
    await page.getByLabel('Type de client', { exact: true }).selectOption({ label: 'Professionnel (entreprise)' });
    await expectFigure(page, 'penalites-jours', '30');
    await unfold(page, 'Détail par semestre');
    await unfold(page, 'Explications');
    await expect(page.getByTestId('penalites-periodes').locator('tbody tr')).toHaveCount(2);
  }, 1],
  ['the drafts screen with one draft', async (page) => {
    await newDraft(page);
    await viaMenu(page, 'Brouillons', 'brouillons');
    await expect(page.getByTestId('brouillon')).toHaveCount(1);
  }, 0],
  ["a draft's page", async (page) => {
    await newDraft(page);
  }, 0],
  ["a draft's enrolment request", async (page) => {
    await newDraft(page);
    await page.getByRole('link', { name: "Préparer la demande d'inscription" }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Demande d'inscription : /);
    await expect(page.getByTestId('demande-total-ttc')).toBeVisible();
  }, 1],
  ['the devis', async (page) => {
    await composeQuote(page);
    await page.getByRole('link', { name: 'Imprimer le devis' }).click();
    await expect(page).toHaveURL(urlOf('devis'));
    await expect(page.getByTestId('devis-numero')).toBeVisible();
  }, 1],
];

for (const width of WIDTHS) {
  test.describe(`a ${width} px wide window`, () => {
    test.use({ viewport: { width, height: 740 } });

    for (const [screen, reach, tables] of SCREENS) {
      test(`${screen} fits, tables reflowed`, async ({ page }) => {
        await open(page);
        await reach(page);
        await expectFits(page, width, tables);
      });
    }

    test('the total bar stays in view while the form is edited, then rests above the results', async ({ page }) => {
      await open(page);
      await composeQuote(page);
      const bar = page.locator('.total-bar');
      await expect(page.getByTestId('barre-total-ttc')).toHaveText(/^17\s280,00\s€$/);
      await expect(page.getByTestId('barre-reste-a-charge')).toHaveText(/^16\s280,00\s€$/);
      // Editing the first field of the form: the bar sits at the bottom edge of the window.
      const trainees = page.getByRole('spinbutton', { name: 'Nombre de stagiaires' });
      await trainees.focus();
      await page.evaluate(() => window.scrollTo(0, 0));
      await trainees.fill('2');
      await expect(page.getByTestId('barre-total-ttc')).toHaveText(/^11\s520,00\s€$/);
      await expect(bar).toBeInViewport();
      const box = await bar.boundingBox();
      expect(Math.abs(box.y + box.height - 740), `bar bottom at ${box.y + box.height}`).toBeLessThanOrEqual(1);
      await expect(trainees).toBeInViewport();
      // Down at the results, it rests in the flow, above them.
      await page.getByTestId('reponse-devis').scrollIntoViewIfNeeded();
      const results = await page.locator('section.results').boundingBox();
      const rest = await bar.boundingBox();
      expect(rest.y + rest.height).toBeLessThanOrEqual(results.y + 1);
    });
  });
}
