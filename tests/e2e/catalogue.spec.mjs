import { test, expect, open, urlOf, expectNoAxeViolation, text } from './fixtures.mjs';

test.describe('catalogue', () => {
  test('shows the course overview and its five modules under the sub-path', async ({ page }) => {
    await open(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Conduire un projet d'ingénierie de certification professionnelle");
    await expect(page.getByTestId('carte-module')).toHaveCount(5);
    await expect(page.getByRole('heading', { name: 'Objectifs', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: "Modalités d'évaluation" })).toBeVisible();
    const body = await text(page.locator('main'));
    expect(body).toContain('4 000,00 € HT par stagiaire');
    expect(body).toContain('Éligible au CPF');
    expect(body).toContain('16 compétences');
    expect(body).toContain('45,5 h');
  });

  test('search ignores accents: "referentiel" finds the RAC module', async ({ page }) => {
    await open(page);
    await page.getByLabel('Rechercher un module').fill('referentiel');
    await expect(page.getByTestId('carte-module')).toHaveCount(1);
    await expect(page.getByTestId('carte-module')).toContainText('Module 3');
    await expect(page.getByTestId('nombre-modules')).toHaveText('1 module correspond.');
    await page.getByLabel('Rechercher un module').fill('zzzz');
    await expect(page.getByTestId('carte-module')).toHaveCount(0);
    await expect(page.getByTestId('nombre-modules')).toHaveText('Aucun module ne correspond à la recherche.');
  });

  test('the duration filter keeps the two-day modules', async ({ page }) => {
    await open(page);
    await page.getByLabel('Durée', { exact: true }).selectOption({ label: '2 jours' });
    await expect(page.getByTestId('carte-module')).toHaveCount(2);
    await expect(page.getByTestId('carte-module').nth(0)).toContainText('Module 3');
    await expect(page.getByTestId('carte-module').nth(1)).toContainText('Module 4');
  });

  test('a module page opens by in-app navigation and links to the simulator', async ({ page }) => {
    await open(page);
    await page.getByRole('link', { name: /^Module 4 :/ }).click();
    await expect(page).toHaveURL(urlOf('module/4'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Module 4 : Élaborer le dispositif de certification');
    await expect(page.getByText('Rédiger un critère d\'évaluation à partir d\'un RAC stabilisé')).toBeVisible();
    await page.getByRole('link', { name: 'Module 5 →' }).click();
    await expect(page).toHaveURL(urlOf('module/5'));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Module 5');
  });

  test('catalogue and module pages have no axe violation', async ({ page }) => {
    await open(page);
    await expectNoAxeViolation(page);
    await page.getByRole('link', { name: /^Module 1 :/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Module 1');
    await expectNoAxeViolation(page);
  });
});
