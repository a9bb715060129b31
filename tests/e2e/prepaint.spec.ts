// index.html paints the sign-in form before the app has loaded; the app's form takes it over
// without losing what the user did meanwhile. The network is slowed through the page's own
// debugging protocol session (not by intercepting requests), so that for a while only the
// pre-painted form exists; then it is let go and the app takes over.
import type { Page } from '@playwright/test';
import { PASSWORDLESS_URL } from '../../playwright.config';
import { expectAccessible } from './support/axe';
import {
  expect,
  PASSWORD,
  recordCognitoActions,
  registerConfirmed,
  signedIn,
  test,
  uniqueEmail,
} from './support/fixtures';

const PREPAINTED = 'form[data-prepaint]';
// The app's own sign-in form never carries data-prepaint.
const APP_FORM = 'form:not([data-prepaint])';

/** Slows every download of the page to `bytesPerSecond`; the returned function lets it go. */
async function slowNetwork(page: Page, bytesPerSecond: number): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const conditions = { offline: false, latency: 0, uploadThroughput: -1 };
  await cdp.send('Network.emulateNetworkConditions', { ...conditions, downloadThroughput: bytesPerSecond });
  return async () => {
    await cdp.send('Network.emulateNetworkConditions', { ...conditions, downloadThroughput: -1 });
  };
}

/** Opens `path` slowly enough that the pre-painted form is there and the app's is not yet. */
async function openBeforeTheApp(page: Page, path: string, bytesPerSecond = 40_000): Promise<() => Promise<void>> {
  const release = await slowNetwork(page, bytesPerSecond);
  await page.goto(path, { waitUntil: 'commit' });
  await expect(page.locator(PREPAINTED)).toBeVisible();
  await expect(page.locator(APP_FORM)).toHaveCount(0);
  return release;
}

async function takenOver(page: Page): Promise<void> {
  await expect(page.locator(PREPAINTED)).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator(APP_FORM)).toBeVisible();
}

test('typed text, focus and the caret in the email survive the takeover', async ({ page }) => {
  const release = await openBeforeTheApp(page, '/sign-in');
  await page.getByLabel('Password', { exact: true }).fill('secret-typed-early');
  const email = page.getByLabel('Email');
  await email.click();
  await page.keyboard.type('someone@example.com');
  for (let i = 0; i < '.com'.length; i++) await page.keyboard.press('ArrowLeft');
  await expect(page.locator(APP_FORM)).toHaveCount(0); // all of this happened before the app

  await release();
  await takenOver(page);
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('type', 'email'); // the app's field now
  await page.keyboard.type('X');
  await expect(email).toHaveValue('someone@exampleX.com');
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('secret-typed-early');
});

test('a selection in the password survives the takeover', async ({ page }) => {
  const release = await openBeforeTheApp(page, '/');
  const password = page.getByLabel('Password', { exact: true });
  await password.click();
  await page.keyboard.type('abcdef');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  const selection = () => password.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd]);
  expect(await selection()).toEqual([3, 5]);

  await release();
  await takenOver(page);
  await expect(password).toBeFocused();
  expect(await selection()).toEqual([3, 5]);
  await page.keyboard.type('Z');
  await expect(password).toHaveValue('abcZf');
});

test('a sign-in submitted before the app is ready runs once, without sending the form', async ({
  page,
  cognito,
}) => {
  const email = uniqueEmail('prepaint-queued');
  await registerConfirmed(page, cognito, email);
  const actions = recordCognitoActions(page);
  const release = await openBeforeTheApp(page, '/sign-in');
  const navigations: string[] = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest()) navigations.push(request.url());
  });
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Sign in' }).click(); // a second, impatient submit
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveAttribute('aria-busy', 'true');
  expect(actions).toEqual([]);

  await release();
  await expect(page.getByTestId('session-email')).toHaveText(email, { timeout: 20_000 });
  const started = actions.filter((action) => action === 'InitiateAuth');
  expect(started).toHaveLength(1);
  expect(navigations).toEqual([]);
  expect(page.url()).not.toContain('?');
});

test('a reload that restores the session never shows the pre-painted form', async ({ page, cognito }) => {
  // Records, from before any of the page's scripts, whether the form was ever visible.
  await page.addInitScript(() => {
    const w = window as unknown as { __prepaintSeen: boolean };
    w.__prepaintSeen = false;
    const look = () => {
      const form = document.querySelector('form[data-prepaint]');
      if (form?.checkVisibility()) w.__prepaintSeen = true;
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true });
    const eachFrame = () => {
      look();
      requestAnimationFrame(eachFrame);
    };
    requestAnimationFrame(eachFrame);
  });
  const seen = () => page.evaluate(() => (window as unknown as { __prepaintSeen: boolean }).__prepaintSeen);
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await seen()).toBe(true); // signed out, the recorder does see it

  const email = await signedIn(page, cognito, 'prepaint-reload');
  for (const path of ['/session', '/', '/sign-in']) {
    await page.goto(path);
    await expect(page.getByTestId('session-email')).toHaveText(email);
    expect(await seen(), path).toBe(false);
  }
});

test('config.json is requested once, alongside the wasm', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/config.json') requested.push(request.url());
  });
  // Slowed so the wasm takes seconds to arrive, as over a real network.
  await slowNetwork(page, 400_000);
  await page.goto('/sign-in');
  await takenOver(page);
  expect(requested).toHaveLength(1);
  const [config, wasm] = await page.evaluate(() =>
    ['/config.json', '_bg.wasm'].map((end) => {
      const entry = performance
        .getEntriesByType('resource')
        .find((e) => new URL(e.name).pathname.endsWith(end)) as PerformanceResourceTiming;
      return { start: entry.startTime, end: entry.responseEnd };
    }),
  );
  // Asked for before the wasm had arrived, not once it had started.
  expect(config.start).toBeLessThan(wasm.end);
});

test.describe('in a browser that prefers Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('the pre-painted form is in Japanese, as the app is', async ({ page }) => {
    const release = await openBeforeTheApp(page, '/sign-in');
    await expect(page.getByRole('heading', { name: 'サインイン' })).toBeVisible();
    await expect(page.getByLabel('メールアドレス')).toBeVisible();
    await expect(page.getByRole('button', { name: 'サインイン' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await expect(page).toHaveTitle('サインイン');

    await release();
    await takenOver(page);
    await expect(page.getByLabel('メールアドレス')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
  });
});

test('axe finds nothing serious on the pre-painted form, in both languages and schemes', async ({ page }) => {
  const release = await openBeforeTheApp(page, '/sign-in', 20_000);
  await expectAccessible(page, 'pre-painted sign-in');
  await expect(page.locator(APP_FORM)).toHaveCount(0); // the scans saw the pre-paint alone
  await release();
  await takenOver(page);
});

test('with choice-based sign-in the app asks for the email first and keeps the one typed', async ({ page }) => {
  const actions = recordCognitoActions(page);
  const release = await openBeforeTheApp(page, `${PASSWORDLESS_URL}/sign-in`);
  await page.getByLabel('Email').fill('chooser@example.com');
  await page.getByLabel('Password', { exact: true }).fill('typed-before-the-app');
  await page.keyboard.press('Enter');

  await release();
  await takenOver(page);
  await expect(page.getByLabel('Email')).toHaveValue('chooser@example.com');
  await expect(page.getByLabel('Email')).toBeFocused(); // the password field it was in is gone
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible();
  expect(actions).toEqual([]); // that screen's submit is the user's to make
});
