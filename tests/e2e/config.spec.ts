// config.json problems show a readable page naming the fault, never a blank page. The faults are
// injected into the config.json response (not a Cognito call): the static server can't produce them.
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
