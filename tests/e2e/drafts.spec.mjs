// Draft enrolments (`/brouillons`, `/brouillons/ID`, the simulator's "Enregistrer le
// brouillon"): kept in localStorage under one versioned key, saved as the user types,
// exported as an enrolment request that validates against the JSON Schema the site ships,
// backed up and imported back; unreadable stored data set aside, a full quota reported,
// two tabs kept in step.
import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import {
  test, expect, open, openVia, openSimulator, goVia, urlOf, freshContext, expectNoAxeViolation, text,
  printedPages,
} from './fixtures.mjs';

const STORAGE_KEY = 'cosens.brouillons';
const ASIDE_PREFIX = 'cosens.brouillons.illisible.';
const VALID_SIRET = '732 829 320 00074';

const rows = (page) => page.getByTestId('brouillon');
const row = (page, name) => rows(page).filter({ has: page.getByRole('heading', { name, exact: true }) });
const listStatus = (page) => page.getByTestId('statut-brouillons');
const importButton = (page) => page.getByRole('button', { name: 'Importer', exact: true });

/** "Importer" opens the browser's file chooser, which the test answers with `files`. */
async function importFile(page, files) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), importButton(page).click()]);
  await chooser.setFiles(files);
}

/** Opens the app afresh (a reload, as far as the drafts go) and the drafts list. */
async function openDrafts(page) {
  await openVia(page, 'Brouillons', 'brouillons');
  await expect(page.getByRole('heading', { level: 1, name: "Brouillons d'inscription" })).toBeVisible();
}

const goToDrafts = (page) => goVia(page, 'Brouillons', 'brouillons');

/** "Nouveau brouillon" on the list: lands on the new draft's page; returns its id. */
async function newDraft(page) {
  await page.getByRole('button', { name: 'Nouveau brouillon' }).click();
  await expect(page).toHaveURL(urlOf(/brouillons\/b[0-9-]+/));
  await expect(page.getByRole('heading', { level: 1, name: /^Brouillon : / })).toBeVisible();
  return page.url().split('/').pop();
}

async function renameOnPage(page, name) {
  const field = page.getByLabel('Nom du brouillon *');
  await field.fill(name);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Brouillon : ${name}`);
}

/**
 * « Préparer la demande d'inscription » on a draft's page: lands on its enrolment request,
 * whose page exports it (`/demande?brouillon=ID`).
 */
async function openRequest(page, name) {
  await page.getByRole('link', { name: "Préparer la demande d'inscription" }).click();
  await expect(page).toHaveURL(urlOf(/demande\?brouillon=b[0-9-]+/));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Demande d'inscription : ${name}`);
}

const requestStatus = (page) => page.getByTestId('statut-demande');

async function storedDrafts(page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) || '{"drafts":[]}').drafts, STORAGE_KEY);
}

async function downloadOf(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), path, text: await readFile(path, 'utf8') };
}

test.describe('draft enrolments', () => {
  test('a draft saved from the simulator is listed with its date and total TTC', async ({ page }) => {
    await openSimulator(page);
    await page.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).fill('2');
    await expect.poll(() => text(page.getByTestId('total-ttc'))).toBe('10 800,00 €');
    // The simulator hands the quote to the draft's page, which keeps it and opens the new
    // draft at its client's details.
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(page).toHaveURL(urlOf(/brouillons\/b[0-9-]+/));
    await expect(page.getByTestId('statut-brouillon')).toContainText(/Brouillon « Brouillon du .+ » enregistré\./);
    await expect(page.getByLabel('Nom du client *')).toBeFocused();
    await expect.poll(() => text(page.getByTestId('brouillon-total-ttc'))).toBe('10 800,00 €');

    await goToDrafts(page);
    await expect(rows(page)).toHaveCount(1);
    await expect.poll(() => text(rows(page).first().getByTestId('brouillon-total'))).toBe('10 800,00 €');
    await expect(rows(page).first()).toContainText(/Modifié le \d{1,2}(er)? [a-zéû]+ \d{4} à \d{2}:\d{2}/);

    // Saving again from the simulator after loading the draft updates it, not a new one.
    await rows(page).first().getByRole('link', { name: /^Ouvrir/ }).click();
    await page.getByRole('button', { name: 'Modifier dans le simulateur' }).click();
    await expect(page).toHaveURL(urlOf('simulateur'));
    await expect(page.getByRole('spinbutton', { name: 'Nombre de stagiaires' })).toHaveValue('2');
    await page.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).fill('3');
    await expect(page.getByText(/Ce devis vient du brouillon « Brouillon du .+ »/)).toBeVisible();
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(page).toHaveURL(urlOf(/brouillons\/b[0-9-]+/));
    await expect(page.getByTestId('statut-brouillon')).toContainText('mis à jour');
    await goToDrafts(page);
    await expect(rows(page)).toHaveCount(1);
    await expect.poll(() => text(rows(page).first().getByTestId('brouillon-total'))).toBe('16 200,00 €');
  });

  test('rename, duplicate, delete and undo the deletion', async ({ page }) => {
    await openDrafts(page);
    await expect(page.getByTestId('aucun-brouillon')).toBeVisible();
    await newDraft(page);
    await goToDrafts(page);
    await expect(rows(page)).toHaveCount(1);

    await rows(page).first().getByRole('button', { name: /^Renommer/ }).click();
    await page.getByLabel('Nouveau nom').fill('Devis ACME');
    await page.getByRole('button', { name: 'Valider le nom' }).click();
    await expect(row(page, 'Devis ACME')).toHaveCount(1);
    await expect(listStatus(page)).toHaveText('Brouillon renommé « Devis ACME ».');
    // The focus is not lost with the closed form: it goes back to the row's "Renommer".
    await expect(page.getByRole('button', { name: 'Renommer « Devis ACME »' })).toBeFocused();

    await row(page, 'Devis ACME').getByRole('button', { name: 'Dupliquer « Devis ACME »' }).click();
    await expect(rows(page)).toHaveCount(2);
    await expect(row(page, 'Devis ACME (copie)')).toHaveCount(1);

    await row(page, 'Devis ACME (copie)').getByRole('button', { name: /^Supprimer/ }).click();
    await expect(rows(page)).toHaveCount(1);
    await expect(listStatus(page)).toContainText('Brouillon « Devis ACME (copie) » supprimé.');
    expect((await storedDrafts(page)).map((d) => d.name)).toEqual(['Devis ACME']);
    await expect(page.getByRole('button', { name: 'Annuler', exact: true })).toBeFocused();

    await page.getByRole('button', { name: 'Annuler', exact: true }).click();
    await expect(rows(page)).toHaveCount(2);
    await expect(listStatus(page)).toHaveText('Brouillon « Devis ACME (copie) » rétabli.');
    await expect(page.getByRole('button', { name: 'Annuler', exact: true })).toHaveCount(0);

    // Still there after a reload.
    await openDrafts(page);
    await expect(rows(page)).toHaveCount(2);
    await expect(row(page, 'Devis ACME')).toHaveCount(1);
    await expect(row(page, 'Devis ACME (copie)')).toHaveCount(1);
  });

  test('enrolment details are saved as typed, checked next to their field, and survive a reload', async ({ page }) => {
    await openDrafts(page);
    await newDraft(page);
    await renameOnPage(page, 'Inscription ACME');
    await page.getByRole('radio', { name: 'Entreprise' }).check();
    await page.getByLabel('Nom du client *').fill('ACME Formation');

    const siret = page.getByLabel('SIRET');
    await siret.fill('123 456 789 01234');
    await expect(siret).toHaveAttribute('aria-invalid', 'true');
    const siretError = page.locator('#erreur-client-siret');
    await expect(siretError).toContainText('clé de contrôle');
    await expect(siret).toHaveAttribute('aria-describedby', /erreur-client-siret/);
    await siret.fill(VALID_SIRET);
    await expect(siret).toHaveAttribute('aria-invalid', 'false');
    await expect(siretError).toHaveText('');

    await page.getByLabel('Adresse', { exact: true }).fill('1 rue de la Paix\n75002 Paris');
    const email = page.getByLabel('E-mail du client *');
    await email.fill('contact@acme');
    await expect(page.locator('#erreur-client-email')).toContainText("n'est pas valide");
    await email.fill('contact@acme.fr');
    await page.getByLabel('Téléphone du client').fill('01 23 45 67 89');

    await page.getByRole('button', { name: 'Ajouter un stagiaire' }).click();
    await page.getByLabel('Stagiaire 1 : nom').fill('Camille Martin');
    await page.getByLabel('Stagiaire 1 : e-mail').fill('camille.martin@acme.fr');
    await page.getByLabel('Stagiaire 1 : fonction').fill('Responsable formation');
    await page.getByRole('button', { name: 'Ajouter un stagiaire' }).click();
    await page.getByLabel('Stagiaire 2 : nom').fill('À retirer');
    await page.getByRole('button', { name: 'Retirer le stagiaire 2' }).click();
    await expect(page.getByLabel('Stagiaire 2 : nom')).toHaveCount(0);

    await page.getByRole('combobox', { name: 'Financement' }).selectOption('opco');
    await page.getByRole('combobox', { name: 'OPCO *' }).selectOption('AKTO');
    await page.getByRole('textbox', { name: "Montant pris en charge par l'OPCO" }).fill('2000');
    await expect.poll(() => text(page.getByTestId('brouillon-prise-en-charge'))).toBe('2 000,00 €');
    await expect.poll(() => text(page.getByTestId('brouillon-reste-a-charge'))).toBe('3 400,00 €');
    await page.getByRole('combobox', { name: 'Lieu' }).selectOption('Marseille');
    await page.getByRole('combobox', { name: 'Modalité' }).selectOption('Distanciel');
    await page.getByLabel('Date de début souhaitée').fill('2026-09-14');
    await page.getByLabel("Besoins d'accessibilité").fill('Salle accessible en fauteuil.');
    await page.getByLabel('Notes').fill('Rappeler en septembre.');

    await page.getByRole('button', { name: 'Vérifier la demande' }).click();
    await expect(page.getByTestId('verification')).toHaveText('La demande est complète.');

    // A reload (the app opened afresh) brings every detail back.
    await openDrafts(page);
    await expect(rows(page)).toHaveCount(1);
    await row(page, 'Inscription ACME').getByRole('link', { name: 'Inscription ACME', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Brouillon : Inscription ACME');
    await expect(page.getByRole('radio', { name: 'Entreprise' })).toBeChecked();
    await expect(page.getByLabel('Nom du client *')).toHaveValue('ACME Formation');
    await expect(page.getByLabel('SIRET')).toHaveValue(VALID_SIRET);
    await expect(page.getByLabel('Adresse')).toHaveValue('1 rue de la Paix\n75002 Paris');
    await expect(page.getByLabel('E-mail du client *')).toHaveValue('contact@acme.fr');
    await expect(page.getByLabel('Téléphone du client')).toHaveValue('01 23 45 67 89');
    await expect(page.getByLabel('Stagiaire 1 : nom')).toHaveValue('Camille Martin');
    await expect(page.getByLabel('Stagiaire 1 : fonction')).toHaveValue('Responsable formation');
    await expect(page.getByRole('combobox', { name: 'Financement' })).toHaveValue('opco');
    await expect(page.getByRole('combobox', { name: 'OPCO *' })).toHaveValue('AKTO');
    await expect(page.getByRole('textbox', { name: "Montant pris en charge par l'OPCO" })).toHaveValue('2000');
    await expect(page.getByRole('combobox', { name: 'Lieu' })).toHaveValue('Marseille');
    await expect(page.getByRole('combobox', { name: 'Modalité' })).toHaveValue('Distanciel');
    await expect(page.getByLabel('Date de début souhaitée')).toHaveValue('2026-09-14');
    await expect(page.getByLabel("Besoins d'accessibilité")).toHaveValue('Salle accessible en fauteuil.');
    await expect(page.getByLabel('Notes')).toHaveValue('Rappeler en septembre.');
  });

  test('"Exporter en JSON" downloads an enrolment request valid against the shipped schema, amounts as strings', async ({ page }) => {
    await openDrafts(page);
    await newDraft(page);
    await renameOnPage(page, 'Export ACME');
    await page.getByLabel('Nom du client *').fill('ACME Formation');
    await page.getByLabel('SIRET').fill(VALID_SIRET);
    await page.getByLabel('E-mail du client *').fill('contact@acme.fr');
    await page.getByRole('combobox', { name: 'Financement' }).selectOption('opco');
    await page.getByRole('combobox', { name: 'OPCO *' }).selectOption('ATLAS');
    await page.getByRole('textbox', { name: "Montant pris en charge par l'OPCO" }).fill('4000');
    await expect.poll(() => text(page.getByTestId('brouillon-reste-a-charge'))).toBe('1 400,00 €');

    await openRequest(page, 'Export ACME');
    await expect.poll(() => text(page.getByTestId('demande-reste-a-charge'))).toBe('1 400,00 €');
    const file = await downloadOf(page, () => page.getByRole('button', { name: 'Exporter en JSON' }).click());
    expect(file.name).toMatch(/^demande-inscription-export-acme-\d{4}-\d{2}-\d{2}\.json$/);
    await expect(requestStatus(page)).toContainText(`Demande d'inscription téléchargée : ${file.name}`);
    const request = JSON.parse(file.text);

    // The schema is served by the site itself.
    const response = await page.request.get('public/schema/demande-inscription-v2.schema.json');
    expect(response.ok()).toBe(true);
    const schema = await response.json();
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    const validate = ajv.compile(schema);
    expect(validate(request), JSON.stringify(validate.errors, null, 2)).toBe(true);

    expect(request.format).toBe('cosens.demande-inscription');
    expect(request.version).toBe(2);
    expect(request.draft.name).toBe('Export ACME');
    expect(request.client).toMatchObject({ kind: 'entreprise', name: 'ACME Formation', email: 'contact@acme.fr' });
    expect(request.quote.total_ht).toBe('4500.00');
    expect(request.quote.total_vat).toBe('900.00');
    expect(request.quote.total_ttc).toBe('5400.00');
    expect(request.quote.funded).toBe('4000.00');
    expect(request.quote.remaining).toBe('1400.00');
    expect(JSON.stringify(request.funding)).toContain('ATLAS');
    for (const line of request.quote.lines) {
      expect(typeof line.total_ht).toBe('string');
      expect(line.total_ht).toMatch(/^-?\d+\.\d{2}$/);
    }
    expect(request.exported_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/);
  });

  test('"Copier le JSON" puts the enrolment request on the clipboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openDrafts(page);
    await newDraft(page);
    await renameOnPage(page, 'Copie presse-papiers');
    await openRequest(page, 'Copie presse-papiers');
    await page.getByRole('button', { name: 'Copier le JSON' }).click();
    await expect(requestStatus(page)).toHaveText('JSON de la demande copié dans le presse-papiers.');
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.format).toBe('cosens.demande-inscription');
    expect(copied.draft.name).toBe('Copie presse-papiers');
    expect(copied.quote.total_ttc).toBe('5400.00');
  });

  test('"Tout exporter" then "Importer" round-trips every draft', async ({ page }) => {
    await openDrafts(page);
    await newDraft(page);
    await renameOnPage(page, 'Premier');
    await page.getByLabel('Nom du client *').fill('Client un');
    await goToDrafts(page);
    await newDraft(page);
    await renameOnPage(page, 'Second');
    await page.getByLabel('Notes').fill('Deux lignes\net des « guillemets ».');
    await goToDrafts(page);
    await expect(rows(page)).toHaveCount(2);
    const before = await storedDrafts(page);

    const backup = await downloadOf(page, () => page.getByRole('button', { name: 'Tout exporter' }).click());
    expect(backup.name).toMatch(/^brouillons-cosens-\d{4}-\d{2}-\d{2}\.json$/);
    const document = JSON.parse(backup.text);
    expect(document.format).toBe('cosens.sauvegarde-brouillons');
    expect(document.drafts).toHaveLength(2);
    const schema = await (await page.request.get('public/schema/sauvegarde-brouillons-v1.schema.json')).json();
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(schema);
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);

    // Delete both, then import the backup: everything comes back as it was.
    for (const name of ['Premier', 'Second']) {
      await row(page, name).getByRole('button', { name: /^Supprimer/ }).click();
    }
    await expect(rows(page)).toHaveCount(0);
    await importFile(page, backup.path);
    await expect(listStatus(page)).toHaveText('2 brouillons importés.');
    await expect(rows(page)).toHaveCount(2);
    const after = await storedDrafts(page);
    const byId = (list) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(after)).toEqual(byId(before));

    // Importing it again adds nothing.
    await importFile(page, backup.path);
    await expect(listStatus(page)).toContainText('Aucun brouillon ajouté ; 2 déjà présents à l\'identique');
    await expect(rows(page)).toHaveCount(2);

    // An exported enrolment request imports as a draft too.
    await row(page, 'Premier').getByRole('link', { name: 'Premier', exact: true }).click();
    await openRequest(page, 'Premier');
    const request = await downloadOf(page, () => page.getByRole('button', { name: 'Exporter en JSON' }).click());
    await goToDrafts(page);
    await importFile(page, request.path);
    await expect(listStatus(page)).toContainText(/Aucun brouillon ajouté|1 brouillon importé/);
  });

  test('an enrolment request and a backup exported here import into a fresh browser that never saw the app', async ({ page, browser }) => {
    await openDrafts(page);
    await newDraft(page);
    await renameOnPage(page, 'Pour le collègue');
    await page.getByLabel('Nom du client *').fill('ACME Formation');
    await openRequest(page, 'Pour le collègue');
    const request = await downloadOf(page, () => page.getByRole('button', { name: 'Exporter en JSON' }).click());
    await goToDrafts(page);
    const total = await text(row(page, 'Pour le collègue').getByTestId('brouillon-total'));
    const backup = await downloadOf(page, () => page.getByRole('button', { name: 'Tout exporter' }).click());

    for (const file of [request, backup]) {
      const fresh = await freshContext(browser, { acceptDownloads: true });
      const other = await fresh.newPage();
      const errors = [];
      other.on('pageerror', (e) => errors.push(e.message));
      await openDrafts(other);
      await expect(other.getByTestId('aucun-brouillon')).toBeVisible();
      await importFile(other, file.path);
      await expect(listStatus(other), file.name).toHaveText('1 brouillon importé.');
      await expect(row(other, 'Pour le collègue')).toHaveCount(1);
      await expect.poll(() => text(row(other, 'Pour le collègue').getByTestId('brouillon-total'))).toBe(total);
      await row(other, 'Pour le collègue').getByRole('link', { name: 'Pour le collègue', exact: true }).click();
      await expect(other.getByLabel('Nom du client *')).toHaveValue('ACME Formation');
      expect(errors, file.name).toEqual([]);
      await fresh.close();
    }
  });

  test('a draft prints as a devis with its client, its quote on one A4 page, then its mentions', async ({ page }) => {
    await openDrafts(page);
    await newDraft(page);
    await renameOnPage(page, 'Devis client');
    await page.getByLabel('Nom du client *').fill('ACME Formation');
    await page.getByLabel('Adresse', { exact: true }).fill('1 rue de la Paix\n75002 Paris');
    const total = await text(page.getByTestId('brouillon-total-ttc'));
    await page.getByRole('link', { name: 'Imprimer le devis' }).click();
    await expect(page).toHaveURL(urlOf(/devis\?brouillon=b[0-9-]+/));
    await expect.poll(() => text(page.getByTestId('devis-total-ttc'))).toBe(total);
    await expect(page.getByRole('textbox', { name: 'Nom ou raison sociale du client' })).toHaveValue('ACME Formation');
    await expect(page.getByRole('textbox', { name: 'Adresse du client' })).toHaveValue('1 rue de la Paix\n75002 Paris');
    await expectNoAxeViolation(page);
    expect(await printedPages(page)).toHaveLength(2);

    // An unknown draft says so and leads back to the list.
    await page.goto('./devis?brouillon=b-inconnu');
    await expect(page.getByText("Ce brouillon n'existe pas (ou plus) dans ce navigateur.")).toBeVisible();
    await expect(page.getByRole('link', { name: 'Voir les brouillons' })).toBeVisible();
  });

  test('user text like <img src=x onerror=…> is shown as text in the form, the list and the title, never run', async ({ page }) => {
    const hostile = '<img src=x onerror="window.__pirate=1">';
    await openDrafts(page);
    await newDraft(page);
    await renameOnPage(page, hostile);
    await page.getByLabel('Nom du client *').fill('<b>gras</b> & <script>window.__pirate=2</script>');
    await goToDrafts(page);
    await expect(row(page, hostile)).toHaveCount(1);
    await openDrafts(page);
    await expect(row(page, hostile)).toHaveCount(1);
    await row(page, hostile).getByRole('link', { name: hostile, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Brouillon : ${hostile}`);
    await expect(page.getByLabel('Nom du client *')).toHaveValue('<b>gras</b> & <script>window.__pirate=2</script>');
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.locator('main b, main script')).toHaveCount(0);
    expect(await page.evaluate(() => window.__pirate)).toBeUndefined();
  });

  test('a broken file is refused with a message naming the field, and nothing is lost', async ({ page }) => {
    await openDrafts(page);
    await newDraft(page);
    await renameOnPage(page, 'À garder');
    await goToDrafts(page);
    const backup = await downloadOf(page, () => page.getByRole('button', { name: 'Tout exporter' }).click());
    const before = await storedDrafts(page);

    const broken = JSON.parse(backup.text);
    broken.drafts[0].enrolment.client.email = 42;
    await importFile(page, { name: 'casse.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const error = page.getByTestId('erreur-import');
    await expect(error).toContainText('drafts[0].enrolment.client.email');
    await expect(error).toContainText("Rien n'a été importé.");
    await expect(importButton(page)).toHaveAttribute('aria-describedby', /erreur-import/);

    await importFile(page, { name: 'pas-du-json.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') });
    await expect(error).toContainText("n'est pas un document JSON valide");

    await importFile(page, { name: 'autre.json', mimeType: 'application/json', buffer: Buffer.from('{"bonjour": 1}') });
    await expect(error).toContainText('format');

    await expect(rows(page)).toHaveCount(1);
    await expect(row(page, 'À garder')).toHaveCount(1);
    expect(await storedDrafts(page)).toEqual(before);
  });

  test('unreadable stored data is set aside intact and reported; readable drafts stay', async ({ page }) => {
    await open(page);
    const garbage = '{"version": 1, "drafts": [ oops';
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, garbage]);
    await openDrafts(page);
    const notice = page.getByTestId('avis-stockage');
    await expect(notice).toContainText("n'ont pas pu être lues");
    await expect(notice).toContainText('mis de côté');
    const aside = await page.evaluate((prefix) => Object.keys(localStorage)
      .filter((k) => k.startsWith(prefix))
      .map((k) => [k, localStorage.getItem(k)]), ASIDE_PREFIX);
    expect(aside).toHaveLength(1);
    expect(aside[0][1]).toBe(garbage);
    await expect(notice).toContainText(aside[0][0]);
    // The text set aside can be downloaded raw, byte for byte.
    const raw = await downloadOf(page, () => page.getByRole('button', { name: `Télécharger « ${aside[0][0]} »` }).click());
    expect(raw.name).toBe(`${aside[0][0]}.txt`);
    expect(raw.text).toBe(garbage);

    // The app goes on; the aside text is never overwritten.
    await newDraft(page);
    await renameOnPage(page, 'Après incident');
    expect(await page.evaluate((key) => localStorage.getItem(key), aside[0][0])).toBe(garbage);
    // Typing is written after a pause, and the page says so.
    await expect(page.getByTestId('etat-enregistrement')).toHaveText('Enregistré dans ce navigateur.');
    expect((await storedDrafts(page)).map((d) => d.name)).toEqual(['Après incident']);

    // One unreadable draft among readable ones: the others are listed, all is set aside.
    const good = (await storedDrafts(page))[0];
    const mixed = JSON.stringify({ version: 1, drafts: [good, { ...good, id: 'b2', created: 'hier' }] });
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, mixed]);
    await openDrafts(page);
    await expect(page.getByTestId('avis-stockage')).toContainText('drafts[1].created');
    await expect(rows(page)).toHaveCount(1);
    const asideValues = await page.evaluate((prefix) => Object.keys(localStorage)
      .filter((k) => k.startsWith(prefix)).map((k) => localStorage.getItem(k)), ASIDE_PREFIX);
    expect(asideValues).toContain(mixed);
    expect(asideValues).toContain(garbage);
  });

  test('a full storage quota is an error the user sees; the draft stays on screen and exportable', async ({ page }) => {
    await openDrafts(page);
    await newDraft(page);
    await renameOnPage(page, 'Quota');
    // Fill the origin's storage until the browser refuses more.
    await page.evaluate(() => {
      let chunk = 'x'.repeat(1 << 20);
      for (let i = 0; chunk.length > 0 && i < 200; i += 1) {
        try {
          localStorage.setItem(`remplissage-${i}`, chunk);
        } catch {
          chunk = chunk.slice(0, Math.floor(chunk.length / 2));
        }
      }
    });
    await page.getByLabel('Notes').fill('Texte saisi quand le stockage est plein.');
    const error = page.getByTestId('erreur-stockage');
    await expect(error).toContainText('Le stockage du navigateur est plein');
    await expect(page.getByLabel('Notes')).toHaveValue('Texte saisi quand le stockage est plein.');
    // What could not be written is kept in a backup of every draft, which the list imports.
    const file = await downloadOf(page, () => page.getByRole('button', { name: 'Télécharger une sauvegarde des brouillons' }).click());
    expect(file.name).toMatch(/^brouillons-cosens-\d{4}-\d{2}-\d{2}\.json$/);
    await expect(page.getByTestId('avis-stockage')).toContainText(`Sauvegarde de 1 brouillon téléchargée : ${file.name}`);
    const kept = JSON.parse(file.text);
    expect(kept.format).toBe('cosens.sauvegarde-brouillons');
    expect(kept.drafts.map((d) => [d.name, d.enrolment.notes])).toEqual([['Quota', 'Texte saisi quand le stockage est plein.']]);
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('remplissage-')).forEach((k) => localStorage.removeItem(k)));
  });

  test('two pages of the same browser see each other\'s changes', async ({ page, context }) => {
    await openDrafts(page);
    const other = await context.newPage();
    await openDrafts(other);
    await expect(other.getByTestId('aucun-brouillon')).toBeVisible();

    await newDraft(page);
    await expect(rows(other)).toHaveCount(1);
    await renameOnPage(page, 'Vu de partout');
    await expect(row(other, 'Vu de partout')).toHaveCount(1);

    await row(other, 'Vu de partout').getByRole('button', { name: /^Dupliquer/ }).click();
    await expect(rows(other)).toHaveCount(2);
    await goToDrafts(page);
    await expect(rows(page)).toHaveCount(2);
    await expect(row(page, 'Vu de partout (copie)')).toHaveCount(1);
    await other.close();
  });

  test('the drafts list, a draft page and its request page have no axe violation', async ({ page }) => {
    await openDrafts(page);
    await expectNoAxeViolation(page);
    await newDraft(page);
    await page.getByRole('button', { name: 'Ajouter un stagiaire' }).click();
    await page.getByLabel('SIRET').fill('123');
    await page.getByRole('combobox', { name: 'Financement' }).selectOption('opco');
    await page.getByRole('button', { name: 'Vérifier la demande' }).click();
    await expect(page.getByTestId('verification')).toContainText('à compléter');
    await expectNoAxeViolation(page);
    // The enrolment request's page lists the same points, with the way back to the draft.
    const name = await page.getByLabel('Nom du brouillon *').inputValue();
    await openRequest(page, name);
    await expect(page.getByTestId('verification')).toContainText('à compléter');
    await expect(page.getByTestId('verification')).toContainText('SIRET');
    await expect(page).toHaveTitle(`Demande d'inscription « ${name} » — Co&Sens`);
    await expectNoAxeViolation(page);
    await page.getByRole('link', { name: 'Compléter le brouillon' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Brouillon : ${name}`);
    await goToDrafts(page);
    await rows(page).first().getByRole('button', { name: /^Renommer/ }).click();
    await rows(page).first().getByRole('button', { name: /^Supprimer/ }).click();
    await expect(page.getByRole('button', { name: 'Annuler', exact: true })).toBeVisible();
    await expectNoAxeViolation(page);
  });
});
