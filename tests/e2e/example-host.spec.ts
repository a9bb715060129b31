// The example host app (examples/host) uses the crate as a library: its protected route sends a
// signed-out visitor to the library's sign-in page with ?return_to=, and after signing in the
// user is back on that route, greeted by email and shown what GetUser answered with their
// access token.
import { EXAMPLE_HOST_URL } from '../../playwright.config';
import { expect, recordCognitoActions, registerConfirmed, signIn, test, uniqueEmail } from './support/fixtures';

test('the protected route sends a signed-out visitor to sign in, and brings them back signed in', async ({
  page,
  cognito,
}) => {
  const email = uniqueEmail('host');
  await registerConfirmed(page, cognito, email);
  const actions = recordCognitoActions(page);

  await page.goto(`${EXAMPLE_HOST_URL}/`);
  await expect(page).toHaveURL(`${EXAMPLE_HOST_URL}/sign-in?return_to=%2F`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(actions).toEqual([]);

  await signIn(page, email);
  await expect(page).toHaveURL(`${EXAMPLE_HOST_URL}/`);
  await expect(page.getByRole('heading', { name: `Hello, ${email}` })).toBeVisible();
  await expect(page).toHaveTitle(`Hello, ${email}`);
  // The user id is what Cognito's GetUser answered to the access token.
  await expect(page.getByRole('definition')).toHaveText(/^\S+$/);
  expect(actions).toContain('GetUser');

  // The session survives a reload, and signing out leads back to the sign-in page.
  await page.reload();
  await expect(page.getByRole('heading', { name: `Hello, ${email}` })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${EXAMPLE_HOST_URL}/sign-in?return_to=%2F`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
