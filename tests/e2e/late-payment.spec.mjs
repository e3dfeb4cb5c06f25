// The late-payment calculator (`/penalites`), driven by its French labels; results read by
// data-testid. Expected figures are computed here from the SPEC rules, in integers:
// - days late: from the day after the due date to the payment date, inclusive;
// - CGV: 1,5 × the legal rate of each half-year the delay runs through (creditor other than
//   an individual: Co&Sens is a company), pro rata temporis on the days of that year;
// - business client: the Code de commerce floor of 3 × the legal rate, plus 40 € indemnity;
// - rates (other creditor): 2025 S1 3,71 %, 2025 S2 2,76 %, 2026 S1 2,62 %; 2026 S2 absent:
//   the screen asks for the rate of each half-year of the delay missing from the data.
// Each half-year's interest is rounded half away from zero to the cent.
import { test, expect, openVia, eur, expectFigure, expectNoAxeViolation, text, texts, unfold } from './fixtures.mjs';

/**
 * Interest in cents: amount × (multiplier × rate) × days / yearLength, rounded half up (all
 * positive). `multiplierHalves` is the multiplier × 2 (3 for 1,5; 6 for 3), `rateBp` the legal
 * rate in hundredths of a percent (262 for 2,62 %), so everything stays an exact integer.
 */
function interestCents(amountCents, multiplierHalves, rateBp, days, yearLength) {
  const num = amountCents * multiplierHalves * rateBp * days;
  const den = 2 * 10_000 * yearLength;
  return Math.floor((2 * num + den) / (2 * den));
}

async function openLatePayment(page) {
  await openVia(page, 'Pénalités de retard', 'penalites');
  await expect(page.getByRole('heading', { level: 1, name: 'Pénalités de retard' })).toBeVisible();
}

/** Expects the table of half-years to hold exactly `expected`: each row's cells, as text. */
async function expectPeriods(page, expected) {
  await unfold(page, 'Détail par semestre');
  const rows = page.getByTestId('penalites-periodes').locator('tbody tr');
  await expect(rows).toHaveCount(expected.length);
  for (const [i, cells] of expected.entries()) expect(await texts(rows.nth(i).locator('th, td'))).toEqual(cells);
}

async function fillCase(page, { amount, due, paid, client = 'Particulier' }) {
  await page.getByLabel('Montant dû', { exact: true }).fill(amount);
  await page.getByLabel("Date d'échéance", { exact: true }).fill(due);
  await page.getByLabel('Date de paiement', { exact: true }).fill(paid);
  await page.getByLabel('Type de client', { exact: true }).selectOption({ label: client });
}

test.describe('late-payment calculator', () => {
  test('an individual client: 1 000 € paid 30 days late in 2026 S1 at 1,5 × 2,62 % → 3,23 €', async ({ page }) => {
    // Due Sat 31 January 2026, paid Mon 2 March: 1 Feb–2 March = 28 + 2 = 30 days, all in
    // 2026 S1 (365-day year). 1 000 × 3,93 % × 30 / 365 = 1 179 / 365 = 3,2301… → 3,23 €.
    const cents = interestCents(100_000, 3, 262, 30, 365);
    expect(cents).toBe(323);
    await openLatePayment(page);
    await fillCase(page, { amount: '1 000,00', due: '2026-01-31', paid: '2026-03-02' });
    await expectFigure(page, 'penalites-jours', '30');
    await expectFigure(page, 'penalites-interets', eur(cents));
    await expectFigure(page, 'penalites-indemnite', '0,00 €');
    await expectFigure(page, 'penalites-total', '3,23 €');
    await expect(page.getByTestId('penalites-multiplicateur')).toContainText('1,5 × le taux');
    await expect(page.getByTestId('penalites-multiplicateur')).not.toContainText('plancher');
  });

  test('a business client: 3 × the legal rate (Code de commerce floor) and the 40 € indemnity, with why', async ({ page }) => {
    // Same delay: 1 000 × 7,86 % × 30 / 365 = 2 358 / 365 = 6,4602… → 6,46 €; + 40,00 € = 46,46 €.
    const cents = interestCents(100_000, 6, 262, 30, 365);
    expect(cents).toBe(646);
    await openLatePayment(page);
    await fillCase(page, { amount: '1000', due: '2026-01-31', paid: '2026-03-02', client: 'Professionnel (entreprise)' });
    await expectFigure(page, 'penalites-jours', '30');
    await expectFigure(page, 'penalites-interets', eur(cents));
    await expectFigure(page, 'penalites-indemnite', '40,00 €');
    await expectFigure(page, 'penalites-total', eur(cents + 4000));
    await expectFigure(page, 'penalites-total', '46,46 €');
    await expect(page.getByTestId('penalites-multiplicateur')).toContainText('3 × le taux');
    await expect(page.getByTestId('penalites-multiplicateur')).toContainText('plancher du Code de commerce');
    const explain = page.locator('ul.explain');
    await expect(explain).toContainText('L441-10');
    await expect(explain).toContainText('indemnité forfaitaire');
  });

  test('a delay spanning two half-years uses each half-year\'s rate', async ({ page }) => {
    // 4 800 € due Sun 15 June 2025, paid Tue 15 July 2025 (individual client):
    // 2025 S1: 16–30 June = 15 days at 1,5 × 3,71 % = 5,565 % → 4 800 × 0,05565 × 15 / 365
    //   = 4 006,8 / 365 = 10,9775… → 10,98 €;
    // 2025 S2: 1–15 July = 15 days at 1,5 × 2,76 % = 4,14 % → 4 800 × 0,0414 × 15 / 365
    //   = 2 980,8 / 365 = 8,1666… → 8,17 €. Total 19,15 €.
    const s1 = interestCents(480_000, 3, 371, 15, 365);
    const s2 = interestCents(480_000, 3, 276, 15, 365);
    expect([s1, s2]).toEqual([1098, 817]);
    await openLatePayment(page);
    await fillCase(page, { amount: '4 800', due: '2025-06-15', paid: '2025-07-15' });
    await expectFigure(page, 'penalites-jours', '30');
    await expectFigure(page, 'penalites-interets', eur(s1 + s2));
    await expectFigure(page, 'penalites-total', '19,15 €');
    await expectPeriods(page, [
      ['1er semestre 2025', 'lundi 16 juin 2025', 'lundi 30 juin 2025', '15', '365', '3,71 %', '5,565 %', '10,98 €'],
      ['2e semestre 2025', 'mardi 1er juillet 2025', 'mardi 15 juillet 2025', '15', '365', '2,76 %', '4,14 %', '8,17 €'],
    ]);
  });

  test('a leap year divides by 366', async ({ page }) => {
    // 10 000 € due Fri 31 May 2024, paid Sun 30 June 2024: 30 days in 2024 S1 (366 days) at
    // 1,5 × 5,07 % = 7,605 % → 10 000 × 0,07605 × 30 / 366 = 22 815 / 366 = 62,336… → 62,34 €
    // (over 365 days it would be 22 815 / 365 = 62,5068… → 62,51 €).
    const cents = interestCents(1_000_000, 3, 507, 30, 366);
    expect(cents).toBe(6234);
    await openLatePayment(page);
    await fillCase(page, { amount: '10 000', due: '2024-05-31', paid: '2024-06-30' });
    await expectFigure(page, 'penalites-jours', '30');
    await expectFigure(page, 'penalites-total', eur(cents));
    await expectFigure(page, 'penalites-total', '62,34 €');
    await expect(page.getByTestId('penalites-periodes').locator('tbody tr td').nth(3)).toHaveText('366');
  });

  test('paid on the due date: no penalty', async ({ page }) => {
    await openLatePayment(page);
    await fillCase(page, { amount: '1000', due: '2026-03-02', paid: '2026-03-02', client: 'Professionnel (entreprise)' });
    await expectFigure(page, 'penalites-jours', '0');
    await expectFigure(page, 'penalites-interets', '0,00 €');
    await expectFigure(page, 'penalites-indemnite', '0,00 €');
    await expectFigure(page, 'penalites-total', '0,00 €');
  });

  test('a half-year missing from the data (2026 S2) gives a clear message, not a figure', async ({ page }) => {
    await openLatePayment(page);
    await fillCase(page, { amount: '1000', due: '2026-01-31', paid: '2026-03-02' });
    await expectFigure(page, 'penalites-total', '3,23 €');
    // Due Sat 20 June 2026, paid Fri 10 July 2026: the delay runs into 2026 S2, whose rate the
    // data file does not hold.
    await page.getByLabel("Date d'échéance", { exact: true }).fill('2026-06-20');
    await page.getByLabel('Date de paiement', { exact: true }).fill('2026-07-10');
    const error = page.getByTestId('penalites-erreur');
    await expect(error).toBeVisible();
    await expect(error).toContainText('2e semestre 2026');
    await expect(error).toContainText(/absent/);
    // No stale figure stays next to the message.
    await expect(page.getByTestId('penalites-total')).toHaveCount(0);
    // Back inside the data: the figures return and the message goes.
    await page.getByLabel('Date de paiement', { exact: true }).fill('2026-06-30');
    await expectFigure(page, 'penalites-jours', '10');
    await expect(error).toHaveCount(0);
  });

  test('the data end at 2026 S1: the rate of 2026 S2 is asked for, typed, and said to be typed', async ({ page }) => {
    // 10 000 € due Mon 15 June 2026, paid Wed 30 September 2026 (individual client), 3,5 %
    // typed for 2026 S2:
    // 2026 S1: 16–30 June = 15 days at 1,5 × 2,62 % = 3,93 % → 10 000 × 0,0393 × 15 / 365
    //   = 5 895 / 365 = 16,1506… → 16,15 €;
    // 2026 S2: 1 July–30 September = 31 + 31 + 30 = 92 days at 1,5 × 3,5 % = 5,25 %
    //   → 10 000 × 0,0525 × 92 / 365 = 48 300 / 365 = 132,3287… → 132,33 €. Total 148,48 €.
    const s1 = interestCents(1_000_000, 3, 262, 15, 365);
    const s2 = interestCents(1_000_000, 3, 350, 92, 365);
    expect([s1, s2]).toEqual([1615, 13233]);
    await openLatePayment(page);
    await expect(page.getByText("Taux d'intérêt légal connus jusqu'au 1er semestre 2026.", { exact: true })).toBeVisible();
    await fillCase(page, { amount: '10 000', due: '2026-06-15', paid: '2026-09-30' });
    const rate = page.getByLabel("Taux d'intérêt légal du 2e semestre 2026 (%)", { exact: true });
    await expect(rate).toBeVisible();
    // Only the missing half-year is asked for; the screen says it is missing.
    await expect(page.getByLabel(/^Taux d'intérêt légal du /)).toHaveCount(1);
    await expect(page.locator('#aide-taux-saisis')).toContainText('Journal officiel');
    await expect(page.locator('#aide-taux-saisis')).toContainText('Banque de France');
    const error = page.getByTestId('penalites-erreur');
    await expect(error).toContainText('2e semestre 2026');
    await expect(page.getByTestId('penalites-total')).toHaveCount(0);

    // Not a percentage: a message on the field, still no figure.
    await rate.fill('3,5 pour cent');
    await expect(page.locator('#erreur-taux-2026-s2')).toContainText('Taux invalide');
    await expect(rate).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('penalites-total')).toHaveCount(0);
    await expectNoAxeViolation(page);

    // 3,5 with a French decimal comma: the figures, and the typed rate named.
    await rate.fill('3,5');
    await expectFigure(page, 'penalites-total', eur(s1 + s2));
    await expectFigure(page, 'penalites-total', '148,48 €');
    await expectFigure(page, 'penalites-jours', '107');
    await expect(rate).toHaveAttribute('aria-invalid', 'false');
    await expect(page.locator('#erreur-taux-2026-s2')).toHaveText('');
    await expect(error).toHaveCount(0);
    await unfold(page, 'Explications');
    await expect.poll(() => text(page.locator('ul.explain')))
      .toContain("Taux d'intérêt légal saisi : 3,5 % pour le 2e semestre 2026, absent du fichier de données.");
    await expectPeriods(page, [
      ['1er semestre 2026', 'mardi 16 juin 2026', 'mardi 30 juin 2026', '15', '365', '2,62 %', '3,93 %', '16,15 €'],
      ['2e semestre 2026', 'mercredi 1er juillet 2026', 'mercredi 30 septembre 2026', '92', '365', '3,5 % (saisi)', '5,25 %', '132,33 €'],
    ]);
    await expectNoAxeViolation(page);
  });

  test('a delay over 2026 S2 and 2027 S1 asks for both rates', async ({ page }) => {
    // 1 000 € due Sun 20 December 2026, paid Sun 10 January 2027 (individual client):
    // 2026 S2: 21–31 December = 11 days at 1,5 × 3,5 % = 5,25 % → 1 000 × 0,0525 × 11 / 365
    //   = 577,5 / 365 = 1,5821… → 1,58 €;
    // 2027 S1: 1–10 January = 10 days at 1,5 × 3 % = 4,5 % → 1 000 × 0,045 × 10 / 365
    //   = 450 / 365 = 1,2328… → 1,23 €. Total 2,81 €.
    const s2 = interestCents(100_000, 3, 350, 11, 365);
    const s1 = interestCents(100_000, 3, 300, 10, 365);
    expect([s2, s1]).toEqual([158, 123]);
    await openLatePayment(page);
    await fillCase(page, { amount: '1000', due: '2026-12-20', paid: '2027-01-10' });
    await expect(page.getByLabel(/^Taux d'intérêt légal du /)).toHaveCount(2);
    await expect(page.getByTestId('penalites-erreur')).toContainText('2e semestre 2026');
    await expect(page.getByTestId('penalites-erreur')).toContainText('1er semestre 2027');
    await page.getByLabel("Taux d'intérêt légal du 2e semestre 2026 (%)", { exact: true }).fill('3,5');
    // One still missing: named alone, no figure.
    await expect(page.getByTestId('penalites-erreur')).not.toContainText('2e semestre 2026');
    await expect(page.getByTestId('penalites-total')).toHaveCount(0);
    await page.getByLabel("Taux d'intérêt légal du 1er semestre 2027 (%)", { exact: true }).fill('3 %');
    await expectFigure(page, 'penalites-total', eur(s2 + s1));
    await expectFigure(page, 'penalites-total', '2,81 €');
    await expect(page.getByTestId('penalites-erreur')).toHaveCount(0);
  });

  test('on its default payment date (today), a delay after the data asks for the rate instead of failing', async ({ page }) => {
    // The payment date defaults to today: 30 November 2026 here, after the data (2026 S1).
    await page.clock.setFixedTime(new Date('2026-11-30T12:00:00+01:00'));
    await openLatePayment(page);
    await expect(page.getByLabel('Date de paiement', { exact: true })).toHaveValue('2026-11-30');
    await page.getByLabel('Montant dû', { exact: true }).fill('1000');
    await page.getByLabel("Date d'échéance", { exact: true }).fill('2026-06-15');
    const rate = page.getByLabel("Taux d'intérêt légal du 2e semestre 2026 (%)", { exact: true });
    await expect(rate).toBeVisible();
    await rate.fill('3,5');
    await expect(page.getByTestId('penalites-total')).toBeVisible();
    await expect(page.getByTestId('penalites-erreur')).toHaveCount(0);
  });

  test('a date out of the calendar gives a message, never a crash', async ({ page }) => {
    await openLatePayment(page);
    await fillCase(page, { amount: '1000', due: '2300-01-31', paid: '2026-03-02' });
    await expect(page.locator('#erreur-date-echeance')).toContainText('Date invalide');
    await expect(page.getByLabel("Date d'échéance", { exact: true })).toHaveAttribute('aria-invalid', 'true');
  });

  test('has no axe violation with a business result and its half-years shown', async ({ page }) => {
    await openLatePayment(page);
    await fillCase(page, { amount: '4 800', due: '2025-06-15', paid: '2025-07-15', client: 'Professionnel (entreprise)' });
    await unfold(page, 'Détail par semestre');
    await unfold(page, 'Explications');
    await expect(page.getByTestId('penalites-periodes')).toBeVisible();
    await expectNoAxeViolation(page);
  });

  test('has no axe violation with the missing-rate message shown', async ({ page }) => {
    await openLatePayment(page);
    await fillCase(page, { amount: '1000', due: '2026-06-20', paid: '2026-07-10' });
    await expect(page.getByTestId('penalites-erreur')).toBeVisible();
    await expectNoAxeViolation(page);
  });
});
