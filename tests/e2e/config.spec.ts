// config.json problems show a readable page naming the fault, never a blank page. The faults are
// injected into the config.json response (not a Cognito call): the static server can't produce them.
import { BRANDED_URL, BRANDING } from '../../playwright.config';
import { expect, test } from './support/fixtures';

test('fault injection: config.json missing shows what to fix', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: "This sign-in page isn't set up yet" })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('HTTP 404');
});

test('fault injection: config.json with a wrong field names the field', async ({ page }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ region: 'ap-northeast-1', userPoolId: 'us-east-1_abc', clientId: 'x1' }),
    }),
  );
  await page.goto('/');
  await expect(page.getByRole('alert')).toHaveText(
    'config.json field "userPoolId" is invalid: it belongs to a different region',
  );
});

test('fault injection: config.json that is not JSON is explained', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ body: '<html>oops</html>' }));
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('config.json is not valid JSON');
});

// config.json is the site's, at its root: a page opened on any route reads that one file.
test('a trailing-slash path and a deep path both read config.json from the site root', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.endsWith('config.json')) fetched.push(pathname);
  });
  await page.goto(`${BRANDED_URL}/sign-in/`);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveText(BRANDING.title);

  await page.goto(`${BRANDED_URL}/x/sign-in`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveText(BRANDING.title);
  await page.getByRole('link', { name: 'Back to sign in' }).click();
  await expect(page).toHaveURL(`${BRANDED_URL}/sign-in`);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(fetched).toEqual(['/config.json', '/config.json']);
});

test('fault injection: a config.json planted beside a deep path is never read', async ({ page }) => {
  // What someone who can put files under /x/ but not at the root could plant there.
  await page.route('**/x/config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        region: 'us-east-1',
        userPoolId: 'us-east-1_Impostor',
        clientId: 'impostor',
        title: 'Impostor',
        allowedRedirectOrigins: ['https://evil.example'],
      }),
    }),
  );
  await page.goto(`${BRANDED_URL}/x/sign-in`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveText(BRANDING.title);
});
