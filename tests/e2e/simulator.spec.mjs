// The price simulator (`/simulateur`), driven only by its French labels; figures are read
// by data-testid and checked against values computed here from the SPEC rules:
// lines HT exact, VAT 20 % of the total HT rounded half away from zero to the cent,
// TTC = HT + VAT; OPCO: funded = min(amount, TTC); CPF (one trainee): funded =
// min(balance, TTC), the trainee also pays the flat contribution in force (103,20 € in
// 2026) unless exempt.
import {
  test, expect, open, openSimulator, urlOf, builtCatalogue, eur, expectFigure, expectNoAxeViolation, text,
} from './fixtures.mjs';

const MODULE_HT = { 1: 800, 2: 800, 3: 1500, 4: 1500, 5: 400 };
const FULL_COURSE_HT = 4000;
const COACHING_DAY_HT = 1000;
const CERTIFICATION_HT = 500;
const CPF_CONTRIBUTION_2026 = 103.2;

const cents = (euros) => Math.round(euros * 100);
/** VAT at 20 % on an amount in cents, rounded half away from zero to the cent. */
const vat20 = (htCents) => Math.sign(htCents) * Math.round(Math.abs(htCents) * 20 / 100);

/** The expected HT / VAT / TTC (in cents) of a selection. */
function expected({ modules = 'full', trainees = 1, coaching = 0, certification = modules === 'full', exempt = false }) {
  const training = modules === 'full' ? FULL_COURSE_HT : modules.reduce((s, n) => s + MODULE_HT[n], 0);
  const ht = cents(training * trainees + coaching * trainees * COACHING_DAY_HT + (certification ? CERTIFICATION_HT * trainees : 0));
  const tva = exempt ? 0 : vat20(ht);
  return { ht, tva, ttc: ht + tva };
}

const moduleBox = (page, n) => page.getByRole('checkbox', { name: new RegExp(`^Module ${n}\\b`) });
const trainees = (page) => page.getByRole('spinbutton', { name: 'Nombre de stagiaires' });
const coaching = (page) => page.getByRole('spinbutton', { name: "Jours d'accompagnement" });
const certification = (page) => page.getByRole('checkbox', { name: 'Accès à la certification' });
const vatSelect = (page) => page.getByRole('combobox', { name: 'TVA', exact: true });
const fundingSelect = (page) => page.getByRole('combobox', { name: 'Financement' });
const opcoAmount = (page) => page.getByRole('textbox', { name: "Montant pris en charge par l'OPCO" });
const cpfBalance = (page) => page.getByRole('textbox', { name: 'Solde CPF' });
const cpfExempt = (page) => page.getByRole('checkbox', { name: /^Dispensé de la participation forfaitaire/ });
const advice = (page) => page.getByTestId('conseil-parcours-complet');

async function expectTotals(page, { ht, tva, ttc }) {
  await expectFigure(page, 'total-ht', eur(ht));
  await expectFigure(page, 'total-tva', eur(tva));
  await expectFigure(page, 'total-ttc', eur(ttc));
}

/** Switches to the modular formula and ticks exactly `numbers`. */
async function chooseModules(page, numbers) {
  await page.getByRole('radio', { name: 'Parcours modulaire' }).check();
  for (let n = 1; n <= 5; n += 1) {
    if (numbers.includes(n)) await moduleBox(page, n).check();
    else await moduleBox(page, n).uncheck();
  }
  for (let n = 1; n <= 5; n += 1) {
    if (numbers.includes(n)) await expect(moduleBox(page, n)).toBeChecked();
    else await expect(moduleBox(page, n)).not.toBeChecked();
  }
  await expect(page.getByRole('radio', { name: 'Parcours modulaire' })).toBeChecked();
}

test.describe('price simulator', () => {
  test('defaults to the full course for one trainee with certification: 4 500 HT, 900 VAT, 5 400 TTC', async ({ page }) => {
    await openSimulator(page);
    await expect(page.getByRole('radio', { name: 'Parcours complet' })).toBeChecked();
    for (let n = 1; n <= 5; n += 1) await expect(moduleBox(page, n)).toBeChecked();
    await expect(trainees(page)).toHaveValue('1');
    await expect(coaching(page)).toHaveValue('0');
    await expect(certification(page)).toBeChecked();
    await expect(vatSelect(page)).toHaveValue('normale');
    await expect(fundingSelect(page)).toHaveValue('aucun');
    const e = expected({});
    expect(e).toEqual({ ht: 450000, tva: 90000, ttc: 540000 });
    await expectTotals(page, e);
    await expectFigure(page, 'prise-en-charge', '0,00 €');
    await expectFigure(page, 'reste-a-charge', '5 400,00 €');
    await expect(advice(page)).toHaveCount(0);
  });

  test('the full course without certification is 4 000 HT, 800 VAT, 4 800 TTC', async ({ page }) => {
    await openSimulator(page);
    await certification(page).uncheck();
    await expect(page.getByRole('radio', { name: 'Parcours complet' })).toBeChecked();
    const e = expected({ certification: false });
    expect(e).toEqual({ ht: 400000, tva: 80000, ttc: 480000 });
    await expectTotals(page, e);
    await expectFigure(page, 'reste-a-charge', '4 800,00 €');
  });

  for (const n of [1, 2, 3, 4, 5]) {
    test(`module ${n} alone is priced at its modular tariff, without certification`, async ({ page }) => {
      await openSimulator(page);
      await chooseModules(page, [n]);
      await expect(certification(page)).not.toBeChecked();
      const e = expected({ modules: [n] });
      expect(e.ht).toBe(MODULE_HT[n] * 100);
      await expectTotals(page, e);
      await expectFigure(page, 'reste-a-charge', eur(e.ttc));
      await expect(advice(page)).toHaveCount(0);
    });
  }

  test('unticking module 5 of the full course gives modules 1+2+3+4 (4 600 > 4 000) and the advice names the 600,00 € saving and module 5', async ({ page }) => {
    await openSimulator(page);
    await moduleBox(page, 5).uncheck();
    await expect(page.getByRole('radio', { name: 'Parcours modulaire' })).toBeChecked();
    for (const n of [1, 2, 3, 4]) await expect(moduleBox(page, n)).toBeChecked();
    await expect(moduleBox(page, 5)).not.toBeChecked();
    await expect(certification(page)).not.toBeChecked();
    const e = expected({ modules: [1, 2, 3, 4] });
    expect(e.ht).toBe(460000);
    await expectTotals(page, e);
    await expect(advice(page)).toBeVisible();
    const message = await text(advice(page));
    // "600,00 €" on its own, not only as the tail of "4 600,00 €".
    expect(message).toMatch(/(?<!\d )600,00 €/);
    expect(message).toMatch(/module 5/i);
    expect(message).toContain('4 000,00 €');
  });

  test('all five modules à la carte (5 000 HT) show the full-course advice', async ({ page }) => {
    await openSimulator(page);
    await chooseModules(page, [1, 2, 3, 4, 5]);
    const e = expected({ modules: [1, 2, 3, 4, 5] });
    expect(e.ht).toBe(500000);
    await expectTotals(page, e);
    await expect(advice(page)).toBeVisible();
    const message = await text(advice(page));
    expect(message).toMatch(/(?<!\d)1 000,00 €/);
    expect(message).toContain('4 000,00 €');
  });

  test('modules 3+4+5 (3 400 HT, under the full course) show no advice', async ({ page }) => {
    await openSimulator(page);
    await chooseModules(page, [3, 4, 5]);
    const e = expected({ modules: [3, 4, 5] });
    expect(e).toEqual({ ht: 340000, tva: 68000, ttc: 408000 });
    await expectTotals(page, e);
    await expect(advice(page)).toHaveCount(0);
  });

  // Every modular selection, from the price table: those costing at least the full course
  // must show the advice, naming the saving and the modules the full course adds.
  const SUBSETS = Array.from({ length: 31 }, (_, i) => [1, 2, 3, 4, 5].filter((n) => (i + 1) & (1 << (n - 1))));
  const modulesHt = (set) => set.reduce((s, n) => s + MODULE_HT[n], 0);
  const TRIGGERING = SUBSETS.filter((set) => modulesHt(set) >= FULL_COURSE_HT);

  test('the price table matches the catalogue the app was built with and exactly four modular selections reach the full-course price', () => {
    const catalogue = builtCatalogue();
    expect(Object.fromEntries(catalogue.modules.map((m) => [m.number, Number(m.price_ht)]))).toEqual(MODULE_HT);
    expect(Number(catalogue.prices.full_course_ht)).toBe(FULL_COURSE_HT);
    expect(SUBSETS).toHaveLength(31);
    expect(new Set(SUBSETS.map((s) => s.join('+'))).size).toBe(31);
    expect(TRIGGERING.map((s) => s.join('+')).sort()).toEqual(['1+2+3+4', '1+2+3+4+5', '1+3+4+5', '2+3+4+5']);
  });

  for (const set of TRIGGERING) {
    const added = [1, 2, 3, 4, 5].filter((n) => !set.includes(n));
    const saving = modulesHt(set) - FULL_COURSE_HT;
    test(`modules ${set.join('+')} (${modulesHt(set)} HT ≥ 4 000) show the advice: ${saving},00 € saving, adds ${added.length ? `module ${added.join(', ')}` : 'nothing'}`, async ({ page }) => {
      await openSimulator(page);
      await chooseModules(page, set);
      await expect(certification(page)).not.toBeChecked();
      const e = expected({ modules: set });
      expect(e.ht).toBe(modulesHt(set) * 100);
      await expectTotals(page, e);
      await expect(advice(page)).toBeVisible();
      const message = await text(advice(page));
      expect(message).toContain('4 000,00 €');
      expect(message).toContain(eur(e.ht));
      // The saving on its own, not only as the tail of a larger figure.
      expect(message).toMatch(new RegExp(`(?<!\\d )(?<!\\d)${eur(saving * 100)}`));
      // "module 5", or a list such as "modules 1, 2 et 5".
      for (const n of added) expect(message).toMatch(new RegExp(`\\bmodules? (?:[1-5](?:, | et ))*${n}\\b`, 'i'));
      // Modules already chosen are not offered as added.
      if (added.length === 0) expect(message).not.toMatch(/\bmodules? \d/i);
      else for (const n of set) expect(message).not.toMatch(new RegExp(`\\bajoute\\b[^.]*\\b${n}\\b`, 'i'));
    });
  }

  for (const set of [[1, 3, 4], [1, 2, 3, 5]]) {
    test(`modules ${set.join('+')} (${modulesHt(set)} HT, under the full course) show no advice`, async ({ page }) => {
      expect(modulesHt(set)).toBeLessThan(FULL_COURSE_HT);
      expect(TRIGGERING).not.toContainEqual(set);
      await openSimulator(page);
      await chooseModules(page, set);
      await expectTotals(page, expected({ modules: set }));
      await expect(advice(page)).toHaveCount(0);
    });
  }

  test('3 trainees with 2 coaching days each and certification: 19 500 HT, 3 900 VAT, 23 400 TTC', async ({ page }) => {
    await openSimulator(page);
    await trainees(page).fill('3');
    await coaching(page).fill('2');
    await expect(certification(page)).toBeChecked();
    const e = expected({ trainees: 3, coaching: 2 });
    expect(e).toEqual({ ht: 1950000, tva: 390000, ttc: 2340000 });
    await expectTotals(page, e);
    await expectFigure(page, 'reste-a-charge', '23 400,00 €');
  });

  test('a partial OPCO grant is deducted from the TTC and the client pays the rest', async ({ page }) => {
    await openSimulator(page);
    await fundingSelect(page).selectOption('opco');
    await opcoAmount(page).fill('3000');
    const e = expected({});
    await expectTotals(page, e);
    await expectFigure(page, 'prise-en-charge', eur(Math.min(300000, e.ttc)));
    await expectFigure(page, 'reste-a-charge', eur(e.ttc - Math.min(300000, e.ttc)));
    await expectFigure(page, 'prise-en-charge', '3 000,00 €');
    await expectFigure(page, 'reste-a-charge', '2 400,00 €');
    await expect(opcoAmount(page)).toHaveAttribute('aria-invalid', 'false');
  });

  test('an OPCO grant above the TTC is capped at the TTC and leaves nothing to pay', async ({ page }) => {
    await openSimulator(page);
    await fundingSelect(page).selectOption('opco');
    await opcoAmount(page).fill('10 000,00');
    await expectTotals(page, expected({}));
    await expectFigure(page, 'prise-en-charge', '5 400,00 €');
    await expectFigure(page, 'reste-a-charge', '0,00 €');
  });

  test('CPF with a 2 000 € balance: the trainee pays the rest plus the 2026 flat contribution (103,20 €)', async ({ page }) => {
    await openSimulator(page);
    await fundingSelect(page).selectOption('cpf');
    await cpfBalance(page).fill('2000');
    await expect(cpfExempt(page)).not.toBeChecked();
    const e = expected({});
    const funded = Math.min(200000, e.ttc);
    await expectTotals(page, e);
    await expectFigure(page, 'prise-en-charge', eur(funded));
    await expectFigure(page, 'reste-a-charge', eur(e.ttc - funded + cents(CPF_CONTRIBUTION_2026)));
    await expectFigure(page, 'reste-a-charge', '3 503,20 €');
    expect(await text(page.locator('main'))).toContain('103,20 €');
  });

  test('CPF for a trainee exempt from the flat contribution: no contribution on top', async ({ page }) => {
    await openSimulator(page);
    await fundingSelect(page).selectOption('cpf');
    await cpfBalance(page).fill('2000');
    await expectFigure(page, 'reste-a-charge', '3 503,20 €');
    await cpfExempt(page).check();
    await expectFigure(page, 'prise-en-charge', '2 000,00 €');
    await expectFigure(page, 'reste-a-charge', '3 400,00 €');
  });

  test('CPF with 2 trainees is refused next to "Nombre de stagiaires" and the last valid quote stays', async ({ page }) => {
    await openSimulator(page);
    await fundingSelect(page).selectOption('cpf');
    await cpfBalance(page).fill('2000');
    await expectFigure(page, 'reste-a-charge', '3 503,20 €');
    await expect(trainees(page)).toHaveAttribute('aria-invalid', 'false');
    await trainees(page).fill('2');
    await expect(trainees(page)).toHaveAttribute('aria-invalid', 'true');
    // The message is the field's accessible description (aria-describedby).
    await expect(trainees(page)).toHaveAccessibleDescription(/CPF/);
    const describedBy = await trainees(page).getAttribute('aria-describedby');
    const message = page.locator(describedBy.split(/\s+/).map((id) => `[id="${id}"]`).join(', '));
    await expect(message).toContainText(/CPF/);
    await expect(message).toBeVisible();
    // The last valid quote (one trainee) stays on screen.
    await expectTotals(page, expected({}));
    await expectFigure(page, 'prise-en-charge', '2 000,00 €');
    await expectFigure(page, 'reste-a-charge', '3 503,20 €');
    // Back to one trainee: the error goes away.
    await trainees(page).fill('1');
    await expect(trainees(page)).toHaveAttribute('aria-invalid', 'false');
  });

  test('VAT exempt: no VAT, TTC = HT and the article 261-4-4° a du CGI mention', async ({ page }) => {
    await openSimulator(page);
    await expect(vatSelect(page).locator('option').first()).toHaveText('20 % (taux normal)');
    await vatSelect(page).selectOption({ label: 'Exonérée (art. 261-4-4° a du CGI)' });
    await expect(vatSelect(page)).toHaveValue('exoneree');
    await expectTotals(page, expected({ exempt: true }));
    await expectFigure(page, 'total-tva', '0,00 €');
    await expectFigure(page, 'total-ttc', '4 500,00 €');
    await expectFigure(page, 'reste-a-charge', '4 500,00 €');
    await expect(page.locator('main').getByText(/article 261-4-4° a du CGI/).locator('visible=true')).toHaveCount(1);
    // Back to 20 %: the mention goes.
    await vatSelect(page).selectOption('normale');
    await expectFigure(page, 'total-ttc', '5 400,00 €');
    await expect(page.locator('main').getByText(/article 261-4-4° a du CGI/).locator('visible=true')).toHaveCount(0);
  });

  test('an invalid number of trainees (0, then 51) shows a message and keeps the last total', async ({ page }) => {
    await openSimulator(page);
    await trainees(page).fill('2');
    const two = expected({ trainees: 2 });
    await expectTotals(page, two);
    for (const bad of ['0', '51']) {
      await trainees(page).fill(bad);
      await expect(trainees(page)).toHaveAttribute('aria-invalid', 'true');
      await expect(trainees(page)).toHaveAccessibleDescription(/\S/);
      const describedBy = await trainees(page).getAttribute('aria-describedby');
      const message = page.locator(describedBy.split(/\s+/).map((id) => `[id="${id}"]`).join(', '));
      await expect(message).toContainText('50');
      await expectTotals(page, two);
    }
    await trainees(page).fill('3');
    await expect(trainees(page)).toHaveAttribute('aria-invalid', 'false');
    await expectTotals(page, expected({ trainees: 3 }));
  });

  test('"Simuler le coût de ce module" on the module 3 page opens the simulator with module 3 only', async ({ page }) => {
    await open(page);
    await page.getByRole('link', { name: /^Module 3 :/ }).click();
    await expect(page).toHaveURL(urlOf('module/3'));
    await page.getByRole('link', { name: 'Simuler le coût de ce module' }).click();
    await expect(page).toHaveURL(urlOf('simulateur?module=3'));
    await expect(page.getByRole('radio', { name: 'Parcours modulaire' })).toBeChecked();
    await expect(moduleBox(page, 3)).toBeChecked();
    for (const n of [1, 2, 4, 5]) await expect(moduleBox(page, n)).not.toBeChecked();
    await expectFigure(page, 'total-ht', '1 500,00 €');
    await expectTotals(page, expected({ modules: [3] }));
  });

  test('the simulator has no axe violation, by default and with the OPCO field and an error shown', async ({ page }) => {
    await openSimulator(page);
    await expectFigure(page, 'total-ht', '4 500,00 €');
    await expectNoAxeViolation(page);
    await fundingSelect(page).selectOption('opco');
    await opcoAmount(page).fill('abc');
    await expect(opcoAmount(page)).toHaveAttribute('aria-invalid', 'true');
    await trainees(page).fill('0');
    await expect(trainees(page)).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolation(page);
  });
});
