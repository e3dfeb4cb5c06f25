// Results first, details on demand (issue 14): each calculator opens its result with one
// sentence that answers the question, then the key figures, then its details folded; an
// empty result panel shows a worked example; the quote lines show their labels; the
// simulator's total bar announces a new total once the user pauses; print shows results,
// not controls. Expected sentences are worked out from the SPEC's rules in the comments.
import {
  test, expect, openVia, openSimulator, expectFigure, expectNoAxeViolation, text, unfold,
} from './fixtures.mjs';

const trainees = (page) => page.getByRole('spinbutton', { name: 'Nombre de stagiaires' });

test.describe('the simulator', () => {
  test('answers first: the total TTC and what is left to pay, then the figures', async ({ page }) => {
    // Default: full course 4 000 + certification 500 = 4 500 HT, 900 VAT, 5 400 TTC.
    await openSimulator(page);
    await expectFigure(page, 'reponse-devis', 'Total : 5 400,00 € TTC, reste à charge 5 400,00 €.');
    // Two trainees and an OPCO's 3 000 €: 10 800 TTC, 7 800 left.
    await trainees(page).fill('2');
    await page.getByRole('combobox', { name: 'Financement' }).selectOption('opco');
    await page.getByRole('textbox', { name: "Montant pris en charge par l'OPCO" }).fill('3000');
    await expectFigure(page, 'reponse-devis',
      "Total : 10 800,00 € TTC pour 2 stagiaires, dont 3 000,00 € pris en charge par l'OPCO : reste à charge 7 800,00 €.");
    // The answer comes before the figures.
    const order = await page.evaluate(() => {
      const answer = document.querySelector('[data-testid=reponse-devis]');
      const total = document.querySelector('[data-testid=total-ttc]');
      return answer.compareDocumentPosition(total) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
  });

  test('the lines show their labels; the arithmetic is under « Comment ces montants sont calculés »', async ({ page }) => {
    await openSimulator(page);
    const details = page.locator('details', { has: page.locator('summary', { hasText: 'Détail des lignes' }) });
    await expect(details).not.toHaveAttribute('open', '');
    await unfold(page, 'Détail des lignes');
    const labels = details.locator('tbody th');
    await expect(labels).toHaveText(['Parcours complet (5 modules, 6,5 jours)', 'Accès à la certification']);
    await unfold(page, 'Comment ces montants sont calculés');
    const how = await text(page.locator('details', { has: page.locator('summary', { hasText: 'Comment ces montants' }) }));
    expect(how).toContain('Parcours complet (5 modules, 6,5 jours) : 4 000,00 € HT par stagiaire × 1 stagiaire = 4 000,00 € HT');
    expect(how).toContain('Accès à la certification : 500,00 € HT par stagiaire × 1 stagiaire = 500,00 € HT.');
    await expectNoAxeViolation(page);
  });

  test('the total bar follows every keystroke but announces the total once the user pauses', async ({ page }) => {
    await openSimulator(page);
    const live = page.locator('.total-bar [aria-live="polite"]');
    await expect.poll(() => text(live)).toBe('Total : 5 400,00 € TTC, reste à charge 5 400,00 €.');
    // Three trainees, announced once typed: 3 × 5 400 = 16 200 TTC.
    await trainees(page).fill('3');
    await expect.poll(() => text(live)).toBe('Total : 16 200,00 € TTC pour 3 stagiaires, reste à charge 16 200,00 €.');
    // Record every text the live region takes from now on.
    await page.evaluate(() => {
      const record = (el, list) => new MutationObserver(() => list.push(el.textContent))
        .observe(el, { childList: true, characterData: true, subtree: true });
      window.announced = [];
      window.shown = [];
      record(document.querySelector('.total-bar [aria-live]'), window.announced);
      record(document.querySelector('[data-testid=barre-total-ttc]'), window.shown);
    });
    // "12" typed key by key, 100 ms apart: the bar shows 1 (5 400 TTC) then 12 trainees at
    // once...
    await trainees(page).fill('');
    await trainees(page).pressSequentially('12', { delay: 100 });
    // 12 × 4 500 = 54 000 HT, 64 800 TTC.
    await expectFigure(page, 'barre-total-ttc', '64 800,00 €');
    await expectFigure(page, 'total-ttc', '64 800,00 €');
    // ...and the announcement, once the typing has paused, is the final total only.
    await expect.poll(() => text(live)).toBe('Total : 64 800,00 € TTC pour 12 stagiaires, reste à charge 64 800,00 €.');
    await page.waitForTimeout(1000);
    const folded = (list) => list.map((t) => t.replace(/[\s\u00a0\u202f]+/g, ' ').trim()).filter(Boolean);
    expect(folded(await page.evaluate(() => window.shown))).toEqual(['5 400,00 €', '64 800,00 €']);
    expect(folded(await page.evaluate(() => window.announced)))
      .toEqual(['Total : 64 800,00 € TTC pour 12 stagiaires, reste à charge 64 800,00 €.']);
  });
});

test.describe('the cancellation screen', () => {
  const fill = async (page, start, notified) => {
    await page.getByLabel('Date de début de la formation', { exact: true }).fill(start);
    await page.getByLabel('Date de notification', { exact: true }).fill(notified);
  };

  test('before the fields are filled, it shows a worked example instead of an empty box', async ({ page }) => {
    await openVia(page, 'Annulation', 'annulation');
    const example = page.getByTestId('exemple-annulation');
    await expect(example).toBeVisible();
    // The SPEC's example: n = 15 → 50 % of 4 000 → 2 000 HT, 2 400 TTC.
    await expect.poll(() => text(example)).toContain(
      'Exemple : parcours complet à 4 000,00 € HT commençant le mardi 26 mai 2026, annulation notifiée le lundi 4 mai 2026. '
      + 'Vous devez 2 000,00 € HT, soit 2 400,00 € TTC : annulation 15 jours ouvrables avant le début, tranche à 50 % du barème des CGV.');
    await fill(page, '2026-05-26', '2026-05-16');
    await expect(example).toHaveCount(0);
    await expectNoAxeViolation(page);
  });

  test('answers first: what is owed and why, or until when it stays free', async ({ page }) => {
    await openVia(page, 'Annulation', 'annulation');
    // Default quote: basis 4 000. Notified Sat 16 May: n = 6 → 100 %: 4 000 HT, 4 800 TTC.
    await fill(page, '2026-05-26', '2026-05-16');
    await expectFigure(page, 'reponse-annulation',
      'Vous devez 4 000,00 € HT, soit 4 800,00 € TTC : annulation 6 jours ouvrables avant le début, tranche à 100 % du barème des CGV.');
    // Notified Sun 3 May: n = 16 → free, until that very day.
    await page.getByLabel('Date de notification', { exact: true }).fill('2026-05-03');
    await expectFigure(page, 'reponse-annulation',
      "Rien à payer : annulation 16 jours ouvrables avant le début, sans frais jusqu'au dimanche 3 mai 2026 inclus (barème des CGV).");
    // Notified Wed 27 May, the day after the start: every module started is due.
    await page.getByLabel('Date de notification', { exact: true }).fill('2026-05-27');
    await expect.poll(() => text(page.getByTestId('reponse-annulation')))
      .toMatch(/^Vous devez 4 000,00 € HT, soit 4 800,00 € TTC : notification après le début de la formation \(mardi 26 mai 2026\), tout module commencé est dû \(CGV\)\.$/);
    // CPF: no figure, said so.
    await page.getByLabel('Financement', { exact: true }).selectOption({ label: 'CPF (Mon Compte Formation)' });
    await expect(page.getByTestId('reponse-annulation')).toContainText('Mon Compte Formation');
  });

  test('the deadlines are shown once, with the fee scale, in date order', async ({ page }) => {
    await openVia(page, 'Annulation', 'annulation');
    await fill(page, '2026-05-26', '2026-05-04');
    await expectFigure(page, 'taux-frais', '50 %');
    await expect(page.getByRole('heading', { name: 'Dates limites' })).toHaveCount(1);
    await expect(page.getByRole('heading', { name: 'Calendrier' })).toHaveCount(0);
    for (const id of ['date-limite-sans-frais', 'date-limite-50', 'date-limite-report', 'date-limite-ajournement', 'date-limite-opco']) {
      await expect(page.getByTestId(id)).toHaveCount(1);
      await expect(page.getByTestId(id)).toBeVisible();
    }
    // Sans frais Sun 3 May, notification Mon 4 May, 50 % Fri 15 May, report Mon 18 May,
    // ajournement Tue 19 May, OPCO Fri 22 May, start Tue 26 May.
    const dates = await page.locator('ol.key-dates .key-date').allInnerTexts();
    expect(dates.map((d) => d.replace(/\s+/g, ' '))).toEqual([
      'dimanche 3 mai 2026', 'lundi 4 mai 2026', 'vendredi 15 mai 2026', 'lundi 18 mai 2026',
      'mardi 19 mai 2026', 'vendredi 22 mai 2026', 'mardi 26 mai 2026',
    ]);
    await expect(page.locator('ol.bands li[aria-current="step"]')).toContainText('Frais de 50');
  });
});

test.describe('the late-payment screen', () => {
  const fill = async (page, { amount, due, paid, client = 'Particulier' }) => {
    await page.getByLabel('Montant dû', { exact: true }).fill(amount);
    await page.getByLabel("Date d'échéance", { exact: true }).fill(due);
    await page.getByLabel('Date de paiement', { exact: true }).fill(paid);
    await page.getByLabel('Type de client', { exact: true }).selectOption({ label: client });
  };

  test('before the fields are filled, it shows a worked example', async ({ page }) => {
    await openVia(page, 'Pénalités de retard', 'penalites');
    const example = page.getByTestId('exemple-penalites');
    // 4 800 × 1,5 × 3,71 % × 45 / 365 = 32,9326… → 32,93 €.
    await expect.poll(() => text(example)).toContain(
      'Exemple : 4 800,00 € dus par un particulier le lundi 31 mars 2025, payés le jeudi 15 mai 2025. '
      + 'Le client doit 32,93 € de pénalités pour 45 jours de retard.');
    await expectNoAxeViolation(page);
  });

  test('answers first: what the client owes for how many days late', async ({ page }) => {
    await openVia(page, 'Pénalités de retard', 'penalites');
    // 1 000 × 1,5 × 2,62 % × 30 / 365 = 3,2301… → 3,23 €.
    await fill(page, { amount: '1000', due: '2026-01-31', paid: '2026-03-02' });
    await expectFigure(page, 'reponse-penalites', 'Le client doit 3,23 € de pénalités pour 30 jours de retard.');
    // A business: 3 × the rate → 6,46 €, plus the 40 € indemnity.
    await page.getByLabel('Type de client', { exact: true }).selectOption({ label: 'Professionnel (entreprise)' });
    await expectFigure(page, 'reponse-penalites',
      "Le client doit 46,46 € : 6,46 € de pénalités pour 30 jours de retard et 40,00 € d'indemnité forfaitaire de recouvrement.");
  });
});

test.describe('print', () => {
  test('the simulator prints its answer, figures and details, not its controls', async ({ page }) => {
    await openSimulator(page);
    await expectFigure(page, 'total-ttc', '5 400,00 €');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('reponse-devis')).toBeVisible();
    await expect(page.getByTestId('total-ttc')).toBeVisible();
    await expect(page.locator('.total-bar')).toBeHidden();
    await expect(page.locator('main button:visible')).toHaveCount(0);
    // Folded on screen, unfolded on paper.
    await expect(page.locator('main table')).toBeVisible();
    await expect(page.getByText(/^Total TTC : 4\s500,00\s€\sHT \+ 900,00\s€ de TVA/)).toBeVisible();
  });

  test('the cancellation result prints with its deadlines and explanations, not its controls', async ({ page }) => {
    await openVia(page, 'Annulation', 'annulation');
    await page.getByLabel('Date de début de la formation', { exact: true }).fill('2026-05-26');
    await page.getByLabel('Date de notification', { exact: true }).fill('2026-05-04');
    await expectFigure(page, 'frais-ttc', '2 400,00 €');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('reponse-annulation')).toBeVisible();
    await expect(page.getByTestId('date-limite-opco')).toBeVisible();
    await expect(page.locator('main button:visible')).toHaveCount(0);
    await expect(page.locator('nav:visible')).toHaveCount(0);
    await expect(page.getByText(/^Frais d'annulation : 50/)).toBeVisible();
  });
});
