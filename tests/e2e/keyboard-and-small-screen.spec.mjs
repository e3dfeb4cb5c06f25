// Two quality bars of the SPEC: the app works with the keyboard only (skip link first,
// focus always visible, the simulator reachable and usable from the catalogue), and every
// screen fits a 320 px wide window with no horizontal scroll. Screens are reached by in-app
// navigation from the root, as the static server has no rewrite rule.
import {
  test, expect, open, BASE, urlOf, navLink, goVia, overflowing, expectAppRunning,
} from './fixtures.mjs';

/** What has the focus, described for messages, and whether its focus ring shows. */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { what: 'body', ring: false, inMain: false, inNav: false };
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow && cs.boxShadow !== 'none';
    const name = (el.getAttribute('aria-label') || el.labels?.[0]?.innerText || el.innerText || el.value || '').trim().slice(0, 40);
    return {
      what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${name}"`,
      ring: outline || shadow,
      style: `outline: ${cs.outlineStyle} ${cs.outlineWidth}; box-shadow: ${cs.boxShadow}`,
      inMain: !!el.closest('main#contenu'),
      inNav: !!el.closest('nav[aria-label="Navigation principale"]'),
    };
  });
}

/** Expects the focused element to show a focus ring (outline or box-shadow). */
async function expectVisibleFocus(page) {
  const f = await focused(page);
  expect(f.ring, `focus ring on ${f.what} (${f.style})`).toBe(true);
  return f;
}

const isFocused = (locator) => locator.evaluate((el) => el === document.activeElement);

/**
 * Presses `key` (Tab or Shift+Tab) until `target` has the focus, checking at each stop that
 * the focus is visible; fails with the path taken if `max` presses do not get there.
 */
async function tabTo(page, target, key = 'Tab', max = 60) {
  const path = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(key);
    const f = await expectVisibleFocus(page);
    path.push(f.what);
    if (await isFocused(target)) return path;
  }
  throw new Error(`${key} × ${max} never reached the target; focus went through: ${path.join(' → ')}`);
}

/**
 * After Enter on the skip link: the focus is on the main content, and the next Tab goes on
 * inside it, not back to the header.
 */
async function expectSkippedToMain(page) {
  await expect.soft.poll(async () => (await focused(page)).what, { message: 'focus after Enter on the skip link' }).toMatch(/^main#contenu/);
  await page.keyboard.press('Tab');
  const next = await expectVisibleFocus(page);
  expect.soft(next.inMain, `Tab after the skip link went to ${next.what}`).toBe(true);
}

test.describe('keyboard only', () => {
  test('on the catalogue the skip link is the first Tab stop and Enter moves the focus to the main content', async ({ page }) => {
    await open(page);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Aller au contenu' });
    expect(await isFocused(skip), `first Tab stop: ${(await focused(page)).what}`).toBe(true);
    await expectVisibleFocus(page);
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expectSkippedToMain(page);
    expect.soft(new URL(page.url()).pathname).toBe(BASE);
  });

  test('on the simulator too, the skip link moves the focus to the main content and stays on the screen', async ({ page }) => {
    await open(page);
    const simulatorLink = navLink(page, 'Simulateur');
    await tabTo(page, simulatorLink, 'Tab', 10);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(urlOf('simulateur'));
    await expect(page.getByTestId('total-ht')).toBeVisible();
    // The simulator is a page of its own, shown prerendered first: once its app has taken
    // over, its first Tab stop is the skip link; Enter.
    await expectAppRunning(page);
    const skip = page.getByRole('link', { name: 'Aller au contenu' });
    await tabTo(page, skip, 'Tab', 3);
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect.soft(new URL(page.url()).pathname, 'the skip link must not leave the simulator').toBe(`${BASE}simulateur`);
    await expect.soft(page.getByRole('radio', { name: 'Parcours complet' })).toBeVisible();
    await expectSkippedToMain(page);
  });

  test('from the catalogue, the menu leads to the simulator, where the keyboard changes the trainees, certification and modules and the total follows', async ({ page }) => {
    await open(page);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    // Tab through the skip link and the header to "Simulateur" in the main navigation.
    const simulatorLink = navLink(page, 'Simulateur');
    const path = await tabTo(page, simulatorLink, 'Tab', 10);
    expect(path[0]).toContain('Aller au contenu');
    expect((await focused(page)).inNav).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(urlOf('simulateur'));
    await expect(page.getByRole('radio', { name: 'Parcours complet' })).toBeChecked();
    await expect(page.getByTestId('total-ht')).toHaveText(/^4\s500,00\s€$/);

    // Tab to "Nombre de stagiaires" and type 3: full course with certification × 3.
    const trainees = page.getByRole('spinbutton', { name: 'Nombre de stagiaires' });
    await tabTo(page, trainees);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await expect(trainees).toHaveValue('3');
    await expect(page.getByTestId('total-ht')).toHaveText(/^13\s500,00\s€$/);
    await expect(page.getByTestId('total-ttc')).toHaveText(/^16\s200,00\s€$/);
    // Arrow up adds one trainee.
    await page.keyboard.press('ArrowUp');
    await expect(trainees).toHaveValue('4');
    await expect(page.getByTestId('total-ht')).toHaveText(/^18\s000,00\s€$/);

    // A checkbox with Space: certification off → 4 × 4 000 €.
    const certification = page.getByRole('checkbox', { name: 'Accès à la certification' });
    await tabTo(page, certification);
    await page.keyboard.press('Space');
    await expect(certification).not.toBeChecked();
    await expect(page.getByTestId('total-ht')).toHaveText(/^16\s000,00\s€$/);

    // Back with Shift+Tab to the formula radios; the arrow key picks the modular formula,
    // then Tab and Space leave modules 3 and 4 ticked, whatever the switch left ticked.
    const modular = page.getByRole('radio', { name: 'Parcours modulaire' });
    await tabTo(page, page.getByRole('radio', { name: 'Parcours complet' }), 'Shift+Tab');
    await page.keyboard.press('ArrowDown');
    await expect(modular).toBeChecked();
    await expect(modular).toBeFocused();
    for (let n = 1; n <= 5; n += 1) {
      const box = page.getByRole('checkbox', { name: new RegExp(`^Module ${n}\\b`) });
      await tabTo(page, box);
      if ((await box.isChecked()) !== [3, 4].includes(n)) await page.keyboard.press('Space');
      if ([3, 4].includes(n)) await expect(box).toBeChecked();
      else await expect(box).not.toBeChecked();
    }
    // Modules 3 and 4 for 4 trainees: 4 × 3 000 €.
    await expect(page.getByTestId('total-ht')).toHaveText(/^12\s000,00\s€$/);
  });
});

async function expectNoHorizontalScroll(page) {
  // Let the screen settle (fonts, late renders) before measuring.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(100);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(innerWidth).toBe(320);
  const offenders = scrollWidth > innerWidth ? await overflowing(page) : [];
  expect(scrollWidth, `page ${new URL(page.url()).pathname} is ${scrollWidth}px wide; elements past 320px:\n${offenders.slice(0, 25).join('\n')}`).toBeLessThanOrEqual(innerWidth);
}

const viaMenu = (name, path) => async (page) => {
  await goVia(page, name, path);
  await expect(page.locator('main#contenu h1').first()).toBeVisible();
};

const SCREENS = [
  ['catalogue', async (page) => {
    await expect(page.getByRole('link', { name: /^Module 1 :/ })).toBeVisible();
  }],
  ['a module page (/module/3)', async (page) => {
    await page.getByRole('link', { name: /^Module 3 :/ }).click();
    await expect(page).toHaveURL(urlOf('module/3'));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Module 3');
  }],
  ['/simulateur', async (page) => {
    await viaMenu('Simulateur', 'simulateur')(page);
    await expect(page.getByTestId('total-ttc')).toBeVisible();
  }],
  ['/annulation', viaMenu('Annulation', 'annulation')],
  ['/penalites', viaMenu('Pénalités de retard', 'penalites')],
  ['/brouillons', viaMenu('Brouillons', 'brouillons')],
  ['a draft form (/brouillons/ID)', async (page) => {
    await viaMenu('Brouillons', 'brouillons')(page);
    await page.getByRole('button', { name: 'Nouveau brouillon' }).click();
    await expect(page).toHaveURL(urlOf(/brouillons\/b[0-9-]+/));
    await expect(page.getByRole('heading', { level: 1, name: /^Brouillon : / })).toBeVisible();
  }],
  ['/devis', async (page) => {
    await viaMenu('Simulateur', 'simulateur')(page);
    await page.getByRole('link', { name: 'Imprimer le devis' }).click();
    await expect(page).toHaveURL(urlOf('devis'));
    await expect(page.getByTestId('devis-numero')).toBeVisible();
  }],
];

test.describe('a 320 px wide window', () => {
  test.use({ viewport: { width: 320, height: 720 } });

  for (const [screen, reach] of SCREENS) {
    test(`${screen} has no horizontal scroll`, async ({ page }) => {
      await open(page);
      await reach(page);
      await expectNoHorizontalScroll(page);
    });
  }
});
