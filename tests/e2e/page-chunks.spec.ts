// The site's wasm is split by page: sign-in and the session are in the main wasm, every other page
// is a chunk under /chunks/ (named after its page), fetched when shown, when a link to it is
// pointed at, or once the browser is idle after the first paint.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { expect, test, uniqueEmail } from './support/fixtures';

/** The chunk files the page has asked for so far, in order. */
function recordChunks(page: Page): string[] {
  const chunks: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/chunks/')) chunks.push(path.slice('/chunks/'.length));
  });
  return chunks;
}

const isPage = (name: string) => (chunk: string) => chunk.startsWith(`split_${name}_page-`);

/** The chunk of every page fetched on demand, as the build wrote them. */
const PAGE_CHUNKS = readdirSync(join(process.env.E2E_SITE_DIR ?? 'dist', 'chunks')).filter((file) =>
  /^split_\w+_page-/.test(file),
);

test('the sign-in form arrives without any other page; once idle, the other pages are fetched and open at once', async ({
  page,
}) => {
  // Under load, prefetching every page can take a while.
  test.setTimeout(60_000);
  // When the form first shows (the bench's "usable"), by the page's own clock.
  await page.addInitScript(() => {
    const seen = () => document.querySelector('input[type=email]') && document.querySelector('button[type=submit]');
    new MutationObserver((_, observer) => {
      if (!seen()) return;
      (window as unknown as { formShownAt: number }).formShownAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const chunks = recordChunks(page);
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  // Every page's chunk, which the idle browser prefetches one after the other. Each page's
  // shared chunks are asked for before its own, so once the last page's is, nothing more comes.
  expect(PAGE_CHUNKS.length).toBeGreaterThan(10);
  await expect.poll(() => chunks.some(isPage('sign_up'))).toBe(true);
  await expect
    .poll(() => PAGE_CHUNKS.filter((file) => !chunks.includes(file)), { timeout: 40_000 })
    .toEqual([]);
  const firstLoad = await page.evaluate(() => {
    const shownAt = (window as unknown as { formShownAt: number }).formShownAt;
    const started = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime < shownAt)
      .map((entry) => new URL(entry.name).pathname);
    return { shownAt, started };
  });
  expect(firstLoad.shownAt).toBeGreaterThan(0);
  expect(firstLoad.started.some((path) => path.endsWith('_bg.wasm'))).toBe(true);
  expect(firstLoad.started.filter((path) => path.startsWith('/chunks/'))).toEqual([]);

  // Prefetched: the page opens without fetching anything more.
  const fetched = chunks.length;
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
  expect(chunks.length).toBe(fetched);
});

test('opening sign-up fetches its chunk, and signing up there reaches the confirm page', async ({ page }) => {
  const chunks = recordChunks(page);
  await page.goto('/sign-up');
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
  expect(chunks.filter(isPage('sign_up'))).toHaveLength(1);

  await page.getByLabel('Email').fill(uniqueEmail('chunks'));
  await page.getByLabel('Password', { exact: true }).fill('Correct-Horse-9');
  await page.getByLabel('Confirm password').fill('Correct-Horse-9');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Confirm your account' })).toBeVisible();
  expect(chunks.filter(isPage('confirm'))).toHaveLength(1);
});

test('fault injection: a page whose chunk fails to load says so, and Try again opens it with what was typed', async ({
  page,
}) => {
  // The network drops the forgot-password page's chunk until the user retries.
  let failing = true;
  await page.route('**/chunks/split_forgot_password_page-*.wasm', (route) =>
    failing ? route.abort('internetdisconnected') : route.continue(),
  );
  await page.goto('/sign-in');
  const email = uniqueEmail('chunk-fault');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    "This page couldn't be loaded. Check your connection and try again.",
  );
  // The rest of the app still works: the language switcher, for one.
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'このページを読み込めませんでした。接続を確認して、もう一度お試しください。',
  );
  await page.getByRole('button', { name: 'English' }).click();
  await expectAccessible(page, 'a page whose code could not be loaded');

  failing = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(email);
});
