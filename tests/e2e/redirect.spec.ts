// ?return_to= as the browser itself reads it: addresses that look like this site but lead to
// another host are refused, addresses that look like another host but are paths here are
// followed to exactly the URL the browser makes of them, and signing in never takes the browser
// to another origin. `{site}` stands for the site's origin, `{port}` for its port.
import type { Page } from '@playwright/test';
import { EMBEDDER_URL } from '../../playwright.config';
import { expect, registerConfirmed, signIn, test, uniqueEmail } from './support/fixtures';
import type { LocalCognito } from './support/local-cognito';

/** Read as another host (or not a web page at all): refused, the user stays on the session page. */
const REFUSED = [
  '{site}@evil.example/', // user "127.0.0.1", password "{port}", host evil.example
  'http://evil.example\\@127.0.0.1:{port}/', // the backslash ends the host
  'http://evil.example@127.0.0.1:{port}/', // user info, even on the site's own host
  '//evil.example/',
  '///evil.example',
  '\\/evil.example',
  '/\t/evil.example', // the tab is dropped: `//evil.example`
  ' //evil.example', // leading spaces are dropped
  'https:evil.example', // not the page's scheme, so a host follows
  'blob:{site}/0b6a5c1e', // its origin is the site's own, but it is no page to return to
  'JaVaScRiPt:alert(document.domain)',
  'data:text/html,<script>alert(1)</script>',
];

/** Read as a path (or another spelling) of the site itself: followed to this absolute URL. */
const OWN: [string, string][] = [
  ['{site}?//evil.example/', '{site}/?//evil.example/'],
  ['{site}#//evil.example/', '{site}/#//evil.example/'],
  ['{site}//evil.example/', '{site}//evil.example/'],
  ['{site}\\@evil.example/', '{site}/@evil.example/'],
  ['/../..//evil.example', '{site}//evil.example'],
  ['..//evil.example', '{site}//evil.example'],
  ['%2F%2Fevil.example', '{site}/%2F%2Fevil.example'],
  ['http:%2F%2Fevil.example', '{site}/%2F%2Fevil.example'], // the page's scheme: relative
  ['evil.example', '{site}/evil.example'],
  ['ht\ttp://127.0.0.1:{port}/change-password', '{site}/change-password'],
  ['http://0x7f.1:{port}/change-password', '{site}/change-password'], // IPv4 in hex
  ['http://127.0.0.1.:{port}/change-password', '{site}/change-password'], // a final dot is ignored
];

function fill(template: string, site: string): string {
  return template.replaceAll('{site}', site).replaceAll('{port}', new URL(site).port);
}

/** Every URL the tab goes to from now on: requests for pages and the addresses it shows. */
function recordNavigations(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) urls.push(request.url());
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) urls.push(frame.url());
  });
  return urls;
}

/** Registers an account and signs in on the sign-in page carrying `returnTo`. */
async function signInReturningTo(page: Page, cognito: LocalCognito, returnTo: string): Promise<string[]> {
  const email = uniqueEmail('return-to');
  await registerConfirmed(page, cognito, email);
  await page.goto(`/sign-in?return_to=${encodeURIComponent(returnTo)}`);
  const navigations = recordNavigations(page);
  await signIn(page, email);
  return navigations;
}

function origins(urls: string[]): string[] {
  return [...new Set(urls.map((url) => new URL(url).origin))];
}

for (const template of REFUSED) {
  test(`signing in with return_to=${JSON.stringify(template)} stays on the session page`, async ({
    page,
    cognito,
    baseURL,
  }) => {
    const site = new URL(baseURL!).origin;
    const navigations = await signInReturningTo(page, cognito, fill(template, site));
    await expect(page).toHaveURL(`${site}/session`);
    await expect(page.getByRole('status').filter({ hasText: 'The return address' })).toBeVisible();
    expect(origins(navigations)).toEqual([site]);
  });
}

for (const [template, expected] of OWN) {
  test(`signing in with return_to=${JSON.stringify(template)} goes to ${expected}, on the site`, async ({
    page,
    cognito,
    baseURL,
  }) => {
    const site = new URL(baseURL!).origin;
    const navigations = await signInReturningTo(page, cognito, fill(template, site));
    await expect.poll(() => navigations).toContain(fill(expected, site));
    await page.waitForLoadState('load');
    expect(new URL(page.url()).origin).toBe(site);
    expect(origins(navigations)).toEqual([site]);
  });
}

test('an absolute URL on the site is followed after signing in', async ({ page, cognito, baseURL }) => {
  const target = `${new URL(baseURL!).origin}/change-password`;
  await signInReturningTo(page, cognito, target);
  await expect(page).toHaveURL(target);
});

test('an allowlisted URL is followed after signing in', async ({ page, cognito }) => {
  const target = `${EMBEDDER_URL}/welcome?from=login`;
  await signInReturningTo(page, cognito, target);
  await expect(page).toHaveURL(target);
});
