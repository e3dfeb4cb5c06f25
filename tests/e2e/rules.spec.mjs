// « Règles de calcul » (`/regles`): every rule with its source and worked examples. The
// examples are the calculators' own answers: this spec types each example's inputs into
// the calculator it comes from and expects the same figures, so the page and the
// calculators cannot drift apart. Also: the page is prerendered (pages.spec.mjs), linked
// from every page's footer, and axe-clean at 320 px and on a desktop.
import { test, expect, open, builtCatalogue, expectNoAxeViolation, expectFigure, text, urlOf } from './fixtures.mjs';

const CATALOGUE = builtCatalogue();
/** `4000.00` → `4 000,00` as typed in « Montant HT ». */
const typed = (amount) => Number(amount).toFixed(2).replace('.', ',');

/** The figure `key` of the `n`-th example of the rule `id` on /regles. */
const ruleFigure = (page, id, n, key) => text(page.getByTestId(`regle-${id}-${n}-${key}`));

test('the rules page is linked from the footer and names each rule with its source', async ({ page }) => {
  await open(page);
  await page.getByRole('link', { name: /^Règles de calcul/ }).click();
  await expect(page).toHaveURL(urlOf('regles'));
  await expect(page.getByRole('heading', { level: 1, name: 'Règles de calcul' })).toBeVisible();
  await expect(page).toHaveTitle('Règles de calcul — Co&Sens');
  for (const title of ["Le barème d'annulation avant le début", 'Les pénalités de retard', 'La grille de prix', "L'ajournement par Co&Sens"]) {
    const rule = page.getByRole('article', { name: title });
    await expect(rule).toBeVisible();
    await expect(rule.locator('.rule-source')).toContainText('Source :');
  }
  // The CGV's figures from the data file: the adjournment week, the 50 % band.
  await expect(page.getByRole('article', { name: "L'ajournement par Co&Sens" })).toContainText('au plus tard une semaine avant');
});

test("the cancellation examples are the cancellation calculator's answers", async ({ page }) => {
  test.setTimeout(90_000);
  await open(page, 'regles');
  const examples = [];
  for (let n = 1; n <= 4; n += 1) {
    const caption = await text(page.getByTestId(`regle-bareme-${n}`).locator('figcaption'));
    const figures = {};
    for (const key of ['jours-ouvrables', 'taux-frais', 'frais-ht', 'frais-ttc']) figures[key] = await ruleFigure(page, 'bareme', n, key);
    examples.push({ caption, figures });
  }
  expect(examples.map((e) => e.figures['jours-ouvrables'])).toEqual(['16', '15', '7', '6']);
  const notified = ['2026-05-03', '2026-05-04', '2026-05-15', '2026-05-16'];

  await open(page, 'annulation');
  await page.getByLabel('Date de début de la formation', { exact: true }).fill('2026-05-26');
  await page.getByLabel('Montant HT', { exact: true }).fill(typed(CATALOGUE.prices.full_course_ht));
  for (const [i, { figures }] of examples.entries()) {
    await page.getByLabel('Date de notification', { exact: true }).fill(notified[i]);
    for (const [key, value] of Object.entries(figures)) await expectFigure(page, key, value);
  }
});

test("the interruption example is the cancellation calculator's answer after the start", async ({ page }) => {
  await open(page, 'regles');
  const keys = ['part-suivie', 'part-opco', 'part-client', 'frais-ht'];
  const figures = {};
  for (const key of keys) figures[key] = await ruleFigure(page, 'interruption', 1, key);
  await open(page, 'annulation');
  await page.getByLabel('Financement', { exact: true }).selectOption({ label: 'OPCO' });
  await page.getByLabel('Date de début de la formation', { exact: true }).fill('2026-05-26');
  await page.getByLabel('Date de notification', { exact: true }).fill('2026-05-29');
  await page.getByLabel('Montant HT', { exact: true }).fill(typed(CATALOGUE.prices.full_course_ht));
  for (const key of keys) await expectFigure(page, key, figures[key]);
});

test("the trainee who pays: the force-majeure and withdrawal examples are the calculator's answers", async ({ page }) => {
  await open(page, 'regles');
  const fm = await ruleFigure(page, 'force-majeure', 1, 'frais-ht');
  const end = await ruleFigure(page, 'retractation', 1, 'date-fin-retractation');
  await open(page, 'annulation');
  await page.getByLabel('Type de client', { exact: true }).selectOption({ label: 'Particulier, à ses frais' });
  await page.getByLabel('Date de début de la formation', { exact: true }).fill('2026-05-26');
  await page.getByLabel('Montant HT', { exact: true }).fill(typed(CATALOGUE.prices.full_course_ht));
  await page.getByLabel('Date de signature du contrat', { exact: true }).fill('2026-05-15');
  await page.getByLabel('Date de notification', { exact: true }).fill('2026-05-26');
  await expectFigure(page, 'date-fin-retractation', end);
  await page.getByLabel('Date de notification', { exact: true }).fill('2026-06-10');
  const starts = ['2026-05-26', '2026-06-02', '2026-06-09', '2026-06-23', '2026-07-07'];
  for (let n = 1; n <= 5; n += 1) await page.getByLabel(`Début du module ${n}`, { exact: true }).fill(starts[n - 1]);
  await page.getByLabel('Force majeure dûment reconnue', { exact: true }).check();
  await expectFigure(page, 'frais-ht', fm);
});

test("the late-payment example is the late-payment calculator's answer", async ({ page }) => {
  await open(page, 'regles');
  const caption = await text(page.getByTestId('regle-retard-1').locator('figcaption'));
  const keys = ['penalites-jours', 'penalites-interets', 'penalites-indemnite', 'penalites-total'];
  const figures = {};
  for (const key of keys) figures[key] = await ruleFigure(page, 'retard', 1, key);
  // « Exemple : 4 800,00 € dus par un professionnel le mercredi 15 juillet 2026, payés le … ».
  const rates = CATALOGUE.legal_interest_rates.map((r) => [r.year, r.half]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const [year, half] = rates.at(-1);
  const due = `${year}-${half === 1 ? '01' : '07'}-15`;
  const paid = new Date(Date.UTC(year, half === 1 ? 0 : 6, 15 + 45)).toISOString().slice(0, 10);
  expect(caption).toContain('4 800,00 € dus par un professionnel');

  await open(page, 'penalites');
  await page.getByLabel('Montant dû', { exact: true }).fill('4 800');
  await page.getByLabel("Date d'échéance", { exact: true }).fill(due);
  await page.getByLabel('Date de paiement', { exact: true }).fill(paid);
  await page.getByLabel('Type de client', { exact: true }).selectOption({ label: 'Professionnel (entreprise)' });
  for (const key of keys) await expectFigure(page, key, figures[key]);
});

test("the price grid's example is the simulator's full course", async ({ page }) => {
  await open(page, 'regles');
  const figures = {};
  for (const key of ['total-ht', 'total-tva', 'total-ttc']) figures[key] = await ruleFigure(page, 'grille', 1, key);
  await open(page, 'simulateur');
  await page.getByRole('radio', { name: 'Parcours complet' }).check();
  for (const [key, value] of Object.entries(figures)) await expectFigure(page, key, value);
});

for (const width of [320, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });
    test('the rules page has no axe violation and fits the window', async ({ page }) => {
      await open(page, 'regles');
      await expectNoAxeViolation(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}
