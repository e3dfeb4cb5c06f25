// Every screen has its own document title, starting with the screen's name (SPEC, "Names
// the tests rely on"): what a browser tab, the history and a screen reader announce.
import { test, expect, open, holdTheApp, navLink, urlOf } from './fixtures.mjs';

const SITE = ' — Co&Sens';

test('each screen of the navigation names itself in the document title', async ({ page }) => {
  await open(page);
  await expect(page).toHaveTitle(`Catalogue de la formation RS5302${SITE}`);
  for (const [link, title] of [
    ['Simulateur', 'Simulateur de prix'],
    ['Annulation', "Frais d'annulation"],
    ['Pénalités de retard', 'Pénalités de retard'],
    ['Brouillons', "Brouillons d'inscription"],
    ['Catalogue', 'Catalogue de la formation RS5302'],
  ]) {
    await navLink(page, link).click();
    await expect(page).toHaveTitle(`${title}${SITE}`);
  }
});

// An unknown address and an unknown draft: host.spec.mjs (they need a host with 404.html).
test('module pages, the devis and a draft have titles of their own', async ({ page }) => {
  await open(page, 'module/3');
  await expect(page).toHaveTitle(/^Module 3 : .+ — Co&Sens$/);
  await open(page, 'devis');
  await expect(page).toHaveTitle(/^Devis .*— Co&Sens$/);
  await open(page, 'brouillons');
  await page.getByRole('button', { name: 'Nouveau brouillon' }).click();
  await expect(page).toHaveURL(urlOf(/brouillons\/[^/]+/));
  await expect(page).toHaveTitle(/^Brouillon « .+ » — Co&Sens$/);
});

test('the prerendered catalogue carries its title before the app runs', async ({ page }) => {
  await holdTheApp(page);
  await page.goto('./');
  await expect(page.locator('#app.apercu')).toHaveCount(1);
  await expect(page).toHaveTitle(`Catalogue de la formation RS5302${SITE}`);
});
