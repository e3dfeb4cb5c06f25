// The trainee who pays for themselves and the CPF holder on the cancellation screen
// (`/annulation`): « Type de client » chooses the rules, and the answer names the one that
// decided. Expected figures worked out here from the SPEC, by hand:
// - withdrawal (Code du travail L6353-5): ten calendar days after the signature, a last day
//   on a Saturday, Sunday or public holiday moved to the next working day. Signed Friday
//   15 May 2026: the tenth day is Whit Monday 25 May → the period ends Tuesday 26 May;
// - payment (L6353-6): nothing before the day after, then at most 30 % of the price TTC:
//   4 000,00 HT + 20 % = 4 800,00 TTC → 1 440,00 on Wednesday 27 May;
// - force majeure (L6353-7): for each module its price × days attended ÷ its days, rounded
//   once: modules dated 26 May, 2, 9, 23 June, 7 July; notified 10 June: modules 1 and 2
//   and the first of module 3's two days: 615,39 + 615,38 + 1 230,77 / 2 = 1 846,155 →
//   1 846,16 HT; VAT 369,232 → 369,23; TTC 2 215,39;
// - CPF: free while more than 7 jours ouvrés (Monday–Friday, not holidays) lie between the
//   notification and the start: start Tuesday 26 May 2026 → 12, 13, 15, 18–22 May are 8
//   from Monday 11 May: free until Monday 11 May.
import { test, expect, openVia, expectFigure, expectNoAxeViolation, text, urlOf, printedPages, squeeze } from './fixtures.mjs';

const label = (page, name) => page.getByLabel(name, { exact: true });

async function openCancellation(page) {
  await openVia(page, 'Annulation', 'annulation');
  await expect(page.getByRole('heading', { level: 1, name: "Frais d'annulation" })).toBeVisible();
}

/** A new draft whose client is a person: lands on the draft's page. */
async function newDraftForAPerson(page) {
  await openVia(page, 'Brouillons', 'brouillons');
  await page.getByRole('button', { name: 'Nouveau brouillon' }).click();
  await expect(page).toHaveURL(urlOf(/brouillons\/b[0-9-]+/));
  await page.getByRole('radio', { name: 'Particulier' }).check();
  await page.getByLabel('Nom du client *').fill('Camille Martin');
}

async function fillCase(page, { start, notified, ht }) {
  await label(page, 'Date de début de la formation').fill(start);
  await label(page, 'Date de notification').fill(notified);
  if (ht !== undefined) await label(page, 'Montant HT').fill(ht);
}

test.describe('the client type on the cancellation screen', () => {
  test('a company follows the CGV bands, and the answer says so', async ({ page }) => {
    await openCancellation(page);
    await expect(label(page, 'Type de client')).toHaveValue('entreprise');
    await fillCase(page, { start: '2026-05-26', notified: '2026-05-16', ht: '4000' });
    await expectFigure(page, 'frais-ht', '4 000,00 €');
    await expect(page.getByTestId('reponse-annulation')).toContainText('barème des CGV');
    await expect(label(page, 'Date de signature du contrat')).toHaveCount(0);
    await expect(page.getByTestId('date-fin-retractation')).toHaveCount(0);
  });

  test('a trainee who pays withdraws within ten days at no cost, then owes what the CGV say, within the payment limits', async ({ page }) => {
    await openCancellation(page);
    await label(page, 'Type de client').selectOption({ label: 'Particulier, à ses frais' });
    await expect(label(page, 'Financement')).toHaveValue('aucun');
    await fillCase(page, { start: '2026-05-26', notified: '2026-05-26', ht: '4000' });
    await label(page, 'Date de signature du contrat').fill('2026-05-15');
    await expectFigure(page, 'date-fin-retractation', 'mardi 26 mai 2026');
    await expect(page.getByTestId('retractation')).toContainText("aucune somme n'est due");
    await expectFigure(page, 'frais-ht', '0,00 €');
    await expect(page.getByTestId('reponse-annulation')).toContainText('rétractation dans le délai légal');
    await expect(page.getByTestId('reponse-annulation')).toContainText('L6353-5');
    await expect(page.getByTestId('paiement-particulier')).toContainText('avant le mercredi 27 mai 2026');
    await expect(page.getByTestId('paiement-particulier')).toContainText('1 440,00 €');
    // The day after the period: the CGV's rule for a training started applies.
    await label(page, 'Date de notification').fill('2026-05-27');
    await expect(page.getByTestId('retractation')).toHaveCount(0);
    await expect(page.getByTestId('reponse-annulation')).toContainText('tout module commencé est dû (CGV)');
    await expectNoAxeViolation(page);
  });

  test('a trainee who pays, stopped by a recognised force majeure, owes the days attended only', async ({ page }) => {
    await openCancellation(page);
    await label(page, 'Type de client').selectOption({ label: 'Particulier, à ses frais' });
    await fillCase(page, { start: '2026-05-26', notified: '2026-06-10', ht: '4000' });
    const starts = ['2026-05-26', '2026-06-02', '2026-06-09', '2026-06-23', '2026-07-07'];
    for (let n = 1; n <= 5; n += 1) await label(page, `Début du module ${n}`).fill(starts[n - 1]);
    // Without force majeure, every module started is due: 3 076,93 HT (cancellation.spec).
    await expectFigure(page, 'frais-ht', '3 076,93 €');
    await label(page, 'Force majeure dûment reconnue').check();
    await expectFigure(page, 'frais-ht', '1 846,16 €');
    await expectFigure(page, 'frais-ttc', '2 215,39 €');
    await expect(page.getByTestId('reponse-annulation')).toContainText('force majeure dûment reconnue');
    await expect(page.getByTestId('reponse-annulation')).toContainText('L6353-7');
    await expect(page.getByTestId('part-client')).toHaveCount(0);
    await expectNoAxeViolation(page);
  });

  test("a draft's person opens the cancellation screen as a trainee who pays", async ({ page }) => {
    await newDraftForAPerson(page);
    await page.getByRole('button', { name: 'Modifier dans le simulateur' }).click();
    await expect(page).toHaveURL(urlOf(/simulateur/));
    await openVia(page, 'Annulation', 'annulation');
    await expect(label(page, 'Type de client')).toHaveValue('particulier');
    await expect(label(page, 'Date de signature du contrat')).toBeVisible();
  });

  test('a CPF holder gets the platform deadline and no computed fee', async ({ page }) => {
    await openCancellation(page);
    await label(page, 'Type de client').selectOption({ label: 'CPF (Mon Compte Formation)' });
    await expect(label(page, 'Financement')).toHaveValue('cpf');
    await fillCase(page, { start: '2026-05-26', notified: '2026-05-16', ht: '4000' });
    await expectFigure(page, 'date-limite-cpf', 'lundi 11 mai 2026');
    await expect(page.getByTestId('reponse-annulation')).toContainText("conditions générales d'utilisation de Mon Compte Formation");
    await expect(page.getByTestId('annulation-cpf')).toContainText('la plateforme peut débiter');
    await expect(page.getByTestId('frais-ht')).toHaveCount(0);
    expect(await text(page.getByTestId('annulation-cpf'))).toContain('plus de 7 jours ouvrés');
    await expectNoAxeViolation(page);
  });
});

const CONTRACT_HEADINGS = [
  "Nature, durée, programme et objet de l'action",
  'Effectif formé',
  'Niveau de connaissances préalables requis',
  'Modalités de formation, moyens pédagogiques et techniques, évaluation et sanction',
  'Diplômes, titres ou références des formateurs',
  'Modalités de paiement',
  "Conditions financières en cas de cessation anticipée ou d'abandon",
];

test.describe('the printed document follows the client', () => {
  test("a draft for a person who pays prints as a training contract with every mention of L6353-4, blanks where the data file has none", async ({ page }) => {
    await newDraftForAPerson(page);
    await page.getByRole('link', { name: 'Imprimer le devis' }).click();
    await expect(page).toHaveURL(urlOf(/devis\?brouillon=b[0-9-]+/));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Contrat de formation professionnelle');
    await expect(page.getByLabel('Document', { exact: true })).toHaveValue('contrat');
    const mentions = page.getByTestId('mentions');
    for (const heading of CONTRACT_HEADINGS) await expect(mentions.getByRole('heading', { level: 3, name: heading })).toBeVisible();
    // The data file gives neither the group's size nor the trainers' titles: two blanks.
    await expect(page.getByTestId('mention-a-completer')).toHaveCount(2);
    await expect(mentions).toContainText('L6353-5');
    await expect(mentions).toContainText('10 jours');
    await expect(page.getByRole('heading', { level: 2, name: 'Signatures' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Bon pour accord' })).toHaveCount(0);
    await expectNoAxeViolation(page);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'no horizontal overflow on an A4 width').toBeLessThanOrEqual(0);
    const pages = await printedPages(page);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]).toContain(squeeze('Contrat de formation professionnelle'));
    const after = pages.slice(1).join('');
    for (const heading of CONTRACT_HEADINGS) expect(after, `${heading} after the priced page`).toContain(squeeze(heading));
    expect(after).toContain(squeeze('Le stagiaire'));
  });

  test('the devis of the current quote carries the mentions of D6353-1, and may be switched to a contract', async ({ page }) => {
    await openVia(page, 'Simulateur', 'simulateur');
    await page.getByRole('link', { name: 'Imprimer le devis' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Devis');
    await expect(page.getByLabel('Document', { exact: true })).toHaveValue('devis');
    const mentions = page.getByTestId('mentions');
    for (const heading of ["Intitulé, objectif et contenu de l'action", 'Moyens prévus', 'Durée et période',
      "Modalités de déroulement, de suivi et d'évaluation", 'Prix et modalités de règlement']) {
      await expect(mentions.getByRole('heading', { level: 3, name: heading })).toBeVisible();
    }
    await expect(mentions).toContainText('à convenir');
    await expect(page.getByRole('heading', { name: 'Bon pour accord' })).toBeVisible();
    await page.getByLabel('Document', { exact: true }).selectOption({ label: 'Contrat de formation professionnelle (particulier qui paie lui-même)' });
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Contrat de formation professionnelle');
    await expect(page).toHaveTitle(/^Contrat de formation professionnelle D-/);
    await expect(mentions.getByRole('heading', { level: 3, name: 'Effectif formé' })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await expect(page.getByLabel('Document', { exact: true })).toBeHidden();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
