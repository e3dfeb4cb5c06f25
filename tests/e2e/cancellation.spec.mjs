// The cancellation-fee calculator (`/annulation`), driven by its French labels; results read
// by data-testid. Every expected figure is worked out here from the SPEC rules, by hand (in
// the comments) and, for the day counts, by a small reference counter below that shares no
// code with the app:
// - n = jours ouvrables (Monday–Saturday, not a public holiday) strictly between the
//   notification date and the start date (neither counts);
// - client cancels before the start: n > 15 → 0 %, 7 ≤ n ≤ 15 → 50 %, n ≤ 6 → 100 % of the
//   HT price; VAT 20 % on the fee, rounded half away from zero to the cent; TTC = HT + VAT;
// - postpone/replace free with at least 7 calendar days strictly between; OPCO agreement
//   with at least 1 jour ouvrable between; Co&Sens adjourns at the latest a week before.
import { test, expect, openVia, openSimulator, goVia, expectFigure, expectNoAxeViolation, text, texts, unfold } from './fixtures.mjs';

// 2026's public holidays. Easter Sunday 2026 by the Gregorian computus (Meeus/Jones/Butcher):
// a = 2026 mod 19 = 12, b = 20, c = 26, d = 5, e = 0, f = 1, g = 6,
// h = (19·12 + 20 − 5 − 6 + 15) mod 30 = 12, i = 6, k = 2, l = (32 + 0 + 12 − 12 − 2) mod 7 = 2,
// m = 0, month = (12 + 2 + 114) div 31 = 4, day = 128 mod 31 + 1 = 5 → Sunday 5 April 2026.
// Easter Monday 6 April, Ascension (+39) Thursday 14 May, Whit Monday (+50) Monday 25 May.
const HOLIDAYS_2026 = new Set([
  '2026-01-01', '2026-04-06', '2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25',
  '2026-07-14', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25',
]);

const day = (iso) => new Date(`${iso}T00:00:00Z`);
const iso = (d) => d.toISOString().slice(0, 10);

/** Reference count (2026 only): jours ouvrables strictly between `notified` and `start`. */
function ouvrablesBetween(notified, start) {
  let n = 0;
  for (let d = day(notified); ; ) {
    d = new Date(d.getTime() + 86_400_000);
    if (d >= day(start)) return n;
    if (d.getUTCDay() !== 0 && !HOLIDAYS_2026.has(iso(d))) n += 1;
  }
}

async function openCancellation(page) {
  await openVia(page, 'Annulation', 'annulation');
  await expect(page.getByRole('heading', { level: 1, name: "Frais d'annulation" })).toBeVisible();
}

const startDate = (page) => page.getByLabel('Date de début de la formation', { exact: true });
const notifiedDate = (page) => page.getByLabel('Date de notification', { exact: true });
const amount = (page) => page.getByLabel('Montant HT', { exact: true });
const who = (page) => page.getByLabel('Qui annule ?', { exact: true });
const funding = (page) => page.getByLabel('Financement', { exact: true });

async function fillCase(page, { start, notified, ht }) {
  await startDate(page).fill(start);
  await notifiedDate(page).fill(notified);
  if (ht !== undefined) await amount(page).fill(ht);
}

test.describe('cancellation-fee calculator', () => {
  // SPEC's worked examples, start Tuesday 26 May 2026 (May 2026 starts on a Friday):
  // - notified Sun 3 May: 4–25 May = 22 days − 3 Sundays (10, 17, 24) − 3 holidays
  //   (Fri 8, Thu 14, Mon 25) = 16 → 0 %;
  // - Mon 4 May: 5–25 May = 21 − 3 − 3 = 15 → 50 %;
  // - Fri 15 May: 16–25 May = 10 − 2 Sundays (17, 24) − 1 (25) = 7 → 50 %;
  // - Sat 16 May: 17–25 May = 9 − 2 − 1 = 6 → 100 %.
  // Fees on 4 000 € HT: 0 % → 0; 50 % → 2 000,00 HT, 400,00 VAT, 2 400,00 TTC;
  // 100 % → 4 000,00 HT, 800,00 VAT, 4 800,00 TTC.
  const worked = [
    { notified: '2026-05-03', n: 16, rate: '0 %', ht: '0,00 €', tva: '0,00 €', ttc: '0,00 €' },
    { notified: '2026-05-04', n: 15, rate: '50 %', ht: '2 000,00 €', tva: '400,00 €', ttc: '2 400,00 €' },
    { notified: '2026-05-15', n: 7, rate: '50 %', ht: '2 000,00 €', tva: '400,00 €', ttc: '2 400,00 €' },
    { notified: '2026-05-16', n: 6, rate: '100 %', ht: '4 000,00 €', tva: '800,00 €', ttc: '4 800,00 €' },
  ];
  for (const w of worked) {
    test(`start Tue 26 May 2026, notified ${w.notified}: ${w.n} jours ouvrables, ${w.rate} of 4 000 € HT`, async ({ page }) => {
      expect(ouvrablesBetween(w.notified, '2026-05-26')).toBe(w.n);
      await openCancellation(page);
      await fillCase(page, { start: '2026-05-26', notified: w.notified, ht: '4 000' });
      await expectFigure(page, 'jours-ouvrables', String(w.n));
      await expectFigure(page, 'taux-frais', w.rate);
      await expectFigure(page, 'frais-ht', w.ht);
      await expectFigure(page, 'frais-tva', w.tva);
      await expectFigure(page, 'frais-ttc', w.ttc);
    });
  }

  test('the deadlines for a start on Tue 26 May 2026 are shown in French', async ({ page }) => {
    // Sans frais: the last day leaving 16 → Sun 3 May (Mon 4 May leaves 15).
    // 50 %: the last day leaving 7 → Fri 15 May (Sat 16 leaves 6).
    // Report: 7 calendar days strictly between → 26 − N − 1 ≥ 7 → N ≤ 18 → Mon 18 May.
    // OPCO: one jour ouvrable between → Fri 22 May leaves Sat 23 (Sun 24, Whit Monday 25 do
    // not count); Sat 23 leaves none. Ajournement: a week before → Tue 19 May.
    expect(ouvrablesBetween('2026-05-22', '2026-05-26')).toBe(1);
    expect(ouvrablesBetween('2026-05-23', '2026-05-26')).toBe(0);
    await openCancellation(page);
    await fillCase(page, { start: '2026-05-26', notified: '2026-05-04', ht: '4000' });
    await expectFigure(page, 'date-limite-sans-frais', 'dimanche 3 mai 2026');
    await expectFigure(page, 'date-limite-50', 'vendredi 15 mai 2026');
    await expectFigure(page, 'date-limite-report', 'lundi 18 mai 2026');
    await expectFigure(page, 'date-limite-opco', 'vendredi 22 mai 2026');
    await expectFigure(page, 'date-limite-ajournement', 'mardi 19 mai 2026');
    await expect(page.getByText(/Pour un démarrage le mardi 26 mai 2026/).first()).toBeVisible();
  });

  test('a typed amount with cents: 1 234,56 € at 50 % → 617,28 HT, 123,46 VAT, 740,74 TTC', async ({ page }) => {
    // 123 456 cents × 50 % = 61 728 → 617,28; VAT 20 % = 12 345,6 cents → 123,46 (half away
    // from zero); TTC 617,28 + 123,46 = 740,74.
    await openCancellation(page);
    await fillCase(page, { start: '2026-05-26', notified: '2026-05-10', ht: '1 234,56' });
    // 11–25 May: 15 days − Sundays 17, 24 − Thu 14, Mon 25 = 11 → 50 %.
    expect(ouvrablesBetween('2026-05-10', '2026-05-26')).toBe(11);
    await expectFigure(page, 'jours-ouvrables', '11');
    await expectFigure(page, 'taux-frais', '50 %');
    await expectFigure(page, 'frais-ht', '617,28 €');
    await expectFigure(page, 'frais-tva', '123,46 €');
    await expectFigure(page, 'frais-ttc', '740,74 €');
  });

  test('a span over Easter leaves out Easter Monday (6 April 2026): 16 → 0 %, then 15 → 50 %', async ({ page }) => {
    // Start Tue 21 April 2026. Notified Tue 31 March: 1–20 April = 20 days − Sundays 5, 12, 19
    // − Easter Monday 6 = 16 → no fee. Notified Wed 1 April: 2–20 April = 19 − 3 − 1 = 15 → 50 %
    // (it would be 16, no fee, if Easter Monday counted).
    expect(ouvrablesBetween('2026-03-31', '2026-04-21')).toBe(16);
    expect(ouvrablesBetween('2026-04-01', '2026-04-21')).toBe(15);
    await openCancellation(page);
    await fillCase(page, { start: '2026-04-21', notified: '2026-03-31', ht: '4000' });
    await expectFigure(page, 'jours-ouvrables', '16');
    await expectFigure(page, 'taux-frais', '0 %');
    await notifiedDate(page).fill('2026-04-01');
    await expectFigure(page, 'jours-ouvrables', '15');
    await expectFigure(page, 'taux-frais', '50 %');
    await expectFigure(page, 'frais-ht', '2 000,00 €');
    // Sans frais until Tue 31 March; 50 % until the last day leaving 7: Sun 12 April leaves
    // 13–20 April = 8 − Sunday 19 = 7 (Mon 13 leaves 6). Report: N ≤ 21 − 8 = 13 → Mon 13
    // April. OPCO: Sun 19 leaves Mon 20 → 1. Ajournement: Tue 14 April.
    expect(ouvrablesBetween('2026-04-12', '2026-04-21')).toBe(7);
    expect(ouvrablesBetween('2026-04-13', '2026-04-21')).toBe(6);
    await expectFigure(page, 'date-limite-sans-frais', 'mardi 31 mars 2026');
    await expectFigure(page, 'date-limite-50', 'dimanche 12 avril 2026');
    await expectFigure(page, 'date-limite-report', 'lundi 13 avril 2026');
    await expectFigure(page, 'date-limite-opco', 'dimanche 19 avril 2026');
    await expectFigure(page, 'date-limite-ajournement', 'mardi 14 avril 2026');
    // The days counted are listed, Easter Monday among the holidays left out.
    const counted = page.locator('details.counted-days');
    await counted.getByText('Voir les jours comptés').click();
    const days = await texts(counted.locator('ol.counted-list li'));
    expect(days).toHaveLength(15);
    expect(days[0]).toBe('jeudi 2 avril 2026');
    expect(days.at(-1)).toBe('lundi 20 avril 2026');
    expect(days).not.toContain('lundi 6 avril 2026');
    expect(days.filter((d) => d.startsWith('dimanche'))).toEqual([]);
    await expect(counted.getByText(/Lundi de Pâques — lundi 6 avril 2026/)).toBeVisible();
  });

  test('postponing or replacing a trainee is free up to 7 calendar days before, not after', async ({ page }) => {
    // Start 26 May. Notified Mon 18 May: 19–25 May = 7 calendar days → still free.
    // Notified Tue 19 May: 20–25 = 6 → no longer free.
    await openCancellation(page);
    await fillCase(page, { start: '2026-05-26', notified: '2026-05-18', ht: '4000' });
    await expectFigure(page, 'date-limite-report', 'lundi 18 mai 2026');
    await expect(page.getByText(/le report ou le remplacement du stagiaire reste possible sans frais, sous réserve de l'accord de l'OPCO/)).toBeVisible();
    await notifiedDate(page).fill('2026-05-19');
    await expect(page.getByText(/le report ou le remplacement sans frais n'est plus possible/)).toBeVisible();
    await expectFigure(page, 'date-limite-report', 'lundi 18 mai 2026');
  });

  test('notified on or after the start: started modules are due in full, the rest follows the bands, absences never go to the OPCO', async ({ page }) => {
    // Start Tue 26 May 2026, notified Wed 10 June, OPCO funding. The catalogue's split of
    // 4 000 € by module days (1, 1, 2, 2, 0,5 of 6,5): 615,39 / 615,38 / 1 230,77 / 1 230,77 /
    // 307,69. Module starts: M1 Tue 26 May, M2 Tue 2 June, M3 Tue 9 June, M4 Tue 23 June,
    // M5 Tue 7 July.
    // - M1 (1 day) and M2 (1 day): attended in full before 10 June → 615,39 + 615,38 attended.
    // - M3 (2 days from 9 June): 9 June attended, 10 June not → 1 of 2 days; 1 230,77 split
    //   1:1 by largest remainder, the odd cent to the first → 615,39 attended, 615,38 absence.
    // - M4 not started: 11–22 June = 12 days − Sundays 14, 21 = 10 → 50 % → 615,385 → 615,39.
    // - M5 not started: 11 June–6 July = 26 days − Sundays 14, 21, 28 June, 5 July = 22 → 0 %.
    // Attended 615,39 + 615,38 + 615,39 = 1 846,16; client only 615,38 + 615,39 = 1 230,77;
    // due 3 076,93 HT (= 76,92 % of 4 000, 0,7692325 to four places); VAT 615,386 → 615,39;
    // TTC 3 692,32. The OPCO can fund the attended days only: 1 846,16.
    await openCancellation(page);
    await funding(page).selectOption({ label: 'OPCO' });
    await fillCase(page, { start: '2026-05-26', notified: '2026-06-10', ht: '4000' });
    await expect(page.getByRole('group', { name: 'Modules (absence ou interruption)' })).toBeVisible();
    const split = ['615,39', '615,38', '1230,77', '1230,77', '307,69'];
    for (let n = 1; n <= 5; n += 1) {
      await expect(page.getByLabel(`Montant du module ${n} (HT)`, { exact: true })).toHaveValue(split[n - 1]);
    }
    const starts = ['2026-05-26', '2026-06-02', '2026-06-09', '2026-06-23', '2026-07-07'];
    for (let n = 1; n <= 5; n += 1) {
      await page.getByLabel(`Début du module ${n}`, { exact: true }).fill(starts[n - 1]);
    }
    expect(ouvrablesBetween('2026-06-10', '2026-06-23')).toBe(10);
    expect(ouvrablesBetween('2026-06-10', '2026-07-07')).toBe(22);
    await expectFigure(page, 'frais-ht', '3 076,93 €');
    await expectFigure(page, 'taux-frais', '76,92 %');
    await expectFigure(page, 'frais-tva', '615,39 €');
    await expectFigure(page, 'frais-ttc', '3 692,32 €');
    await expectFigure(page, 'part-suivie', '1 846,16 €');
    await expectFigure(page, 'part-client', '1 230,77 €');
    await expectFigure(page, 'part-opco', '1 846,16 €');
    await expectFigure(page, 'jours-ouvrables', '0');
    const rows = page.getByTestId('modules-interruption').locator('tbody tr');
    await expect(rows).toHaveCount(5);
    await expect(rows.nth(2)).toContainText('Commencé');
    await expect(rows.nth(3)).toContainText(/Pas commencé : 10 jours ouvrables avant, frais de 50\s%/);
    await expect(rows.nth(4)).toContainText(/Pas commencé : 22 jours ouvrables avant, frais de 0\s%/);
  });

  test('notified on the start day without module detail: the whole booking is due', async ({ page }) => {
    // Notified Tue 26 May for a start Tue 26 May, the module amounts set to 0 (not booked),
    // then « Montant HT » typed (with no line booked, the lines stay at 0): the training is
    // one block started that day → 100 % of 4 000 → 4 000,00 HT, 800,00 VAT, 4 800,00 TTC;
    // nothing between the two dates.
    await openCancellation(page);
    await fillCase(page, { start: '2026-05-26', notified: '2026-05-26' });
    for (let n = 1; n <= 5; n += 1) await page.getByLabel(`Montant du module ${n} (HT)`, { exact: true }).fill('0');
    await amount(page).fill('4000');
    await expect(page.getByLabel('Montant du module 1 (HT)', { exact: true })).toHaveValue('0');
    await expectFigure(page, 'taux-frais', '100 %');
    await expectFigure(page, 'frais-ht', '4 000,00 €');
    await expectFigure(page, 'frais-tva', '800,00 €');
    await expectFigure(page, 'frais-ttc', '4 800,00 €');
    await expectFigure(page, 'jours-ouvrables', '0');
  });

  test('Co&Sens adjourns for lack of participants: nothing is owed', async ({ page }) => {
    // Notified Sat 16 May would cost the client 100 % (n = 6); adjourned by Co&Sens → 0.
    await openCancellation(page);
    await fillCase(page, { start: '2026-05-26', notified: '2026-05-16', ht: '4000' });
    await expectFigure(page, 'taux-frais', '100 %');
    await who(page).selectOption({ label: 'Co&Sens ajourne faute de participants' });
    await expectFigure(page, 'taux-frais', '0 %');
    await expectFigure(page, 'frais-ht', '0,00 €');
    await expectFigure(page, 'frais-ttc', '0,00 €');
    await expect(page.getByTestId('reponse-annulation')).toContainText("Rien n'est dû");
    await expectFigure(page, 'date-limite-ajournement', 'mardi 19 mai 2026');
  });

  test('CPF funding: the Mon Compte Formation terms apply, no fee is computed', async ({ page }) => {
    await openCancellation(page);
    await fillCase(page, { start: '2026-05-26', notified: '2026-05-16', ht: '4000' });
    await expectFigure(page, 'frais-ht', '4 000,00 €');
    await funding(page).selectOption({ label: 'CPF (Mon Compte Formation)' });
    const cpf = page.getByTestId('annulation-cpf');
    await expect(cpf).toBeVisible();
    await expect(cpf).toContainText('Mon Compte Formation');
    await expect(cpf).toContainText('aucun montant');
    await expect(page.getByTestId('frais-ht')).toHaveCount(0);
    await expect(page.getByTestId('taux-frais')).toHaveCount(0);
  });

  test("the simulator's current quote prefills the fee basis, without the certification", async ({ page }) => {
    // Simulator: full course, 2 trainees, certification, OPCO → quote HT = 2 × 4 000 +
    // 2 × 500 = 9 000. The fee basis is the training ordered, 8 000 (the certification fee
    // is never part of it). Notified Mon 4 May (n = 15): 50 % → 4 000,00 HT, 800,00 VAT,
    // 4 800,00 TTC.
    await openSimulator(page);
    await page.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).fill('2');
    await page.getByRole('combobox', { name: 'Financement' }).selectOption('opco');
    await page.getByRole('textbox', { name: "Montant pris en charge par l'OPCO" }).fill('1000');
    await expect.poll(() => text(page.getByTestId('total-ht'))).toBe('9 000,00 €');
    await goVia(page, 'Annulation', 'annulation');
    await expect(amount(page)).toHaveValue('8000,00');
    await expect(funding(page)).toHaveValue('opco');
    await expect(page.locator('#aide-montant-ht')).toContainText('Prérempli : prix HT de la formation commandée (8 000,00 €) du devis en cours dans le simulateur');
    await expect(page.locator('#aide-montant-ht')).toContainText('sans les frais de certification (1 000,00 €)');
    await expect(page.locator('#aide-montant-ht')).toContainText("n'en font jamais partie");
    await fillCase(page, { start: '2026-05-26', notified: '2026-05-04' });
    await expectFigure(page, 'taux-frais', '50 %');
    await expectFigure(page, 'frais-ht', '4 000,00 €');
    await expectFigure(page, 'frais-tva', '800,00 €');
    await expectFigure(page, 'frais-ttc', '4 800,00 €');
    // After the start, the basis is the same 8 000: the modules, never the certification.
    await notifiedDate(page).fill('2026-05-27');
    await expectFigure(page, 'frais-ht', '8 000,00 €');
    await expect(page.getByText(/et non sur le montant saisi/)).toHaveCount(0);
  });

  test('the untouched default quote prefills both the amount and the modules', async ({ page }) => {
    // Default quote: full course, 1 trainee, certification: basis 4 000, split by days.
    await openCancellation(page);
    await expect(amount(page)).toHaveValue('4000,00');
    await fillCase(page, { start: '2026-05-26', notified: '2026-05-27' });
    await expect(page.getByLabel('Montant du module 1 (HT)', { exact: true })).toHaveValue('615,39');
  });

  test("a new tab's prefilled amount says it is the simulator's default quote", async ({ page }) => {
    // Audit finding 6: no quote was composed in this tab, so the amount is the default
    // quote's (full course, one trainee: 4 000 € of training), and the hint says so.
    await openCancellation(page);
    const hint = page.locator('#aide-montant-ht');
    await expect(hint).toContainText('du devis par défaut du simulateur');
    await expect(hint).toContainText("aucun devis n'ayant été composé dans cet onglet");
    await expect(hint).not.toContainText('devis en cours');
  });

  test('an amount changed by hand splits the module lines again, and no fee exceeds it', async ({ page }) => {
    // Audit finding 1. Start Tue 26 May 2026, notified Thu 28 May, the lines prefilled from
    // the default 4 000 € quote, then « Montant HT » typed 3 000. Split by module days (1,
    // 1, 2, 2, 0,5 of 6,5) in cents: 46 153,85 / 46 153,85 / 92 307,69 / 92 307,69 /
    // 23 076,92 → floors 461,53 / 461,53 / 923,07 / 923,07 / 230,76 (2 999,96), the 4 cents
    // left to the largest remainders (M5 ,92, M1 ,85, M2 ,85, M3 ,69 before M4 by order):
    // 461,54 / 461,54 / 923,08 / 923,07 / 230,77.
    // Assumed schedule: M1 Tue 26, M2 Wed 27 (attended: 461,54 + 461,54 = 923,08), M3 Thu 28
    // (starts on the notification day: absence, 923,08), M4 Mon 1 June (n = 2: Fri 29,
    // Sat 30 → 100 %), M5 Wed 3 June (n = 4 → 100 %). Due 3 000,00 = all of it; the client's
    // own part 3 000 − 923,08 = 2 076,92.
    await openCancellation(page);
    await fillCase(page, { start: '2026-05-26', notified: '2026-05-28' });
    await expectFigure(page, 'frais-ht', '4 000,00 €');
    await amount(page).fill('3000');
    const split = ['461,54', '461,54', '923,08', '923,07', '230,77'];
    for (let n = 1; n <= 5; n += 1) {
      await expect(page.getByLabel(`Montant du module ${n} (HT)`, { exact: true })).toHaveValue(split[n - 1]);
    }
    await expectFigure(page, 'frais-ht', '3 000,00 €');
    await expectFigure(page, 'part-suivie', '923,08 €');
    await expectFigure(page, 'part-client', '2 076,92 €');
    await unfold(page, 'Explications');
    await expect(page.getByText('Total dû : 3 000,00 € HT sur 3 000,00 € HT réservés.', { exact: false })).toBeVisible();
    // A line changed by hand changes « Montant HT » to the lines' sum.
    await page.getByLabel('Montant du module 5 (HT)', { exact: true }).fill('200');
    await expect(amount(page)).toHaveValue('2969,23');
    await expectFigure(page, 'frais-ht', '2 969,23 €');
  });

  for (const [typed, why] of [['2026-05-25', 'est un jour férié (Lundi de Pentecôte)'], ['2026-05-23', 'tombe un week-end']]) {
    test(`a start typed on ${typed} counts from the next training day: nothing attended before it`, async ({ page }) => {
      // Audit finding 2. Whit Monday 25 May 2026 (or Saturday 23 May) is no training day:
      // the training starts Tue 26 May, the day of the notification, so no training day
      // came before it: nothing attended, everything due as the absence's, the client's.
      await openCancellation(page);
      await fillCase(page, { start: typed, notified: '2026-05-26' });
      await expect(page.locator('#aide-date-debut')).toContainText(why);
      await expect(page.locator('#aide-date-debut')).toContainText('le calcul part du mardi 26 mai 2026, jour de formation suivant');
      await expect(page.locator('#aide-module-1-debut')).toContainText('date supposée, le mardi 26 mai 2026');
      await expectFigure(page, 'part-suivie', '0,00 €');
      await expectFigure(page, 'part-client', '4 000,00 €');
      await expectFigure(page, 'frais-ht', '4 000,00 €');
    });
  }

  test('the part an OPCO may fund is shown at 0,00 € when no day was attended', async ({ page }) => {
    // Audit finding 4: OPCO funding, start and notification Tue 26 May 2026.
    await openCancellation(page);
    await funding(page).selectOption({ label: 'OPCO' });
    await fillCase(page, { start: '2026-05-26', notified: '2026-05-26' });
    await expectFigure(page, 'part-suivie', '0,00 €');
    await expectFigure(page, 'part-opco', '0,00 €');
    await funding(page).selectOption({ label: 'Aucun (paiement par le client)' });
    await expect(page.getByTestId('part-opco')).toHaveCount(0);
  });

  test('an interruption with undated modules counts only what was held: the assumed schedule', async ({ page }) => {
    // Issue 11, point 1. Default quote (full course, 1 trainee); start Tue 26 May 2026,
    // notified Wed 27 May; no module date typed. Assumed schedule (training days Monday to
    // Friday, each module on the training day after the previous one ends):
    //   M1 Tue 26 May (1 day) → held before the 27th: attended, 615,39;
    //   M2 Wed 27 May (1 day) → starts on the notification day: absence, 615,38;
    //   M3 Thu 28–Fri 29 May (2 days) → not started, n = 0 → 100 %, 1 230,77;
    //   M4 Mon 1–Tue 2 June → n = 3 (28, 29, 30 May) → 100 %, 1 230,77;
    //   M5 Wed 3 June (half day) → n = 5 → 100 %, 307,69.
    // Attended 615,39 (the only part an OPCO may fund); the client's own 3 384,61; due 4 000.
    await openCancellation(page);
    await funding(page).selectOption({ label: 'OPCO' });
    await fillCase(page, { start: '2026-05-26', notified: '2026-05-27' });
    expect(ouvrablesBetween('2026-05-27', '2026-06-01')).toBe(3);
    expect(ouvrablesBetween('2026-05-27', '2026-06-03')).toBe(5);
    await expectFigure(page, 'part-suivie', '615,39 €');
    await expectFigure(page, 'part-opco', '615,39 €');
    await expectFigure(page, 'part-client', '3 384,61 €');
    await expectFigure(page, 'frais-ht', '4 000,00 €');
    // The hint under each empty "Début du module N" field gives its assumed date.
    const assumed = (n) => page.locator(`#aide-module-${n}-debut`);
    const expected = ['mardi 26 mai 2026', 'mercredi 27 mai 2026', 'jeudi 28 mai 2026', 'lundi 1er juin 2026', 'mercredi 3 juin 2026'];
    for (let i = 0; i < 5; i += 1) await expect(assumed(i + 1)).toContainText(`date supposée, le ${expected[i]}`);
    const rows = page.getByTestId('modules-interruption').locator('tbody tr');
    await expect(rows.nth(1)).toContainText('mercredi 27 mai 2026 (date supposée)');
    await unfold(page, 'Explications');
    await expect(page.getByText(/^Dates supposées/)).toBeVisible();
    // Typing module 2's real date (Friday 5 June) moves it and those after it.
    await page.getByLabel('Début du module 2', { exact: true }).fill('2026-06-05');
    await expect(assumed(2)).toContainText('Date saisie');
    await expect(assumed(3)).toContainText('lundi 8 juin 2026');
    await expectFigure(page, 'part-suivie', '615,39 €');
    await expectNoAxeViolation(page);
  });

  test('dates out of the calendar or cleared give a message, never a crash', async ({ page }) => {
    await openCancellation(page);
    await fillCase(page, { start: '2026-05-26', notified: '2026-05-04', ht: '4000' });
    await expectFigure(page, 'taux-frais', '50 %');
    // Year 2300 is past the supported calendar (1900–2200).
    await startDate(page).fill('2300-05-26');
    await expect(page.locator('#erreur-date-debut')).toContainText('Date invalide');
    await expect(page.locator('#erreur-date-debut')).toContainText('1900');
    await expect(startDate(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(/le dernier résultat valide reste affiché/)).toBeVisible();
    await notifiedDate(page).fill('1899-12-31');
    await expect(page.locator('#erreur-date-notification')).toContainText('Date invalide');
    // A cleared date asks for it once the field has been left.
    await startDate(page).fill('');
    await startDate(page).blur();
    await expect(page.locator('#erreur-date-debut')).toContainText('Indiquez la date de début de la formation.');
    // The widest span the calendar allows is counted at once.
    await fillCase(page, { start: '2200-12-31', notified: '1900-01-01' });
    await expect(startDate(page)).toHaveAttribute('aria-invalid', 'false');
    await expect.poll(async () => Number(await text(page.getByTestId('jours-ouvrables')))).toBeGreaterThan(90_000);
    await expectFigure(page, 'taux-frais', '0 %');
  });

  test('has no axe violation with a result and its deadlines shown', async ({ page }) => {
    await openCancellation(page);
    await fillCase(page, { start: '2026-04-21', notified: '2026-04-01', ht: '4000' });
    await expectFigure(page, 'taux-frais', '50 %');
    await page.locator('details.counted-days summary').click();
    await unfold(page, 'Explications');
    await expectNoAxeViolation(page);
  });

  test('has no axe violation in the interruption view', async ({ page }) => {
    await openCancellation(page);
    await fillCase(page, { start: '2026-05-26', notified: '2026-05-28', ht: '4000' });
    await unfold(page, 'Détail par module');
    await unfold(page, 'Explications');
    await expect(page.getByTestId('modules-interruption')).toBeVisible();
    await expectNoAxeViolation(page);
  });
});
