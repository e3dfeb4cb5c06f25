// The comparison screen (/comparer): two or three quotes side by side with the difference per
// line and in total, each column opened in the simulator, saved as a draft or shared, the
// whole comparison shared as one link; keyboard use, axe, and a 320 px window.
//
// Expected amounts come from the catalogue the app was built with (builtCatalogue()): with
// the test catalogue, the full course with certification is 4 000 + 500 = 4 500 € HT, and
// modules 1 + 2 + 3 + 4 with certification 800 + 800 + 1 500 + 1 500 + 500 = 5 100 € HT:
// +600 € HT, +720 € TTC on the modules' side.
import {
  test, expect, open, openVia, urlOf, builtCatalogue, eur, expectFigure, expectNoAxeViolation,
  freshContext, navLink, text, BASE,
} from './fixtures.mjs';

const catalogue = builtCatalogue();
const cents = (decimal) => Math.round(Number(decimal) * 100);
const FULL = cents(catalogue.prices.full_course_ht);
const CERTIFICATION = cents(catalogue.prices.certification_ht);
const MODULE = Object.fromEntries(catalogue.modules.map((m) => [m.number, cents(m.price_ht)]));
const VAT = Number(catalogue.prices.vat_rate);
const ttc = (ht) => ht + Math.round(ht * VAT);
const sum = (list) => list.reduce((a, b) => a + b, 0);

/** A difference as the screen shows it: « +600,00 € », « −4 000,00 € », « 0,00 € ». */
const diff = (c) => (c === 0 ? eur(0) : `${c > 0 ? '+' : '\u2212'}${eur(Math.abs(c))}`);

/** Expects the table cell of quote `n` (1, 2, 3) in the row `key` to read `value`. */
const expectAmount = (page, n, key, value) => expectFigure(page, `devis-${n}-${key}`, value);
/** Expects the difference of quote `n` from quote 1 in the row `key`. */
const expectDifference = (page, n, key, value) => expectFigure(page, `ecart-${n}-${key}`, value);

const control = (page, role, name) => page.getByRole(role, { name, exact: true });

/** Opens the comparison through the main navigation (the simulator's default quote first). */
async function openCompare(page) {
  await openVia(page, 'Comparer', 'comparer');
  await expect(page.getByRole('heading', { level: 1, name: 'Comparer des devis' })).toBeVisible();
  await expect(page.getByTestId('comparaison')).toBeVisible();
}

/** Quote 2 as modules 1 to 4 (the variant of the full course is all five modules). */
async function modules1to4InQuote2(page) {
  await expect(control(page, 'combobox', 'Formule (devis 2)')).toHaveValue('modulaire');
  await control(page, 'checkbox', 'Module 5 (devis 2)').uncheck();
  for (const n of [1, 2, 3, 4]) await expect(control(page, 'checkbox', `Module ${n} (devis 2)`)).toBeChecked();
}

const MODULES_1_TO_4 = sum([1, 2, 3, 4].map((n) => MODULE[n]));

test('full course against modules 1 to 4: the difference per line and in total', async ({ page }) => {
  await openCompare(page);
  await expect(page).toHaveTitle('Comparer des devis — Co&Sens');
  // Quote 1 is the simulator's (its default: the full course with certification).
  await expect(control(page, 'combobox', 'Formule (devis 1)')).toHaveValue('complet');
  await modules1to4InQuote2(page);

  const first = FULL + CERTIFICATION;
  const second = MODULES_1_TO_4 + CERTIFICATION;
  expect(second - first).toBe(60000); // the brochure's example: 4 600 € against 4 000 €
  await expectAmount(page, 1, 'parcours-complet', eur(FULL));
  await expectDifference(page, 2, 'parcours-complet', diff(-FULL));
  for (const n of [1, 2, 3, 4]) {
    await expectAmount(page, 2, `module-${n}`, eur(MODULE[n]));
    await expectDifference(page, 2, `module-${n}`, diff(MODULE[n]));
  }
  await expect(page.getByTestId('devis-2-module-5')).toHaveCount(0);
  await expectDifference(page, 2, 'certification', eur(0));
  await expectAmount(page, 1, 'total-ht', eur(first));
  await expectAmount(page, 2, 'total-ht', eur(second));
  await expectDifference(page, 2, 'total-ht', diff(second - first));
  await expectDifference(page, 2, 'total-tva', diff(ttc(second) - second - (ttc(first) - first)));
  await expectDifference(page, 2, 'total-ttc', diff(ttc(second) - ttc(first)));
  await expectDifference(page, 2, 'prise-en-charge', eur(0));
  await expectDifference(page, 2, 'reste-a-charge', diff(ttc(second) - ttc(first)));
  await expect.poll(() => text(page.getByTestId('ecarts'))).toBe(
    `Devis 2 : ${eur(second - first)} HT de plus que le devis 1 ; reste à charge : ${eur(ttc(second) - ttc(first))} de plus.`,
  );

  // The table: a caption, column and row headers with their scope, a difference column.
  const table = page.getByTestId('comparaison');
  await expect(table.locator('caption')).not.toBeEmpty();
  await expect(table.getByRole('columnheader', { name: 'Écart devis 2 / devis 1' })).toBeVisible();
  expect(await table.locator('thead th:not([scope="col"])').count()).toBe(0);
  expect(await table.locator('tbody th:not([scope="row"])').count()).toBe(0);
  await expect(table.getByRole('rowheader', { name: 'Total HT' })).toBeVisible();
});

test('OPCO against CPF: the funding and what is left to pay, per quote and in difference', async ({ page }) => {
  await openCompare(page);
  // Quote 2 back to the full course, so that only the funding differs.
  await control(page, 'combobox', 'Formule (devis 2)').selectOption('complet');
  await control(page, 'combobox', 'Financement (devis 1)').selectOption({ label: 'OPCO' });
  await control(page, 'textbox', "Montant pris en charge par l'OPCO (devis 1)").fill('3000');
  await control(page, 'combobox', 'Financement (devis 2)').selectOption({ label: 'CPF (Mon Compte Formation)' });
  await control(page, 'textbox', 'Solde CPF (devis 2)').fill('1000');
  const total = ttc(FULL + CERTIFICATION);
  await expectDifference(page, 2, 'total-ttc', eur(0));
  await expectAmount(page, 1, 'prise-en-charge', eur(300000));
  await expectAmount(page, 2, 'prise-en-charge', eur(100000));
  await expectDifference(page, 2, 'prise-en-charge', diff(-200000));
  await expectAmount(page, 1, 'reste-a-charge', eur(total - 300000));
  // The CPF flat contribution comes on top of what the balance leaves.
  const contribution = cents(await page.getByTestId('devis-2-participation-cpf').innerText().then((t) => t.replace(/[^\d,]/g, '').replace(',', '.')));
  expect(contribution).toBeGreaterThan(0);
  await expectAmount(page, 2, 'reste-a-charge', eur(total - 100000 + contribution));
  await expectDifference(page, 2, 'reste-a-charge', diff(200000 + contribution));
});

test('a third column is added and removed; at least two stay', async ({ page }) => {
  await openCompare(page);
  await expect(page.getByRole('button', { name: /^Retirer ce devis/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Ajouter une colonne' }).click();
  await expect(page.getByTestId('colonne-3')).toBeVisible();
  // The new column's heading has the focus; it starts as a copy of quote 1.
  await expect(page.getByRole('heading', { level: 2, name: 'Devis 3' })).toBeFocused();
  await expect(page.getByRole('columnheader', { name: 'Écart devis 3 / devis 1' })).toBeVisible();
  await expectDifference(page, 3, 'total-ht', eur(0));
  await expect(page.getByRole('button', { name: 'Ajouter une colonne' })).toHaveCount(0);

  await control(page, 'spinbutton', 'Nombre de stagiaires (devis 3)').fill('2');
  await expectAmount(page, 3, 'total-ht', eur(2 * (FULL + CERTIFICATION)));
  await expectDifference(page, 3, 'total-ht', diff(FULL + CERTIFICATION));
  // Every control has a name of its own.
  for (const n of [1, 2, 3]) await expect(page.locator(`#c${n}-stagiaires`)).toHaveCount(1);

  await expect(page.getByRole('button', { name: /^Retirer ce devis/ })).toHaveCount(3);
  await page.getByRole('button', { name: 'Retirer ce devis (devis 3)' }).click();
  await expect(page.getByTestId('colonne-3')).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: 'Écart devis 3 / devis 1' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Retirer ce devis/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Devis 2' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Ajouter une colonne' })).toBeVisible();
});

test('the simulator links to the comparison, which starts from its quote', async ({ page }) => {
  await openVia(page, 'Simulateur', 'simulateur');
  await page.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).fill('3');
  await expectFigure(page, 'total-ht', eur(3 * (FULL + CERTIFICATION)));
  await page.getByRole('link', { name: 'Comparer avec une autre formule' }).click();
  await expect(page).toHaveURL(urlOf('comparer'));
  await expect(control(page, 'spinbutton', 'Nombre de stagiaires (devis 1)')).toHaveValue('3');
  await expectAmount(page, 1, 'total-ht', eur(3 * (FULL + CERTIFICATION)));
  // The variant: every module à la carte for the same 3 trainees, certification kept.
  const allModules = sum(Object.values(MODULE));
  await expectAmount(page, 2, 'total-ht', eur(3 * (allModules + CERTIFICATION)));
});

/** Whether the focused element shows a focus ring (outline or box-shadow). */
async function focusRing(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { ring: false, what: 'body' };
    const cs = getComputedStyle(el);
    const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || (cs.boxShadow && cs.boxShadow !== 'none');
    return { ring, what: `${el.tagName.toLowerCase()}#${el.id}` };
  });
}

/** Presses Tab until `target` has the focus, the focus visible at every stop. */
async function tabTo(page, target, max = 80) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const f = await focusRing(page);
    expect(f.ring, `focus ring on ${f.what}`).toBe(true);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab × ${max} never reached the target`);
}

test('keyboard only: Tab to a column, change it, reach the table and open the quote in the simulator with Enter', async ({ page }) => {
  await open(page);
  await tabTo(page, navLink(page, 'Comparer'), 15);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(urlOf('comparer'));

  const trainees = control(page, 'spinbutton', 'Nombre de stagiaires (devis 2)');
  await tabTo(page, trainees);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await page.keyboard.press('ArrowUp');
  await expect(trainees).toHaveValue('3');
  const allModules = sum(Object.values(MODULE));
  const second = 3 * (allModules + CERTIFICATION);
  await expectAmount(page, 2, 'total-ttc', eur(ttc(second)));
  // A checkbox with Space: no certification for quote 2.
  const certification = control(page, 'checkbox', 'Accès à la certification (devis 2)');
  await tabTo(page, certification);
  await page.keyboard.press('Space');
  await expect(certification).not.toBeChecked();
  const withoutCertification = 3 * allModules;
  await expectAmount(page, 2, 'total-ttc', eur(ttc(withoutCertification)));

  const openIt = page.getByRole('button', { name: 'Ouvrir dans le simulateur (devis 2)' });
  await tabTo(page, openIt);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(urlOf('simulateur'));
  await expectFigure(page, 'total-ttc', eur(ttc(withoutCertification)));
  await expect(page.getByRole('spinbutton', { name: 'Nombre de stagiaires' })).toHaveValue('3');
});

test('the table region is reached with Tab and scrolls within its own box', async ({ page }) => {
  await openCompare(page);
  const region = page.getByRole('region', { name: 'Comparaison', exact: true });
  await expect(region).toHaveAttribute('tabindex', '0');
  await tabTo(page, region, 120);
});

test('the share link of a column opens that quote in the simulator', async ({ page, browser }) => {
  await openCompare(page);
  await modules1to4InQuote2(page);
  const link = await control(page, 'textbox', 'Lien de partage (devis 2)').inputValue();
  expect(link).toContain('?devis=1~');
  const other = await freshContext(browser);
  const visitor = await other.newPage();
  await visitor.goto(link);
  await expect(visitor).toHaveURL(urlOf('simulateur'));
  await expectFigure(visitor, 'total-ht', eur(MODULES_1_TO_4 + CERTIFICATION));
  await expectFigure(visitor, 'total-ttc', eur(ttc(MODULES_1_TO_4 + CERTIFICATION)));
  await expect(visitor.getByRole('checkbox', { name: /^Module 5\b/ })).not.toBeChecked();
  await other.close();
});

test('one link opens the whole comparison, on a plain static host', async ({ page, browser }) => {
  await openCompare(page);
  await modules1to4InQuote2(page);
  await page.getByRole('button', { name: 'Ajouter une colonne' }).click();
  await control(page, 'spinbutton', "Jours d'accompagnement (devis 3)").fill('1');
  const link = await page.getByRole('textbox', { name: 'Lien de la comparaison' }).inputValue();
  expect(link).toMatch(/\/comparer\/\?devis=1~[^&]+&devis=1~[^&]+&devis=1~[^&]+$/);
  expect(link.length - new URL(BASE, link).href.length, 'what the link adds to the site').toBeLessThan(200);

  const other = await freshContext(browser);
  const visitor = await other.newPage();
  await visitor.goto(link);
  // The app drops the folder's slash and keeps the query.
  await expect(visitor).toHaveURL(new RegExp(`${BASE}comparer\\?devis=`));
  await expect(visitor.getByTestId('avis-comparaison')).toContainText('Comparaison ouverte depuis un lien');
  await expect(visitor.getByTestId('colonne-3')).toBeVisible();
  await expectDifference(visitor, 2, 'total-ht', diff(MODULES_1_TO_4 - FULL));
  await expectDifference(visitor, 3, 'accompagnement', diff(cents(catalogue.prices.coaching_per_day_ht)));
  await other.close();

  // A broken code is named and replaced; the page goes on.
  await page.goto('./comparer?devis=n-importe-quoi');
  await expect(page.getByTestId('avis-comparaison')).toContainText('le devis 1 est illisible');
  await expect(page.getByTestId('colonne-2')).toBeVisible();
});

test('a column is saved as a draft', async ({ page }) => {
  await openCompare(page);
  await modules1to4InQuote2(page);
  await page.getByRole('button', { name: 'Enregistrer comme brouillon (devis 2)' }).click();
  // The draft's page keeps the column's quote and opens the new draft.
  await expect(page).toHaveURL(urlOf(/brouillons\/b[0-9-]+/));
  await expect(page.getByTestId('statut-brouillon')).toContainText('enregistré');
});

test('no axe violation, with three columns and a funding amount shown', async ({ page }) => {
  await openCompare(page);
  await page.getByRole('button', { name: 'Ajouter une colonne' }).click();
  await control(page, 'combobox', 'Financement (devis 3)').selectOption({ label: 'OPCO' });
  await control(page, 'textbox', "Montant pris en charge par l'OPCO (devis 3)").fill('abc');
  await expect(page.locator('#erreur-c3-montant-opco')).not.toBeEmpty();
  await expectNoAxeViolation(page);
});

test('prints as its quotes and their table, without a control', async ({ page }) => {
  await openCompare(page);
  await page.emulateMedia({ media: 'print' });
  const controls = page.locator('main').locator('input, select, textarea, button');
  const shown = await controls.evaluateAll((list) => list.filter((el) => el.getClientRects().length > 0).length);
  expect(shown, 'controls shown in print').toBe(0);
  await expect(page.getByTestId('comparaison')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Devis 2' })).toBeVisible();
});

test.describe('a 320 px wide window', () => {
  test.use({ viewport: { width: 320, height: 720 } });

  test('the page does not scroll sideways; the table scrolls within its box', async ({ page }) => {
    await openCompare(page);
    await page.getByRole('button', { name: 'Ajouter une colonne' }).click();
    await expect(page.getByTestId('colonne-3')).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    const sizes = await page.evaluate(() => {
      const wrap = document.querySelector('.comparison .table-wrap');
      return {
        page: document.documentElement.scrollWidth,
        inner: window.innerWidth,
        wrap: wrap.scrollWidth,
        box: wrap.clientWidth,
      };
    });
    expect(sizes.inner).toBe(320);
    expect(sizes.page).toBeLessThanOrEqual(sizes.inner);
    expect(sizes.wrap).toBeGreaterThan(sizes.box);
  });
});
