// Scheduled sessions (issue 19): the catalogue's « Prochaines sessions », a module's dates,
// the simulator's « Session » select and the dates under the quote, the calendar file, the
// share link that carries a session (and the one whose session is gone, full or begun),
// the JSON-LD for search engines, the cancellation screen filled from a quote's session,
// and drafts and enrolment requests that keep it.
//
// The build under test embeds tests/fixtures/catalogue.json, whose three sessions are
// (checked below against the file, so that a change there fails here first):
// - paris-2027-03, Paris, Présentiel, open: M1 Tue 9 March 2027, M2 Wed 10, M3 Tue 16 + Wed
//   17, M4 Tue 23 + Wed 24, M5 Tue 30 March;
// - marseille-2027-05, Marseille, Présentiel, full: M1 Tue 11 May, M2 Wed 12, M3 Tue 18 +
//   Wed 19, M4 Tue 25 + Wed 26 May, M5 Tue 1 June;
// - distanciel-2027-09, Paris, Distanciel, open: M1 Tue 14 Sept, M2 Wed 15, M3 Tue 21 + Wed
//   22, M4 Tue 28 + Wed 29 Sept, M5 Tue 5 October.
// "Upcoming" is a first date strictly after the browser's today, set with Playwright's
// clock: BEFORE every session (Monday 7 December 2026), BETWEEN (Thursday 1 April 2027:
// Paris has started; Marseille, then the distanciel one, are upcoming), AFTER all
// (Monday 1 November 2027).
//
// The OPCO deadlines, by hand (CGV: at least 1 jour ouvrable — Monday to Saturday, not a
// public holiday — strictly between the agreement's arrival and the start): Paris starts
// Tuesday 9 March 2027; arriving Sunday 7 March leaves Monday 8 between (1), arriving
// Monday 8 leaves none → « dimanche 7 mars 2027 ». The distanciel session starts Tuesday
// 14 September 2027 → « dimanche 12 septembre 2027 ».
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import {
  test, expect, open, openSimulator, goVia, openVia, urlOf, freshContext, builtCatalogue, DIST,
  expectNoAxeViolation, expectFigures, fold, text, texts, overflowing,
} from './fixtures.mjs';

const BEFORE = '2026-12-07';
const BETWEEN = '2027-04-01';
const AFTER = '2027-11-01';
const WIDTHS = [320, 375, 414];

const PARIS = 'paris-2027-03';
const MARSEILLE = 'marseille-2027-05';
const DISTANCIEL = 'distanciel-2027-09';

/** Each session's days, module by module, as the fixture has them. */
const DAYS = {
  [PARIS]: { 1: ['2027-03-09'], 2: ['2027-03-10'], 3: ['2027-03-16', '2027-03-17'], 4: ['2027-03-23', '2027-03-24'], 5: ['2027-03-30'] },
  [MARSEILLE]: { 1: ['2027-05-11'], 2: ['2027-05-12'], 3: ['2027-05-18', '2027-05-19'], 4: ['2027-05-25', '2027-05-26'], 5: ['2027-06-01'] },
  [DISTANCIEL]: { 1: ['2027-09-14'], 2: ['2027-09-15'], 3: ['2027-09-21', '2027-09-22'], 4: ['2027-09-28', '2027-09-29'], 5: ['2027-10-05'] },
};

/** What the catalogue says of each session, in one line (place, mode — its range). */
const HEADLINE = {
  [PARIS]: 'Paris, présentiel — du mardi 9 mars au mardi 30 mars 2027',
  [MARSEILLE]: 'Marseille, présentiel — du mardi 11 mai au mardi 1er juin 2027',
  [DISTANCIEL]: 'Paris, distanciel — du mardi 14 septembre au mardi 5 octobre 2027',
};

/** The session as the select and the cancellation screen name it. */
const LABEL = {
  [PARIS]: 'Paris, présentiel, du mardi 9 mars au mardi 30 mars 2027',
  [MARSEILLE]: 'Marseille, présentiel, du mardi 11 mai au mardi 1er juin 2027',
  [DISTANCIEL]: 'Paris, distanciel, du mardi 14 septembre au mardi 5 octobre 2027',
};

/** « Dates des modules » of the Paris session, in words. */
const PARIS_MODULE_LINES = [
  'Module 1 : mardi 9 mars 2027',
  'Module 2 : mercredi 10 mars 2027',
  'Module 3 : mardi 16 mars 2027 et mercredi 17 mars 2027',
  'Module 4 : mardi 23 mars 2027 et mercredi 24 mars 2027',
  'Module 5 : mardi 30 mars 2027',
];

const PARIS_ADDRESS = 'Co&Sens, 173, rue de Charenton, 75012 Paris';
const REMOTE = 'À distance (session de Paris)';
const PARIS_HOURS = 'De 9 h 30 à 13 h 00 et de 14 h 00 à 17 h 30';
/** The hours a Paris event gives: the CGV's for a day, the notice's for the half-day module 5. */
const hoursOf = (e) => (e.DTSTART?.value === DAYS[PARIS][5][0].replaceAll('-', '')
  ? 'Demi-journée, horaires indiqués sur la convocation'
  : PARIS_HOURS);

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/** Sets the browser's clock to `day` (10:00, Paris) before the page opens anything. */
async function setToday(page, day) {
  await page.clock.setFixedTime(new Date(`${day}T10:00:00+01:00`));
}

const sessionSelect = (page) => page.getByRole('combobox', { name: 'Session', exact: true });
const shareField = (page) => page.getByRole('textbox', { name: 'Lien de partage' });
const agendaButton = (scope) => scope.getByRole('button', { name: 'Ajouter la session à mon agenda' });

/** Ticks exactly `modules` in the modular formula. */
async function modular(page, modules) {
  await page.getByRole('radio', { name: 'Parcours modulaire' }).check();
  for (let n = 1; n <= 5; n += 1) {
    await page.getByRole('checkbox', { name: new RegExp(`^Module ${n}\\b`) }).setChecked(modules.includes(n));
  }
}

/** The `value` and visible text of each option of a select. */
async function options(select) {
  return select.locator('option').evaluateAll((list) => list.map((o) => [o.value, o.textContent.trim()]));
}

/** Clicks `click`, waits for the download; its name and text. */
async function downloadOf(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), path: file, text: await readFile(file, 'utf8') };
}

/** A TEXT value of iCalendar unescaped (RFC 5545, 3.3.11). */
const unescapeText = (v) => v.replace(/\\([\\;,nN])/g, (_, c) => (c === 'n' || c === 'N' ? '\n' : c));

/**
 * An iCalendar file read as RFC 5545 says: CRLF line endings, physical lines of at most 75
 * octets, unfolded (a CRLF followed by a space or a tab joins the lines), then each content
 * line split into name, parameters and value. Returns the calendar's properties and its
 * events, each a map from property name to `{ params, value }` (TEXT values unescaped).
 */
function parseIcs(raw) {
  expect(raw.endsWith('\r\n'), 'the file ends with CRLF').toBe(true);
  expect(raw.replace(/\r\n/g, ''), 'no bare LF or CR').not.toMatch(/[\r\n]/);
  const physical = raw.slice(0, -2).split('\r\n');
  for (const line of physical) expect(Buffer.byteLength(line, 'utf8'), `line of at most 75 octets: ${line}`).toBeLessThanOrEqual(75);
  const lines = raw.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  const stack = [];
  let calendar = null;
  const events = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    expect(colon, `a content line: ${line}`).toBeGreaterThan(0);
    const [name, ...paramList] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1);
    if (name === 'BEGIN') {
      stack.push({ kind: value, props: {} });
    } else if (name === 'END') {
      const done = stack.pop();
      expect(done?.kind, `END:${value} closes what BEGIN opened`).toBe(value);
      if (value === 'VEVENT') events.push(done.props);
      if (value === 'VCALENDAR') calendar = done.props;
    } else {
      expect(stack.length, `${name} inside a component`).toBeGreaterThan(0);
      const params = Object.fromEntries(paramList.map((p) => p.split('=')));
      stack[stack.length - 1].props[name] = { params, value: unescapeText(value) };
    }
  }
  expect(stack, 'every component closed').toEqual([]);
  expect(calendar, 'one VCALENDAR').not.toBeNull();
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines[lines.length - 1]).toBe('END:VCALENDAR');
  return { calendar, events };
}

/** `2027-03-09` → `20270309`. */
const icsDate = (iso) => iso.replaceAll('-', '');

/** Expects each event to be an all-day event of a training day, on `days` in order. */
function expectTrainingDays(events, days) {
  expect(events.map((e) => e.DTSTART?.value)).toEqual(days.map(icsDate));
  for (const e of events) {
    expect(e.DTSTART.params.VALUE, 'DTSTART;VALUE=DATE').toBe('DATE');
    expect(e.UID?.value, 'each event has a UID').toBeTruthy();
    expect(e.SUMMARY?.value, 'each event has a summary').toBeTruthy();
  }
  expect(new Set(events.map((e) => e.UID.value)).size, 'UIDs are unique').toBe(events.length);
}

/** The page fits `width`: no horizontal scroll; each `testids` element within the window. */
async function expectFits(page, width, testids) {
  await page.evaluate(() => document.fonts.ready);
  const m = await page.evaluate((ids) => ({
    inner: window.innerWidth,
    scroll: document.documentElement.scrollWidth,
    parts: ids.map((id) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      const r = el?.getBoundingClientRect();
      return { id, found: !!el, left: r?.left, right: r?.right };
    }),
  }), testids);
  expect(m.inner).toBe(width);
  const offenders = m.scroll > m.inner ? await overflowing(page) : [];
  expect(m.scroll, `${page.url()} is ${m.scroll}px wide at ${width}px; past the edge:\n${offenders.slice(0, 25).join('\n')}`)
    .toBeLessThanOrEqual(m.inner);
  for (const p of m.parts) {
    expect(p.found, `${p.id} shown`).toBe(true);
    expect(p.left, `${p.id} at ${width}px`).toBeGreaterThanOrEqual(0);
    expect(p.right, `${p.id} at ${width}px`).toBeLessThanOrEqual(width + 0.5);
  }
}

/** A new browser (see `freshContext`) whose clock reads `day`; its page and its errors. */
async function visitorOn(browser, day) {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await setToday(page, day);
  return { page, errors, close: () => context.close() };
}

/** The course's JSON-LD in an HTML text: every `application/ld+json` script, parsed. */
function jsonLdIn(html) {
  const scripts = [...html.matchAll(/<script[^>]*type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)];
  return scripts.map((m) => JSON.parse(m[1]));
}

/** Expects `course` to be the schema.org Course of the catalogue, with `instances` (ids). */
function expectCourse(course, instances) {
  const c = builtCatalogue();
  expect(course['@context']).toMatch(/^https?:\/\/schema\.org\/?$/);
  expect(course['@type']).toBe('Course');
  expect(course.name).toBe(c.course.title);
  expect(typeof course.description).toBe('string');
  expect(course.description.length).toBeGreaterThan(20);
  expect(course.courseCode).toBe('RS5302');
  expect(course.provider?.name).toBe('Co&Sens');
  const offers = [course.offers].flat();
  expect(offers.length).toBeGreaterThan(0);
  expect(Number(offers[0].price)).toBe(Number(c.prices.full_course_ht));
  expect(offers[0].priceCurrency).toBe('EUR');
  const list = [course.hasCourseInstance ?? []].flat();
  const expected = {
    [PARIS]: { courseMode: /onsite|présentiel/i, startDate: '2027-03-09', endDate: '2027-03-30', location: PARIS_ADDRESS },
    [MARSEILLE]: { courseMode: /onsite|présentiel/i, startDate: '2027-05-11', endDate: '2027-06-01', location: 'Marseille' },
    [DISTANCIEL]: { courseMode: /online|distanciel/i, startDate: '2027-09-14', endDate: '2027-10-05', location: REMOTE },
  };
  expect(list.map((i) => i['@type'])).toEqual(instances.map(() => 'CourseInstance'));
  expect(list.map((i) => i.startDate)).toEqual(instances.map((id) => expected[id].startDate));
  instances.forEach((id, k) => {
    const i = list[k];
    expect(String(i.courseMode), id).toMatch(expected[id].courseMode);
    expect(i.endDate, id).toBe(expected[id].endDate);
    expect(JSON.stringify(i.location), `${id} location`).toContain(expected[id].location);
  });
}

// ---------------------------------------------------------------------------------------
// The fixture the expectations above are written for
// ---------------------------------------------------------------------------------------

test('the fixture catalogue holds the three sessions these tests expect', () => {
  const sessions = builtCatalogue().sessions;
  const got = Object.fromEntries(sessions.map((s) => [s.id, {
    place: s.place, mode: s.mode, status: s.status,
    days: Object.fromEntries(s.modules.map((m) => [m.module, m.dates])),
  }]));
  expect(got).toEqual({
    [PARIS]: { place: 'Paris', mode: 'Présentiel', status: 'open', days: DAYS[PARIS] },
    [MARSEILLE]: { place: 'Marseille', mode: 'Présentiel', status: 'full', days: DAYS[MARSEILLE] },
    [DISTANCIEL]: { place: 'Paris', mode: 'Distanciel', status: 'open', days: DAYS[DISTANCIEL] },
  });
});

// ---------------------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------------------

test.describe('the catalogue lists the upcoming sessions', () => {
  test('before any session, all three in date order, each with its dates on demand, the full one closed, and the next open one\'s OPCO deadline', async ({ page }) => {
    await setToday(page, BEFORE);
    await open(page);
    const section = page.getByTestId('prochaines-sessions');
    await expect(section.getByRole('heading', { name: 'Prochaines sessions' })).toBeVisible();
    const items = section.locator('li[data-testid^="session-"]');
    await expect(items).toHaveCount(3);
    expect(await items.evaluateAll((l) => l.map((li) => li.dataset.testid)))
      .toEqual([`session-${PARIS}`, `session-${MARSEILLE}`, `session-${DISTANCIEL}`]);
    for (const id of [PARIS, MARSEILLE, DISTANCIEL]) {
      expect(await text(section.getByTestId(`session-${id}`))).toContain(HEADLINE[id]);
    }

    // Paris: its modules' dates behind « Dates des modules », and its calendar.
    const paris = section.getByTestId(`session-${PARIS}`);
    await paris.locator('summary').filter({ hasText: 'Dates des modules' }).click();
    await expect(paris.locator('details')).toHaveAttribute('open', '');
    expect(await texts(paris.locator('details li'))).toEqual(PARIS_MODULE_LINES);
    await expect(agendaButton(paris)).toBeVisible();

    // Marseille is full: the CGV's sentence, no calendar to add.
    const marseille = section.getByTestId(`session-${MARSEILLE}`);
    const said = await text(marseille);
    expect(said).toContain('Complète : les inscriptions sont closes');
    expect(said).toContain("liste d'attente");
    await expect(agendaButton(marseille)).toHaveCount(0);
    await marseille.locator('summary').filter({ hasText: 'Dates des modules' }).click();
    expect(await texts(marseille.locator('details li'))).toContain('Module 5 : mardi 1er juin 2027');

    const distanciel = section.getByTestId(`session-${DISTANCIEL}`);
    await expect(agendaButton(distanciel)).toBeVisible();
    expect(await text(distanciel)).not.toContain('Complète');

    // The next open session is Paris: its OPCO deadline.
    const opco = await text(page.getByTestId('date-limite-opco-session'));
    expect(opco).toContain('dimanche 7 mars 2027');
    expect(opco).toContain('OPCO');
    await expect(page.getByTestId('sessions-nous-consulter')).toHaveCount(0);
    await expectNoAxeViolation(page);
  });

  test('between sessions, the one already begun is gone and the OPCO deadline is the next open one\'s, not the full one\'s', async ({ page }) => {
    await setToday(page, BETWEEN);
    await open(page);
    const items = page.getByTestId('prochaines-sessions').locator('li[data-testid^="session-"]');
    await expect(items).toHaveCount(2);
    expect(await items.evaluateAll((l) => l.map((li) => li.dataset.testid)))
      .toEqual([`session-${MARSEILLE}`, `session-${DISTANCIEL}`]);
    const opco = await text(page.getByTestId('date-limite-opco-session'));
    expect(opco).toContain('dimanche 12 septembre 2027');
    expect(opco).not.toContain('mai 2027');
  });

  test('after every session, « Prochaines sessions : nous consulter » with the referents\' contacts', async ({ page }) => {
    await setToday(page, AFTER);
    await open(page);
    const section = page.getByTestId('prochaines-sessions');
    await expect(section.locator('[data-testid^="session-"]')).toHaveCount(0);
    const ask = section.getByTestId('sessions-nous-consulter');
    await expect(ask).toBeVisible();
    const said = await text(ask);
    expect(said).toContain('Prochaines sessions : nous consulter');
    for (const r of builtCatalogue().referents) {
      expect(said).toContain(r.name);
      expect(said).toContain(r.phone);
      expect(said).toContain(r.email);
    }
    await expect(page.getByTestId('date-limite-opco-session')).toHaveCount(0);
    await expect(agendaButton(page)).toHaveCount(0);
    await expectNoAxeViolation(page);
  });

  test('the catalogue page carries every heading a trainee is owed before any contract (Qualiopi, indicator 1)', async ({ page }) => {
    await setToday(page, BEFORE);
    await open(page);
    for (const name of [
      'Prérequis', 'Objectifs', 'Durée', "Modalités et délais d'accès", 'Tarifs', 'Contacts',
      'Méthodes mobilisées', "Modalités d'évaluation", 'Accessibilité aux personnes handicapées',
      'Certification', 'Prochaines sessions',
    ]) {
      await expect(page.getByRole('heading', { name, exact: true }), name).toBeVisible();
    }
    expect(await text(page.locator('main#contenu'))).toContain('RS5302');
  });
});

test.describe('the course for search engines and partners (JSON-LD)', () => {
  test('the served HTML carries a schema.org Course with one CourseInstance per session upcoming on the build day', async ({ request }) => {
    const response = await request.get('./');
    expect(response.ok()).toBe(true);
    const html = await response.text();
    const found = jsonLdIn(html);
    expect(found, 'one JSON-LD script in the served catalogue page').toHaveLength(1);
    // The page was prerendered when the build ran: its instances are the sessions upcoming
    // on that day (the day its index.html was written, in Paris).
    const built = (await stat(path.join(DIST, 'index.html'))).mtime;
    const buildDay = built.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
    const upcoming = builtCatalogue().sessions
      .map((s) => [s.id, s.modules.flatMap((m) => m.dates).sort()[0]])
      .filter(([, first]) => first > buildDay)
      .sort((a, b) => a[1].localeCompare(b[1]))
      .map(([id]) => id);
    expectCourse(found[0], upcoming);
    // Nothing in it can close the script element early.
    const body = html.match(/<script[^>]*type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/)[1];
    expect(body).not.toContain('<');
  });

  test('once the app runs, the JSON-LD reflects the browser\'s day', async ({ page }) => {
    await setToday(page, BETWEEN);
    await open(page);
    const scripts = page.locator('script[type="application/ld+json"]');
    await expect(scripts, 'one JSON-LD script, not the preview\'s and the app\'s').toHaveCount(1);
    expectCourse(JSON.parse(await scripts.textContent()), [MARSEILLE, DISTANCIEL]);
  });

  test('after every session, the JSON-LD still describes the course, with no instance', async ({ page }) => {
    await setToday(page, AFTER);
    await open(page);
    const scripts = page.locator('script[type="application/ld+json"]');
    await expect(scripts).toHaveCount(1);
    expectCourse(JSON.parse(await scripts.textContent()), []);
  });
});

// ---------------------------------------------------------------------------------------
// A module's page
// ---------------------------------------------------------------------------------------

test.describe("a module's page", () => {
  test('module 3 lists its dates in each upcoming session', async ({ page }) => {
    await setToday(page, BEFORE);
    await open(page, 'module/3');
    await expect(page).toHaveURL(urlOf('module/3'));
    const dates = page.getByTestId('dates-module');
    await expect(dates.getByRole('heading', { name: 'Dates de ce module' })).toBeVisible();
    const rows = await texts(dates.locator('li'));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('Paris');
    expect(rows[0]).toContain('mardi 16 mars 2027 et mercredi 17 mars 2027');
    expect(rows[1]).toContain('Marseille');
    expect(rows[1]).toContain('mardi 18 mai 2027 et mercredi 19 mai 2027');
    expect(rows[2]).toContain('distanciel');
    expect(rows[2]).toContain('mardi 21 septembre 2027 et mercredi 22 septembre 2027');
    await expectNoAxeViolation(page);
  });

  test('between sessions, only the upcoming ones; after all, whom to ask', async ({ page, browser }) => {
    await setToday(page, BETWEEN);
    await open(page, 'module/5');
    const rows = await texts(page.getByTestId('dates-module').locator('li'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('mardi 1er juin 2027');
    expect(rows[1]).toContain('mardi 5 octobre 2027');

    const later = await visitorOn(browser, AFTER);
    await open(later.page, 'module/5');
    await expect(later.page.getByTestId('dates-module').getByTestId('sessions-nous-consulter')).toContainText('Prochaines sessions : nous consulter');
    expect(later.errors).toEqual([]);
    await later.close();
  });
});

// ---------------------------------------------------------------------------------------
// The simulator
// ---------------------------------------------------------------------------------------

test.describe("the simulator's session", () => {
  test('« Session » offers « Dates à convenir » and each upcoming open session, never the full one', async ({ page, browser }) => {
    await setToday(page, BEFORE);
    await openSimulator(page);
    await expect(sessionSelect(page)).toHaveValue('');
    const offered = await options(sessionSelect(page));
    expect(offered.map(([v]) => v)).toEqual(['', PARIS, DISTANCIEL]);
    expect(offered[0][1]).toBe('Dates à convenir');
    expect(fold(offered[1][1])).toContain('Paris');
    expect(fold(offered[2][1])).toContain('distanciel');
    await expect(page.getByTestId('dates-session')).toHaveCount(0);

    const between = await visitorOn(browser, BETWEEN);
    await openSimulator(between.page);
    expect((await options(sessionSelect(between.page))).map(([v]) => v)).toEqual(['', DISTANCIEL]);
    expect(between.errors).toEqual([]);
    await between.close();

    const after = await visitorOn(browser, AFTER);
    await openSimulator(after.page);
    expect((await options(sessionSelect(after.page))).map(([v]) => v)).toEqual(['']);
    expect(after.errors).toEqual([]);
    await after.close();
  });

  test('a session chosen shows its dates under the quote: every module for the full course, the ticked ones for a modular quote', async ({ page }) => {
    await setToday(page, BEFORE);
    await openSimulator(page);
    await sessionSelect(page).selectOption(PARIS);
    const dates = page.getByTestId('dates-session');
    await expect(dates).toBeVisible();
    expect(await text(dates)).toContain(LABEL[PARIS]);
    expect(await texts(dates.locator('li'))).toEqual(PARIS_MODULE_LINES);
    // With the dates, the chosen days' calendar file (the one such button on the screen).
    await expect(agendaButton(page)).toHaveCount(1);
    await expect(agendaButton(page)).toBeVisible();
    await expectNoAxeViolation(page);

    await modular(page, [3, 5]);
    await expect.poll(() => texts(dates.locator('li'))).toEqual([PARIS_MODULE_LINES[2], PARIS_MODULE_LINES[4]]);

    // Back to « Dates à convenir »: no dates, and the link no longer names a session.
    await sessionSelect(page).selectOption('');
    await expect(page.getByTestId('dates-session')).toHaveCount(0);
    await expect(agendaButton(page)).toHaveCount(0);
    await expect.poll(() => shareField(page).inputValue()).not.toContain(PARIS);
  });

  test('the share link carries the session and opens with it in a fresh browser', async ({ page, browser }) => {
    await setToday(page, BEFORE);
    await openSimulator(page);
    await modular(page, [1, 3]);
    await page.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).fill('2');
    await sessionSelect(page).selectOption(DISTANCIEL);
    await expect(page.getByTestId('dates-session')).toBeVisible();
    await expect.poll(() => shareField(page).inputValue()).toContain(`~${DISTANCIEL}`);
    const link = await shareField(page).inputValue();
    expect(new URL(link).searchParams.get('devis'), link).toMatch(new RegExp(`^2~.*~${DISTANCIEL}$`));
    const ttc = await text(page.getByTestId('total-ttc'));

    const visitor = await visitorOn(browser, BEFORE);
    await visitor.page.goto(link);
    await expect(visitor.page).toHaveURL(urlOf('simulateur'));
    await expect(sessionSelect(visitor.page)).toHaveValue(DISTANCIEL);
    await expectFigures(visitor.page, { 'total-ttc': ttc });
    const dates = visitor.page.getByTestId('dates-session');
    expect(await texts(dates.locator('li'))).toEqual([
      'Module 1 : mardi 14 septembre 2027',
      'Module 3 : mardi 21 septembre 2027 et mercredi 22 septembre 2027',
    ]);
    await expect(visitor.page.getByTestId('notice-session')).toHaveCount(0);
    expect(await shareField(visitor.page).inputValue()).toBe(link);
    expect(visitor.errors).toEqual([]);
    await visitor.close();
  });

  test('the largest quote with the longest session id adds under 200 characters to the base address', async ({ page, baseURL }) => {
    const c = builtCatalogue();
    const longest = [...c.sessions].filter((s) => s.status === 'open').sort((a, b) => b.id.length - a.id.length)[0].id;
    expect(longest).toBe(DISTANCIEL);
    await setToday(page, BEFORE);
    await openSimulator(page);
    await modular(page, [1, 2, 3, 4, 5]);
    await page.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).fill(String(c.prices.trainees_max));
    await page.getByRole('spinbutton', { name: "Jours d'accompagnement" }).fill(String(c.prices.coaching_max_days));
    await page.getByRole('checkbox', { name: 'Accès à la certification' }).check();
    await page.getByRole('combobox', { name: 'Financement' }).selectOption({ label: 'OPCO' });
    await page.getByRole('textbox', { name: "Montant pris en charge par l'OPCO" }).fill('424999.99');
    await sessionSelect(page).selectOption(longest);
    await expect.poll(() => shareField(page).inputValue()).toContain(`~${longest}`);
    const link = await shareField(page).inputValue();
    expect(link).toContain('M12345');
    expect(link).toContain('424999.99');
    expect(link.startsWith(baseURL), link).toBe(true);
    expect(link.length - baseURL.length, link).toBeLessThan(200);
  });

  test('a link whose session is gone, full or begun opens the quote without it and says why', async ({ page, browser }) => {
    await setToday(page, BEFORE);
    await openSimulator(page);
    await page.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).fill('2');
    await sessionSelect(page).selectOption(PARIS);
    await expect.poll(() => shareField(page).inputValue()).toContain(`~${PARIS}`);
    const link = await shareField(page).inputValue();
    const ttc = await text(page.getByTestId('total-ttc'));

    const cases = [
      { what: 'gone', day: BEFORE, link: link.replace(PARIS, 'lyon-2027'), id: 'lyon-2027', why: /n'est plus au catalogue/ },
      { what: 'full', day: BEFORE, link: link.replace(PARIS, MARSEILLE), id: MARSEILLE, why: /complète/ },
      { what: 'begun', day: BETWEEN, link, id: PARIS, why: /commencé|passée/ },
    ];
    for (const c of cases) {
      const visitor = await visitorOn(browser, c.day);
      const v = visitor.page;
      await v.goto(c.link);
      await expect(v, c.what).toHaveURL(urlOf('simulateur'));
      await expectFigures(v, { 'total-ttc': ttc });
      await expect(sessionSelect(v), c.what).toHaveValue('');
      await expect(v.getByTestId('dates-session'), c.what).toHaveCount(0);
      const notice = v.getByTestId('avis-lien').getByTestId('notice-session');
      await expect(notice, c.what).toBeVisible();
      const said = await text(notice);
      expect(said, c.what).toContain(c.id);
      expect(said, c.what).toMatch(c.why);
      expect(said, c.what).toContain('sans session');
      // The link shown now is the quote's, without the session.
      await expect.poll(() => shareField(v).inputValue(), c.what).not.toContain(c.id);
      if (c.what === 'full') await expectNoAxeViolation(v);
      expect(visitor.errors, c.what).toEqual([]);
      await visitor.close();
    }
  });
});

// ---------------------------------------------------------------------------------------
// The calendar file
// ---------------------------------------------------------------------------------------

test.describe('« Ajouter la session à mon agenda »', () => {
  test('from the catalogue, the whole Paris session: seven training days at the Paris office, with the CGV\'s hours', async ({ page }) => {
    await setToday(page, BEFORE);
    await open(page);
    const paris = page.getByTestId(`session-${PARIS}`);
    const file = await downloadOf(page, () => agendaButton(paris).click());
    expect(file.name).toBe(`session-${PARIS}.ics`);
    const { calendar, events } = parseIcs(file.text);
    expect(calendar.VERSION.value).toBe('2.0');
    expect(calendar.PRODID?.value).toBeTruthy();
    expect(events).toHaveLength(7);
    expectTrainingDays(events, Object.values(DAYS[PARIS]).flat());
    for (const e of events) {
      expect(e.LOCATION?.value).toBe(PARIS_ADDRESS);
      expect(e.DESCRIPTION.value).toContain(hoursOf(e));
    }
    await expect(paris.getByRole('status')).toContainText(`session-${PARIS}.ics`);
  });

  test('from the catalogue, the distanciel session: seven days, held remotely', async ({ page }) => {
    await setToday(page, BEFORE);
    await open(page);
    const file = await downloadOf(page, () => agendaButton(page.getByTestId(`session-${DISTANCIEL}`)).click());
    expect(file.name).toBe(`session-${DISTANCIEL}.ics`);
    const { events } = parseIcs(file.text);
    expect(events).toHaveLength(7);
    expectTrainingDays(events, Object.values(DAYS[DISTANCIEL]).flat());
    for (const e of events) expect(e.LOCATION?.value).toBe(REMOTE);
  });

  test('from the simulator, the chosen modules\' days only', async ({ page }) => {
    await setToday(page, BEFORE);
    await openSimulator(page);
    await modular(page, [3, 5]);
    await sessionSelect(page).selectOption(PARIS);
    const dates = page.getByTestId('dates-session');
    await expect.poll(() => texts(dates.locator('li'))).toHaveLength(2);
    await expect(agendaButton(page)).toHaveCount(1);
    const file = await downloadOf(page, () => agendaButton(page).click());
    expect(file.name).toBe(`session-${PARIS}.ics`);
    const { events } = parseIcs(file.text);
    expect(events).toHaveLength(3);
    expectTrainingDays(events, [...DAYS[PARIS][3], ...DAYS[PARIS][5]]);
    for (const e of events) {
      expect(e.LOCATION?.value).toBe(PARIS_ADDRESS);
      expect(e.DESCRIPTION.value).toContain(hoursOf(e));
    }
  });
});

// ---------------------------------------------------------------------------------------
// Small screens
// ---------------------------------------------------------------------------------------

test.describe('the sessions fit a phone', () => {
  for (const width of WIDTHS) {
    test(`at ${width} px: the catalogue's sessions, a module's dates, the simulator's dates, a link's notice and a draft's session`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await setToday(page, BEFORE);
      await open(page);
      for (const id of [PARIS, MARSEILLE, DISTANCIEL]) {
        await page.getByTestId(`session-${id}`).locator('summary').filter({ hasText: 'Dates des modules' }).click();
      }
      await expectFits(page, width, ['prochaines-sessions', `session-${PARIS}`, `session-${MARSEILLE}`, 'date-limite-opco-session']);

      await open(page, 'module/3');
      await expectFits(page, width, ['dates-module']);

      await openSimulator(page);
      await sessionSelect(page).selectOption(DISTANCIEL);
      await expect(page.getByTestId('dates-session')).toBeVisible();
      await expectFits(page, width, ['dates-session']);
      const link = await shareField(page).inputValue();

      await page.goto(link.replace(DISTANCIEL, 'une-session-au-nom-tres-long-2027-12345'));
      await expect(page.getByTestId('notice-session')).toBeVisible();
      await expectFits(page, width, ['avis-lien', 'notice-session']);

      // A draft's « Session » select.
      await sessionSelect(page).selectOption(DISTANCIEL);
      await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
      await expect(page).toHaveURL(urlOf(/brouillons\/b[0-9-]+/));
      await expect(sessionSelect(page)).toHaveValue(DISTANCIEL);
      await expectFits(page, width, []);
      const box = await sessionSelect(page).boundingBox();
      expect(box.x, 'the draft\'s Session select').toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, 'the draft\'s Session select').toBeLessThanOrEqual(width + 0.5);
    });
  }
});

// ---------------------------------------------------------------------------------------
// Cancellation from a quote with a session
// ---------------------------------------------------------------------------------------

test.describe('the cancellation screen and a quote\'s session', () => {
  /** A modular quote (modules 3 and 4) in the Paris session, then « Annulation ». */
  async function cancellationOfParisQuote(page) {
    await setToday(page, BEFORE);
    await openSimulator(page);
    await modular(page, [3, 4]);
    await sessionSelect(page).selectOption(PARIS);
    await expect(page.getByTestId('dates-session')).toBeVisible();
    await goVia(page, 'Annulation', 'annulation');
    await expect(page.getByRole('heading', { level: 1, name: "Frais d'annulation" })).toBeVisible();
  }

  const startDate = (page) => page.getByLabel('Date de début de la formation', { exact: true });
  const notifiedDate = (page) => page.getByLabel('Date de notification', { exact: true });

  test('the start and the modules\' dates come from the session, and a line names it', async ({ page }) => {
    await cancellationOfParisQuote(page);
    // The first chosen module's first day: module 3, Tuesday 16 March 2027.
    await expect(startDate(page)).toHaveValue('2027-03-16');
    const source = await text(page.getByTestId('source-session'));
    expect(source).toContain(PARIS);
    expect(source).toContain(LABEL[PARIS]);
    // Notified once the training has begun: each module's start is the session's.
    await notifiedDate(page).fill('2027-03-18');
    await expect(page.getByLabel('Début du module 3', { exact: true })).toHaveValue('2027-03-16');
    await expect(page.getByLabel('Début du module 4', { exact: true })).toHaveValue('2027-03-23');
    await expectNoAxeViolation(page);
  });

  test('a postponement lists the later open sessions, not the full one', async ({ page }) => {
    await cancellationOfParisQuote(page);
    await notifiedDate(page).fill('2027-02-01');
    const later = page.getByTestId('sessions-ulterieures');
    await expect(later).toBeVisible();
    const listed = await texts(later.locator('li'));
    expect(listed).toEqual([LABEL[DISTANCIEL]]);
    await expectNoAxeViolation(page);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await expectFits(page, width, ['source-session', 'sessions-ulterieures']);
    }
  });

  test('without a session, nothing is said to come from one', async ({ page }) => {
    await setToday(page, BEFORE);
    await openSimulator(page);
    await goVia(page, 'Annulation', 'annulation');
    await expect(page.getByRole('heading', { level: 1, name: "Frais d'annulation" })).toBeVisible();
    await expect(startDate(page)).toBeVisible();
    await expect(page.getByTestId('source-session')).toHaveCount(0);
  });
});

// ---------------------------------------------------------------------------------------
// Drafts and enrolment requests
// ---------------------------------------------------------------------------------------

const VALID_SIRET = '732 829 320 00074';
const listStatus = (page) => page.getByTestId('statut-brouillons');

/** « Préparer la demande d'inscription » on a draft's page, then « Exporter en JSON ». */
async function exportRequest(page, name) {
  await page.getByRole('link', { name: "Préparer la demande d'inscription" }).click();
  await expect(page).toHaveURL(urlOf(/demande\?brouillon=b[0-9-]+/));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Demande d'inscription : ${name}`);
  const file = await downloadOf(page, () => page.getByRole('button', { name: 'Exporter en JSON' }).click());
  return JSON.parse(file.text);
}

/** The shipped schema `name`, compiled. */
async function schema(request, name) {
  const response = await request.get(`public/schema/${name}`);
  expect(response.ok(), name).toBe(true);
  return new Ajv2020({ strict: false, validateFormats: false, allErrors: true }).compile(await response.json());
}

/** An enrolment request of version 1, as the app exported it before sessions. */
const V1_REQUEST = {
  format: 'cosens.demande-inscription',
  version: 1,
  exported_at: '2026-10-02T10:15:00+02:00',
  created_at: '2026-10-01T09:00:00+02:00',
  updated_at: '2026-10-02T10:14:00+02:00',
  catalogue_version: '2026.1',
  draft: { id: 'b20261001-090000000', name: 'Demande de Lou' },
  client: { kind: 'particulier', name: 'Lou Bernard', siret: '', address: '3 quai du Port\n13002 Marseille', email: 'lou@exemple.fr', phone: '' },
  trainees: [{ name: 'Lou Bernard', email: 'lou@exemple.fr', job: 'Coach' }],
  selection: { formula: 'complet', modules: [1, 2, 3, 4, 5], trainees: 1, coaching_days: 0, certification: true, vat: 'normale' },
  session: { place: 'Marseille', mode: 'Présentiel', start_wish: '2027-05-03' },
  funding: { type: 'aucun', opco_name: '', opco_amount: null, cpf_balance: null, cpf_exempt: false },
  accessibility: '',
  notes: 'Plutôt au printemps.',
  quote: {
    date: '2026-10-02',
    lines: [{ kind: 'parcours_complet', module: null, label: 'Parcours complet', unit_ht: '4000.00', quantity: 1, total_ht: '4000.00' }],
    total_ht: '4000.00', vat_rate: '0.20', total_vat: '800.00', total_ttc: '4800.00',
    per_trainee_ht: '4000.00', per_trainee_ttc: '4800.00', funded: '0.00',
    cpf_contribution: '0.00', remaining: '4800.00', vat_mention: null,
  },
  simulator_inputs: {
    full_course: true, modules: [], trainees: '1', coaching_days: '0', certification: true,
    vat_exempt: false, funding: 'aucun', opco_amount: '', cpf_balance: '', cpf_exempt: false,
  },
};

test.describe('drafts and enrolment requests keep the session', () => {
  test('a draft saved with a session keeps it, and its request carries the chosen modules\' dates, valid against schema v2', async ({ page, request }) => {
    await setToday(page, BEFORE);
    await openSimulator(page);
    await modular(page, [3, 5]);
    await sessionSelect(page).selectOption(PARIS);
    await expect(page.getByTestId('dates-session')).toBeVisible();
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(page).toHaveURL(urlOf(/brouillons\/b[0-9-]+/));
    await expect(sessionSelect(page)).toHaveValue(PARIS);
    // The session, with its dates, stands in for the free start wish.
    const dates = page.getByTestId('dates-session');
    await expect(dates).toBeVisible();
    expect(await texts(dates.locator('li'))).toEqual([PARIS_MODULE_LINES[2], PARIS_MODULE_LINES[4]]);
    await expect(page.getByLabel('Date de début souhaitée')).toHaveCount(0);
    await expectNoAxeViolation(page);
    const name = 'Session de Paris';
    await page.getByLabel('Nom du brouillon *').fill(name);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Brouillon : ${name}`);
    await page.getByLabel('Nom du client *').fill('ACME Formation');
    await page.getByLabel('SIRET').fill(VALID_SIRET);
    await page.getByLabel('E-mail du client *').fill('contact@acme.fr');

    const exported = await exportRequest(page, name);
    const validate = await schema(request, 'demande-inscription-v2.schema.json');
    expect(validate(exported), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(exported.version).toBe(2);
    expect(exported.session).toEqual({
      id: PARIS,
      place: 'Paris',
      mode: 'Présentiel',
      modules: [
        { module: 3, dates: DAYS[PARIS][3] },
        { module: 5, dates: DAYS[PARIS][5] },
      ],
    });
  });

  test("a draft's session goes back to the simulator with its quote, and on to the cancellation screen", async ({ page }) => {
    await setToday(page, BEFORE);
    await openSimulator(page);
    await modular(page, [4]);
    await sessionSelect(page).selectOption(DISTANCIEL);
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(page).toHaveURL(urlOf(/brouillons\/b[0-9-]+/));
    await expect(sessionSelect(page)).toHaveValue(DISTANCIEL);
    // The simulator's quote changed meanwhile: the draft's own session is what comes back.
    await goVia(page, 'Simulateur', 'simulateur');
    await sessionSelect(page).selectOption('');
    await expect(page.getByTestId('dates-session')).toHaveCount(0);
    await goVia(page, 'Brouillons', 'brouillons');
    await page.getByTestId('brouillon').first().getByRole('link', { name: /^Ouvrir/ }).click();
    await expect(sessionSelect(page)).toHaveValue(DISTANCIEL);
    await page.getByRole('button', { name: 'Modifier dans le simulateur' }).click();
    await expect(page).toHaveURL(urlOf('simulateur'));
    await expect(sessionSelect(page)).toHaveValue(DISTANCIEL);
    expect(await texts(page.getByTestId('dates-session').locator('li')))
      .toEqual(['Module 4 : mardi 28 septembre 2027 et mercredi 29 septembre 2027']);
    await goVia(page, 'Annulation', 'annulation');
    await expect(page.getByLabel('Date de début de la formation', { exact: true })).toHaveValue('2027-09-28');
    expect(await text(page.getByTestId('source-session'))).toContain(DISTANCIEL);
  });

  test('a session that has begun since it was chosen: the draft says so and gives the wishes back; the simulator goes on without it; the cancellation keeps its dates', async ({ page }) => {
    await setToday(page, BEFORE);
    await openSimulator(page);
    await modular(page, [3]);
    await sessionSelect(page).selectOption(PARIS);
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(page).toHaveURL(urlOf(/brouillons\/b[0-9-]+/));
    await expect(page.getByTestId('dates-session')).toBeVisible();

    // A week into the Paris session.
    await setToday(page, '2027-03-17');
    await page.reload();
    const notice = page.getByTestId('notice-session');
    await expect(notice).toContainText(`La session « ${PARIS} » a déjà commencé ou est passée`);
    await expect(notice).toContainText('choisissez une autre session');
    await expect(page.getByTestId('dates-session')).toHaveCount(0);
    await expect(page.getByLabel('Date de début souhaitée')).toBeVisible();
    await expectNoAxeViolation(page);

    // The cancellation screen still has the session's dates: its trainee may cancel now.
    await goVia(page, 'Annulation', 'annulation');
    await expect(page.getByLabel('Date de début de la formation', { exact: true })).toHaveValue('2027-03-16');
    await expect(page.getByTestId('source-session')).toContainText(PARIS);

    // The simulator goes on without it, and says why.
    await goVia(page, 'Simulateur', 'simulateur');
    await expect(page.getByTestId('avis-lien')).toContainText(`La session « ${PARIS} » a déjà commencé ou est passée : le devis s'ouvre sans session`);
    await expect(sessionSelect(page)).toHaveValue('');
    await expect(page.getByTestId('dates-session')).toHaveCount(0);
    await expect(shareField(page)).not.toHaveValue(new RegExp(PARIS));
  });

  test('a draft without a session exports « session »: null, valid against schema v2', async ({ page, request }) => {
    await setToday(page, BEFORE);
    await openSimulator(page);
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(page).toHaveURL(urlOf(/brouillons\/b[0-9-]+/));
    await expect(sessionSelect(page)).toHaveValue('');
    const name = 'Sans session';
    await page.getByLabel('Nom du brouillon *').fill(name);
    await page.getByLabel('Nom du client *').fill('ACME Formation');
    const exported = await exportRequest(page, name);
    const validate = await schema(request, 'demande-inscription-v2.schema.json');
    expect(validate(exported), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(exported.session).toBeNull();
  });

  test('an enrolment request of version 1 still imports, and exports again as version 2 with its wishes', async ({ page, request }, testInfo) => {
    const v1 = await schema(request, 'demande-inscription-v1.schema.json');
    expect(v1(V1_REQUEST), `the test's request is a true version 1: ${JSON.stringify(v1.errors)}`).toBe(true);
    const file = testInfo.outputPath('demande-v1.json');
    await writeFile(file, JSON.stringify(V1_REQUEST, null, 2));

    await setToday(page, BEFORE);
    await openVia(page, 'Brouillons', 'brouillons');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Importer', exact: true }).click(),
    ]);
    await chooser.setFiles(file);
    await expect(listStatus(page)).toHaveText('1 brouillon importé.');
    const row = page.getByTestId('brouillon').filter({ has: page.getByRole('heading', { name: 'Demande de Lou', exact: true }) });
    await row.getByRole('link', { name: 'Demande de Lou', exact: true }).click();
    await expect(page.getByLabel('Nom du client *')).toHaveValue('Lou Bernard');
    await expect(page.getByRole('combobox', { name: 'Lieu' })).toHaveValue('Marseille');
    await expect(page.getByLabel('Date de début souhaitée')).toHaveValue('2027-05-03');
    await expect(sessionSelect(page)).toHaveValue('');

    const exported = await exportRequest(page, 'Demande de Lou');
    const v2 = await schema(request, 'demande-inscription-v2.schema.json');
    expect(v2(exported), JSON.stringify(v2.errors, null, 2)).toBe(true);
    expect(exported.version).toBe(2);
    expect(exported.session).toBeNull();
    expect(exported.wishes).toMatchObject({ place: 'Marseille', mode: 'Présentiel', start_wish: '2027-05-03' });
  });
});
