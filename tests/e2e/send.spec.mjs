// Sending what the app computed: "Ajouter à mon agenda" on the cancellation screen (an
// iCalendar file, RFC 5545) and "Envoyer par e-mail" on the simulator, the devis and a
// draft (a mailto: link, RFC 6068). Each file and link is read back here with a small
// reader of its own that shares no code with the app.
//
// The quote of the e-mail tests, computed by hand from SPEC (as in share.spec.mjs):
//   modules 1 (800 €) + 3 (1 500 €) = 2 300 € HT per trainee, × 3 trainees = 6 900 €;
//   coaching 2 days × 3 trainees × 1 000 € = 6 000 €; certification unticked (modular).
//   HT 12 900,00 €; VAT 20 % = 2 580,00 €; TTC 15 480,00 €;
//   OPCO grants 1 000 € → prise en charge 1 000,00 €, reste à charge 14 480,00 €.
import { readFile } from 'node:fs/promises';
import {
  test, expect, openVia, openSimulator, urlOf, builtCatalogue, expectFigure, expectFigures,
  expectNoAxeViolation, fold, text,
} from './fixtures.mjs';

const catalogue = builtCatalogue();
const moduleTitle = (n) => catalogue.modules.find((m) => m.number === n).title;

// ---------------------------------------------------------------------------------------
// A tiny iCalendar reader
// ---------------------------------------------------------------------------------------

/** Content lines: folded lines (CRLF then a space or a tab) joined back (RFC 5545, 3.1). */
function unfold(ics) {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  expect(lines.pop(), 'the file ends with CRLF').toBe('');
  return lines;
}

/** A TEXT value unescaped: `\\n` a line break, `\\,` `\\;` `\\\\` the character. */
const unescapeText = (v) => v.replace(/\\([nN\\;,])/g, (_, c) => (c === 'n' || c === 'N' ? '\n' : c));

/** The VCALENDAR as { props, events: [{ props }] }; props maps `NAME;PARAMS` to the value. */
function parseCalendar(ics) {
  const stack = [];
  let calendar = null;
  for (const line of unfold(ics)) {
    const colon = line.indexOf(':');
    expect(colon, line).toBeGreaterThan(0);
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (name === 'BEGIN') {
      const component = { kind: value, props: {}, children: [] };
      if (stack.length) stack.at(-1).children.push(component);
      else calendar = component;
      stack.push(component);
    } else if (name === 'END') {
      expect(stack.pop()?.kind, 'END matches its BEGIN').toBe(value);
    } else {
      expect(stack.length, `${name} outside any component`).toBeGreaterThan(0);
      stack.at(-1).props[name] = ['SUMMARY', 'DESCRIPTION', 'UID'].includes(name) ? unescapeText(value) : value;
    }
  }
  expect(stack, 'every BEGIN has its END').toEqual([]);
  expect(calendar.kind).toBe('VCALENDAR');
  return { props: calendar.props, events: calendar.children };
}

// ---------------------------------------------------------------------------------------
// A tiny mailto: reader
// ---------------------------------------------------------------------------------------

/** { to, subject, body } of a mailto: href, decoded. */
function readMailto(href) {
  expect(href.startsWith('mailto:'), href).toBe(true);
  // Percent-encoded throughout: no raw space, line break or non-ASCII character.
  expect(href).toMatch(/^[A-Za-z0-9\-._~%:?=&@]+$/);
  const [to, query] = href.slice('mailto:'.length).split('?');
  const fields = Object.fromEntries(query.split('&').map((pair) => {
    const [key, value] = pair.split('=');
    return [key, decodeURIComponent(value)];
  }));
  expect(Object.keys(fields).sort()).toEqual(['body', 'subject']);
  return { to: decodeURIComponent(to), subject: fields.subject, body: fields.body };
}

/** The body's lines (CRLF, never a bare LF), spaces of any kind folded. */
function bodyLines(body) {
  expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  return body.split('\r\n').map(fold);
}

/** The share link in a body: the one line holding `?devis=`. */
const linkIn = (body) => bodyLines(body).find((l) => /^https?:\/\/\S+\?devis=\S+$/.test(l));

const mailLink = (page) => page.getByRole('link', { name: 'Envoyer par e-mail' });
const mailOf = async (page) => readMailto(await mailLink(page).getAttribute('href'));

async function composeQuote(page) {
  await openSimulator(page);
  await page.getByRole('radio', { name: 'Parcours modulaire' }).check();
  for (const n of [1, 3]) await page.getByRole('checkbox', { name: new RegExp(`^Module ${n}\\b`) }).check();
  await page.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).fill('3');
  await page.getByRole('spinbutton', { name: "Jours d'accompagnement" }).fill('2');
  await page.getByRole('combobox', { name: 'Financement' }).selectOption({ label: 'OPCO' });
  await page.getByRole('textbox', { name: "Montant pris en charge par l'OPCO" }).fill('1000');
  await expectFigures(page, { 'total-ttc': '15 480,00 €', 'reste-a-charge': '14 480,00 €' });
}

const QUOTE_LINES = [
  `- Module 1 — ${moduleTitle(1)} × 3 : 2 400,00 € HT`,
  `- Module 3 — ${moduleTitle(3)} × 3 : 4 500,00 € HT`,
  '- Accompagnement (2 jours par stagiaire) × 6 : 6 000,00 € HT',
  '',
  'Total HT : 12 900,00 €',
  'TVA (20 %) : 2 580,00 €',
  'Total TTC : 15 480,00 €',
  'Prise en charge OPCO : 1 000,00 €',
  'Reste à charge : 14 480,00 €',
];

/** `lines` appear in `body` one after the other. */
function expectConsecutive(body, lines) {
  const all = bodyLines(body);
  const at = all.indexOf(lines[0]);
  expect(at, `${lines[0]} in\n${all.join('\n')}`).toBeGreaterThanOrEqual(0);
  expect(all.slice(at, at + lines.length)).toEqual(lines);
}

/** Opening `link` shows the quote whose total TTC is `ttc`. */
async function expectLinkOpens(page, link, ttc) {
  await page.goto(link);
  await expect(page).toHaveURL(urlOf('simulateur'));
  await expectFigure(page, 'total-ttc', ttc);
}

// ---------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------

test.describe('"Ajouter à mon agenda"', () => {
  // SPEC's worked example: start Tue 26 May 2026, notified Mon 4 May 2026. The deadlines
  // (worked out in cancellation.spec.mjs): sans frais Sun 3 May, 50 % Fri 15 May, report
  // Mon 18 May, ajournement Tue 19 May, OPCO Fri 22 May; then the start, Tue 26 May.
  test('downloads an iCalendar file of the deadlines and the start, which parses back', async ({ page }) => {
    await openVia(page, 'Annulation', 'annulation');
    await page.getByLabel('Date de début de la formation', { exact: true }).fill('2026-05-26');
    await page.getByLabel('Date de notification', { exact: true }).fill('2026-05-04');
    await page.getByLabel('Montant HT', { exact: true }).fill('4000');
    await expectFigure(page, 'taux-frais', '50 %');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ajouter à mon agenda' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('echeances-formation-2026-05-26.ics');
    await expect(page.getByTestId('statut-agenda')).toContainText('echeances-formation-2026-05-26.ics');
    const bytes = await readFile(await download.path());
    const ics = bytes.toString('utf8');

    // CRLF line endings only; every physical line at most 75 octets.
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = ics.split('\r\n');
    for (const line of physical) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(physical.some((l) => l.startsWith(' ')), 'long lines are folded').toBe(true);
    expect(physical[0]).toBe('BEGIN:VCALENDAR');
    expect(physical.at(-2)).toBe('END:VCALENDAR');

    const { props, events } = parseCalendar(ics);
    expect(props).toMatchObject({ VERSION: '2.0', CALSCALE: 'GREGORIAN', METHOD: 'PUBLISH' });
    expect(props.PRODID).toBeTruthy();
    expect(events.map((e) => e.kind)).toEqual(Array(6).fill('VEVENT'));
    const training = 'formation du mardi 26 mai 2026';
    expect(events.map((e) => [e.props['DTSTART;VALUE=DATE'], e.props['DTEND;VALUE=DATE'], fold(e.props.SUMMARY)])).toEqual([
      ['20260503', '20260504', `Dernier jour pour annuler sans frais — ${training}`],
      ['20260515', '20260516', `Dernier jour pour annuler avec 50 % de frais — ${training}`],
      ['20260518', '20260519', `Dernier jour pour reporter ou remplacer un stagiaire sans frais — ${training}`],
      ['20260519', '20260520', `Dernier jour pour un ajournement par Co&Sens — ${training}`],
      ['20260522', '20260523', `Dernier jour pour recevoir l'accord de prise en charge de l'OPCO — ${training}`],
      ['20260526', '20260527', 'Démarrage de la formation RS5302 — mardi 26 mai 2026'],
    ]);
    const uids = events.map((e) => e.props.UID);
    expect(new Set(uids).size).toBe(6);
    for (const e of events) {
      expect(e.props.UID).toMatch(/@cosens-simulateur$/);
      expect(e.props.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
      expect(e.props.DESCRIPTION).toContain(catalogue.course.code);
    }
    expect(events[4].props.DESCRIPTION).toContain("refuser l'entrée en formation");

    await expectNoAxeViolation(page);
  });
});

test.describe('"Envoyer par e-mail"', () => {
  test('on the simulator: the share link, the lines and the totals, no recipient', async ({ page }) => {
    await composeQuote(page);
    const shareLink = await page.getByRole('textbox', { name: 'Lien de partage' }).inputValue();
    const mail = await mailOf(page);
    expect(mail.to).toBe('');
    expect(mail.subject).toBe('Devis estimatif Co&Sens — formation RS5302');
    expect(mail.body).toContain(catalogue.course.title);
    expectConsecutive(mail.body, QUOTE_LINES);
    expect(linkIn(mail.body)).toBe(shareLink);
    await expectNoAxeViolation(page);
    await expectLinkOpens(page, linkIn(mail.body), '15 480,00 €');
    await expectFigure(page, 'reste-a-charge', '14 480,00 €');
  });

  test('on the devis: its number, the lines, the totals, and nothing typed about the client', async ({ page }) => {
    await composeQuote(page);
    await page.getByRole('link', { name: 'Imprimer le devis' }).click();
    await expect(page).toHaveURL(urlOf('devis'));
    await page.getByLabel('Nom ou raison sociale du client').fill('Société Cliente Confidentielle');
    await page.getByLabel('Adresse du client').fill('9 impasse Secrète\n13001 Marseille');
    const number = await text(page.getByTestId('devis-numero'));
    expect(number).toMatch(/^D-\d{8}-[A-Z2-9]{4}$/);
    const href = await mailLink(page).getAttribute('href');
    const mail = readMailto(href);
    expect(mail.to).toBe('');
    expect(mail.subject).toBe(`Devis ${number} — formation RS5302`);
    expect(bodyLines(mail.body).some((l) => l.startsWith(`Voici le devis n° ${number} du `))).toBe(true);
    expectConsecutive(mail.body, QUOTE_LINES);
    expect(mail.body).toContain('« Bon pour accord »');
    for (const secret of ['Cliente Confidentielle', 'impasse Secrète']) {
      expect(mail.body).not.toContain(secret);
      expect(href).not.toContain(encodeURIComponent(secret));
    }
    await expectNoAxeViolation(page);
    await expectLinkOpens(page, linkIn(mail.body), '15 480,00 €');
  });

  test('on a draft: to the registration address, the quote and the reminder, no personal data', async ({ page }) => {
    await openVia(page, 'Brouillons', 'brouillons');
    await page.getByRole('button', { name: 'Nouveau brouillon' }).click();
    await expect(page).toHaveURL(urlOf(/brouillons\/b[0-9-]+/));
    await page.getByLabel('Nom du brouillon *').fill('Inscription Dupontel SA');
    await page.getByLabel('Nom du client *').fill('Dupontel SA');
    await page.getByLabel('E-mail du client *').fill('rh@dupontel.fr');
    await page.getByLabel('Téléphone du client').fill('01 98 76 54 32');
    await page.getByRole('button', { name: 'Ajouter un stagiaire' }).click();
    await page.getByLabel('Stagiaire 1 : nom').fill('Camille Martin');
    await page.getByLabel('Stagiaire 1 : e-mail').fill('camille.martin@dupontel.fr');
    await page.getByRole('combobox', { name: 'Financement' }).selectOption('opco');
    await page.getByRole('textbox', { name: "Montant pris en charge par l'OPCO" }).fill('2000');
    // The draft's default quote: full course with certification, one trainee:
    // 4 000 + 500 = 4 500 € HT, 900 € VAT, 5 400 € TTC; OPCO 2 000 € → 3 400 € left.
    await expect.poll(() => text(page.getByTestId('brouillon-reste-a-charge'))).toBe('3 400,00 €');
    // The e-mail is sent from the draft's enrolment request.
    await page.getByRole('link', { name: "Préparer la demande d'inscription" }).click();
    await expect(page).toHaveURL(urlOf(/demande\?brouillon=b[0-9-]+/));
    await expect.poll(async () => (await mailOf(page)).body).toContain('Reste à charge : 3');

    const href = await mailLink(page).getAttribute('href');
    const mail = readMailto(href);
    expect(mail.to).toBe(catalogue.course.registration_email);
    expect(mail.subject).toBe("Demande d'inscription — formation RS5302");
    expect(mail.body).toContain('« Exporter en JSON »');
    expect(mail.body).toContain("la demande d'inscription au format JSON");
    expectConsecutive(mail.body, [
      'Total HT : 4 500,00 €',
      'TVA (20 %) : 900,00 €',
      'Total TTC : 5 400,00 €',
      'Prise en charge OPCO : 2 000,00 €',
      'Reste à charge : 3 400,00 €',
    ]);
    expect(bodyLines(mail.body).some((l) => l.startsWith('- Parcours complet') && l.endsWith('× 1 : 4 000,00 € HT'))).toBe(true);
    for (const secret of ['Dupontel', 'rh@dupontel.fr', '01 98 76 54 32', 'Camille', 'camille.martin@dupontel.fr']) {
      expect(decodeURIComponent(href)).not.toContain(secret);
      expect(href).not.toContain(encodeURIComponent(secret));
    }
    await expectNoAxeViolation(page);
    await expectLinkOpens(page, linkIn(mail.body), '5 400,00 €');
  });
});

test("a CPF quote's devis, draft page and e-mail show the contribution, and their figures add up", async ({ page }) => {
  // Full course with certification, one trainee, 1 500 € on the CPF account, the quote
  // dated in 2026 (flat contribution 103,20 €): 4 500 € HT, 900 € VAT, 5 400 € TTC; the CPF
  // pays 1 500 €; left: 5 400 − 1 500 + 103,20 = 4 003,20 €.
  const figures = {
    'total-ht': '4 500,00 €',
    'total-tva': '900,00 €',
    'total-ttc': '5 400,00 €',
    'prise-en-charge': '1 500,00 €',
    'participation-cpf': '103,20 €',
    'reste-a-charge': '4 003,20 €',
  };
  const prefixed = (prefix) => Object.fromEntries(Object.entries(figures).map(([k, v]) => [`${prefix}${k}`, v]));
  await openSimulator(page);
  await page.getByRole('combobox', { name: 'Financement' }).selectOption({ label: 'CPF (Mon Compte Formation)' });
  await page.getByRole('textbox', { name: 'Solde CPF' }).fill('1500');
  await expectFigures(page, figures);

  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page).toHaveURL(urlOf(/brouillons\/b[0-9-]+/));
  await expectFigures(page, prefixed('brouillon-'));

  await openSimulator(page);
  await page.getByRole('combobox', { name: 'Financement' }).selectOption({ label: 'CPF (Mon Compte Formation)' });
  await page.getByRole('textbox', { name: 'Solde CPF' }).fill('1500');
  await page.getByRole('link', { name: 'Imprimer le devis' }).click();
  await expect(page).toHaveURL(urlOf('devis'));
  await expectFigures(page, prefixed('devis-'));

  // The e-mail gives the totals that do not depend on the balance, the contribution among
  // them, and says why the others are left out.
  const { body } = await mailOf(page);
  expectConsecutive(body, [
    'Total HT : 4 500,00 €',
    'TVA (20 %) : 900,00 €',
    'Total TTC : 5 400,00 €',
    'Participation forfaitaire CPF : 103,20 €',
  ]);
  expect(body).toContain('dépendent du solde CPF du stagiaire, qui ne figure pas dans ce message');
  expect(body).not.toContain('1 500,00');
  expect(body).not.toContain('Reste à charge :');
});
