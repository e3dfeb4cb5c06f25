// Share links and the printable devis, on the release build served by a plain static
// server under the base path (no rewrite rule: the link opens the site's root).
//
// The quote used throughout, computed by hand from SPEC:
//   modules 1 (800 €) + 3 (1 500 €) = 2 300 € HT per trainee, × 3 trainees = 6 900 €;
//   coaching 2 days × 3 trainees × 1 000 € = 6 000 €; certification unticked (modular).
//   HT 12 900,00 €; VAT 20 % = 2 580,00 €; TTC 15 480,00 €;
//   OPCO grants 1 000 € → prise en charge 1 000,00 €, reste à charge 14 480,00 €.
import {
  test, expect, openSimulator, urlOf, nav, freshContext, expectFigures, expectNoAxeViolation, text,
  printedPages, squeeze,
} from './fixtures.mjs';

const QUOTE = {
  'total-ht': '12 900,00 €',
  'total-tva': '2 580,00 €',
  'total-ttc': '15 480,00 €',
  'prise-en-charge': '1 000,00 €',
  'reste-a-charge': '14 480,00 €',
};
// The default quote: full course with certification, one trainee: 4 500 € HT, 5 400 € TTC.
const DEFAULT_TTC = '5 400,00 €';

async function composeQuote(page) {
  await openSimulator(page);
  await page.getByRole('radio', { name: 'Parcours modulaire' }).check();
  for (const n of [1, 3]) await page.getByRole('checkbox', { name: new RegExp(`^Module ${n}\\b`) }).check();
  await page.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).fill('3');
  await page.getByRole('spinbutton', { name: "Jours d'accompagnement" }).fill('2');
  await page.getByRole('combobox', { name: 'Financement' }).selectOption({ label: 'OPCO' });
  await page.getByRole('textbox', { name: "Montant pris en charge par l'OPCO" }).fill('1000');
  await expectFigures(page, QUOTE);
}

/** Composes the quote, then opens its devis with "Imprimer le devis". */
async function devisOfTheQuote(page) {
  await composeQuote(page);
  await page.getByRole('link', { name: 'Imprimer le devis' }).click();
  await expect(page).toHaveURL(urlOf('devis'));
}

const shareField = (page) => page.getByRole('textbox', { name: 'Lien de partage' });

test('the share link carries the selection only, under the base path, in under 200 characters', async ({ page, baseURL }) => {
  await composeQuote(page);
  const link = await shareField(page).inputValue();
  expect(link.startsWith(`${baseURL}simulateur/?devis=`), link).toBe(true);
  expect(link.length - baseURL.length).toBeLessThan(200);
  expect(link).toContain('M13~3~2~0~N~O1000');
  await expect(shareField(page)).toHaveAttribute('readonly', '');
});

test('opening a share link in a fresh browser shows the same quote in the simulator', async ({ page, browser }) => {
  await composeQuote(page);
  const link = await shareField(page).inputValue();

  const other = await freshContext(browser);
  const visitor = await other.newPage();
  const errors = [];
  visitor.on('pageerror', (e) => errors.push(e.message));
  await visitor.goto(link);
  await expect(visitor).toHaveURL(urlOf('simulateur'));
  await expectFigures(visitor, QUOTE);
  await expect(visitor.getByRole('checkbox', { name: /^Module 3\b/ })).toBeChecked();
  await expect(visitor.getByRole('checkbox', { name: /^Module 2\b/ })).not.toBeChecked();
  await expect(visitor.getByTestId('avis-lien')).toContainText('lien de partage');
  expect(await visitor.getByRole('textbox', { name: 'Lien de partage' }).inputValue()).toBe(link);
  expect(errors).toEqual([]);
  await other.close();
});

test('a link made under another catalogue version opens with a notice naming both versions', async ({ page }) => {
  await page.goto('./?devis=1~2025.9~C~2~0~1~N~0');
  await expect(page).toHaveURL(urlOf('simulateur'));
  await expect(page.getByTestId('avis-lien')).toContainText('2025.9');
  await expect(page.getByTestId('avis-lien')).toContainText('2026.1');
  // Full course with certification for 2 trainees: 9 000 € HT, 10 800 € TTC.
  await expectFigures(page, { 'total-ht': '9 000,00 €', 'total-ttc': '10 800,00 €' });
});

// Thirty malformed, truncated, oversized or hostile links: each opens the simulator with
// the default quote and a message, and the app goes on working.
const MALFORMED = [
  'n-importe-quoi',
  'javascript:alert(1)',
  encodeURIComponent('<img src=x onerror=alert(1)>'),
  'x'.repeat(5000),
  '1',
  '1~2026.1',
  '1~2026.1~C~1~0~1~N',
  '1~2026.1~C~1~0~1~N~0~de-trop',
  '2~2026.1~C~1~0~1~N~0',
  '1~~C~1~0~1~N~0',
  `1~${'v'.repeat(30)}~C~1~0~1~N~0`,
  '1~2026.1~X~1~0~1~N~0',
  '1~2026.1~M~1~0~1~N~0',
  '1~2026.1~M0~1~0~1~N~0',
  '1~2026.1~M9~1~0~0~N~0',
  '1~2026.1~Mab~1~0~1~N~0',
  '1~2026.1~C~~0~1~N~0',
  '1~2026.1~C~0~0~1~N~0',
  '1~2026.1~C~51~0~1~N~0',
  '1~2026.1~C~-1~0~1~N~0',
  '1~2026.1~C~999999999~0~1~N~0',
  '1~2026.1~C~1~4~1~N~0',
  '1~2026.1~C~1~x~1~N~0',
  '1~2026.1~C~1~0~2~N~0',
  '1~2026.1~C~1~0~1~T~0',
  '1~2026.1~C~1~0~1~N~Z',
  '1~2026.1~C~1~0~1~N~Oabc',
  '1~2026.1~C~1~0~1~N~O1,5',
  '1~2026.1~C~1~0~1~N~P5',
  encodeURIComponent('1~2026.1~C~1~0~1~N~0é'),
];

test('thirty malformed or hostile links each give a message, the default quote, and the app goes on', async ({ page }) => {
  test.setTimeout(180_000);
  expect(new Set(MALFORMED).size).toBe(30);
  for (const link of MALFORMED) {
    const which = `link ${link.slice(0, 40)}`;
    await page.goto(`./?devis=${link}`);
    await expect(page, which).toHaveURL(urlOf('simulateur'));
    const notice = page.getByTestId('avis-lien');
    await expect(notice, which).toBeVisible();
    await expect(page.locator('img[src="x"]'), which).toHaveCount(0);
    await expect.poll(() => text(page.getByTestId('total-ttc')), { message: which }).toBe(DEFAULT_TTC);
  }
  // The app still works after the last one: the notice closes and the simulator prices.
  await page.getByTestId('avis-lien').getByRole('button', { name: 'Fermer ce message' }).click();
  await expect(page.getByTestId('avis-lien')).toHaveCount(0);
  await page.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).fill('2');
  await expect.poll(() => text(page.getByTestId('total-ttc'))).toBe('10 800,00 €');
});

test('an unreadable link opens the default quote', async ({ page }) => {
  await page.goto('./?devis=n-importe-quoi');
  await expect(page.getByTestId('avis-lien')).toContainText('illisible');
  await expectFigures(page, { 'total-ttc': DEFAULT_TTC });
});

test('"Copier le lien" puts the link on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await composeQuote(page);
  const link = await shareField(page).inputValue();
  await page.getByRole('button', { name: 'Copier le lien' }).click();
  await expect(page.locator('#statut-partage')).toHaveText('Lien copié dans le presse-papiers.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
});

test('an invalid entry keeps the link of the last valid quote', async ({ page }) => {
  await composeQuote(page);
  const link = await shareField(page).inputValue();
  await page.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).fill('0');
  await expect(page.locator('#erreur-stagiaires')).not.toBeEmpty();
  expect(await shareField(page).inputValue()).toBe(link);
});

test('the simulator with its share panel passes the accessibility scan', async ({ page }) => {
  await composeQuote(page);
  await expectNoAxeViolation(page);
});

test('the devis prints the current quote with letterhead, terms and "Bon pour accord"', async ({ page }) => {
  await devisOfTheQuote(page);
  await expect(page.getByTestId('devis-numero')).toHaveText(/^D-\d{8}-[A-HJ-NP-Z2-9]{4}$/);
  await expectFigures(page, {
    'devis-total-ht': QUOTE['total-ht'],
    'devis-total-tva': QUOTE['total-tva'],
    'devis-total-ttc': QUOTE['total-ttc'],
    'devis-prise-en-charge': QUOTE['prise-en-charge'],
    'devis-reste-a-charge': QUOTE['reste-a-charge'],
  });
  const devis = page.locator('article.devis');
  for (const fact of ['848 316 014 00010', '479 274 813 00035', '1175095575', '93131235713', 'Bon pour accord', 'Signature', 'Cachet', '15 jours ouvrables']) {
    await expect(devis).toContainText(fact);
  }
  await page.getByRole('textbox', { name: 'Nom ou raison sociale du client' }).fill('Entreprise <b>Exemple</b>');
  await expectNoAxeViolation(page);

  // In print: no navigation nor buttons, the client typed appears as text (never as HTML).
  await page.emulateMedia({ media: 'print' });
  await expect(nav(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Imprimer le devis' })).toBeHidden();
  await expect(devis.locator('.print-only').first()).toHaveText('Entreprise <b>Exemple</b>');
  await expect(devis.locator('b')).toHaveCount(0);
  await page.emulateMedia({ media: 'screen' });

  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await page.getByRole('button', { name: 'Imprimer le devis' }).click();
  expect(await page.evaluate(() => window.__printed)).toBe(true);
});

test('the devis printed to PDF by headless Chromium: the priced page on one A4 page, then the D6353-1 mentions, and no screen chrome', async ({ page }) => {
  await devisOfTheQuote(page);
  const number = await text(page.getByTestId('devis-numero'));
  await page.getByRole('textbox', { name: 'Nom ou raison sociale du client' }).fill('ACME Formation');

  const pages = await printedPages(page, { printBackground: true });
  expect(pages).toHaveLength(2);
  const [priced] = pages;
  for (const [testid, value] of Object.entries(QUOTE)) {
    expect(priced, `${testid} ${value} on the priced page`).toContain(squeeze(value));
  }
  for (const fact of [number, 'ACME Formation', '15 jours ouvrables']) {
    expect(priced, `${fact} on the priced page`).toContain(squeeze(fact));
  }
  const mentions = pages[1];
  for (const heading of ["Intitulé, objectif et contenu de l'action", 'Moyens prévus', 'Durée et période',
    "Modalités de déroulement, de suivi et d'évaluation", 'Prix et modalités de règlement', 'Bon pour accord', 'Signature']) {
    expect(mentions, `${heading} after the priced page`).toContain(squeeze(heading));
  }
  for (const chrome of ['Imprimer le devis', 'Navigation principale', 'Pénalités de retard', 'Brouillons', 'Document']) {
    expect(pages.join(''), `${chrome} not on paper`).not.toContain(squeeze(chrome));
  }
});

test('a devis opened from a share link prints the shared quote', async ({ page }) => {
  await page.goto('./?devis=1~2026.1~C~1~0~1~N~0');
  await page.getByRole('link', { name: 'Imprimer le devis' }).click();
  await expect(page.getByTestId('devis-total-ttc')).toHaveText(/5\s400,00\s€/);
});

test('a CPF link opened in a fresh browser shows its totals at once and asks for the balance', async ({ browser }) => {
  // Audit finding 3. Full course, one coaching day, certification, CPF: 4 000 + 1 000 + 500
  // = 5 500 € HT, VAT 1 100 €, 6 600 € TTC. The balance is personal and not in the link:
  // the CPF share and what is left are pending, the 2026 flat contribution (103,20 €) known.
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.goto('./simulateur/?devis=1~2026.1~C~1~1~1~N~P');
  await expectFigures(page, {
    'total-ht': '5 500,00 €',
    'total-tva': '1 100,00 €',
    'total-ttc': '6 600,00 €',
    'prise-en-charge': 'à calculer (solde CPF à indiquer)',
    'participation-cpf': '103,20 €',
    'reste-a-charge': 'à calculer (solde CPF à indiquer)',
  });
  await expect(page.getByTestId('barre-reste-a-charge')).toHaveText('à calculer (solde CPF à indiquer)');
  await expect(page.getByText(/le dernier devis valide reste affiché/)).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Lien de partage' })).toHaveValue(/simulateur\/\?devis=1~[^~]+~C~1~1~1~N~P$/);
  const balance = page.getByRole('textbox', { name: 'Solde CPF' });
  await expect(balance).toHaveValue('');
  await expect(page.locator('#aide-cpf')).toContainText('À indiquer : le solde de votre compte CPF');
  // 2 000 € on the account: 6 600 − 2 000 + 103,20 = 4 703,20 € left.
  await balance.fill('2000');
  await expectFigures(page, { 'prise-en-charge': '2 000,00 €', 'reste-a-charge': '4 703,20 €' });
  await expect(page.locator('#aide-cpf')).not.toContainText('À indiquer');
  await context.close();
});

test('a CPF link opens without any balance, which the trainee types on arrival', async ({ page }) => {
  await page.goto('./?devis=1~2026.1~C~1~0~1~N~P');
  await expect(page).toHaveURL(urlOf('simulateur'));
  await expect(page.getByRole('combobox', { name: 'Financement' })).toHaveValue('cpf');
  const balance = page.getByRole('textbox', { name: 'Solde CPF' });
  await expect(balance).toHaveValue('');
  // Full course with certification: 4 500 € HT, 5 400 € TTC; a 1 500 € balance leaves
  // 3 900 € plus the 2026 flat contribution of 103,20 € = 4 003,20 €.
  await balance.fill('1500');
  await expectFigures(page, { 'total-ttc': '5 400,00 €', 'prise-en-charge': '1 500,00 €', 'reste-a-charge': '4 003,20 €' });
});
