// Sign-up, confirmation, sign-in, session and sign-out, driven through the real built app in
// headless Chromium against the local Cognito.
import {
  expect,
  PASSWORD,
  recordCognitoActions,
  registerConfirmed,
  signIn,
  signUp,
  storageEntries,
  test,
  uniqueEmail,
} from './support/fixtures';

test('sign up, confirm (which signs in), reload, sign out', async ({ page, cognito, clientId }) => {
  const email = uniqueEmail('journey');
  const actions = recordCognitoActions(page);
  await signUp(page, email);

  await expect(page.getByRole('heading', { name: 'Confirm your account' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'We sent a code to' })).toContainText('***');

  const code = await cognito.codeFor(email);
  const wrong = code === '000000' ? '111111' : '000000';
  await page.getByLabel('Confirmation code').fill(wrong);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('alert')).toHaveText("That code isn't right. Check it and try again.");
  await expect(page.getByLabel('Confirmation code')).toHaveValue(wrong);

  // The password typed at sign-up moments ago signs the new user in: no second typing.
  await page.getByLabel('Confirmation code').fill(code);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page).toHaveURL(/\/session$/);
  // (then, with SRP sign-in, RespondToAuthChallenge)
  expect(actions.slice(0, 4)).toEqual(['SignUp', 'ConfirmSignUp', 'ConfirmSignUp', 'InitiateAuth']);
  await expect(page.getByTestId('session-email')).toHaveText(email);
  await expect(page.locator('time')).not.toBeEmpty();

  const stored = await storageEntries(page);
  expect(Object.keys(stored)).toEqual([`leptos-cognito.${clientId}.refreshToken`]);
  const values = Object.values(stored).join(' ');
  expect(values).not.toContain(PASSWORD);
  expect(values).not.toContain('eyJ'); // no JWT (access or id token) in storage

  actions.length = 0;
  await page.reload();
  await expect(page.getByTestId('session-email')).toHaveText(email);
  expect(actions).toEqual(['GetTokensFromRefreshToken']);

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(actions).toEqual(['GetTokensFromRefreshToken', 'RevokeToken']);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await storageEntries(page)).toEqual({});
});

test('the reload refresh is GetTokensFromRefreshToken and sends no password', async ({ page, cognito }) => {
  const email = uniqueEmail('refresh');
  await registerConfirmed(page, cognito, email);
  await signIn(page, email);
  await expect(page.getByTestId('session-email')).toHaveText(email);

  const requests: { target: string; body: string }[] = [];
  page.on('request', (request) => {
    const target = request.headers()['x-amz-target'];
    if (target) requests.push({ target, body: request.postData() ?? '' });
  });
  await page.reload();
  await expect(page.getByTestId('session-email')).toHaveText(email);
  expect(requests).toHaveLength(1);
  expect(requests[0].target).toBe('AWSCognitoIdentityProviderService.GetTokensFromRefreshToken');
  expect(Object.keys(JSON.parse(requests[0].body)).sort()).toEqual(['ClientId', 'RefreshToken']);
});

test('signing up twice with one address is refused', async ({ page, cognito }) => {
  const email = uniqueEmail('twice');
  await registerConfirmed(page, cognito, email);
  await signUp(page, email);
  await expect(page.getByRole('alert')).toHaveText('An account with this email address already exists.');
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue(PASSWORD);
});

test('fault injection: a config.json policy laxer than the pool lets the server refuse with the rule it breaks', async ({
  page,
}) => {
  // The page checks the policy config.json states; a site owner who understated the pool's
  // policy there gets the pool's own refusal, worded by the page.
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const config = await response.json();
    await route.fulfill({ response, json: { ...config, passwordPolicy: { minimumLength: 8 } } });
  });
  const email = uniqueEmail('weak');
  await signUp(page, email, 'weakpass');
  await expect(page.getByRole('alert')).toHaveText(
    "This password isn't allowed. Password must have upper case letters.",
  );
  await expect(page.getByLabel('Confirm password')).toHaveValue('weakpass');
});

test('a wrong password is refused and the email stays', async ({ page, cognito }) => {
  const email = uniqueEmail('wrongpw');
  await registerConfirmed(page, cognito, email);
  await signIn(page, email, 'Not-The-Password-1');
  await expect(page.getByRole('alert')).toHaveText('Incorrect email or password.');
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await expect(page.getByLabel('Password')).toHaveValue('Not-The-Password-1');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('an unknown user gets a plain message', async ({ page }) => {
  await page.goto('/sign-in');
  await signIn(page, uniqueEmail('nobody'));
  await expect(page.getByRole('alert')).toHaveText('No account was found for this email address.');
});

test('an unconfirmed user who signs in is sent to confirm, then can sign in', async ({ page, cognito }) => {
  const email = uniqueEmail('unconfirmed');
  await signUp(page, email);
  await expect(page.getByLabel('Confirmation code')).toBeVisible();

  await page.goto('/sign-in');
  await signIn(page, email);
  await expect(page.getByRole('heading', { name: 'Confirm your account' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(email);

  await page.getByRole('button', { name: 'Resend code' }).click();
  await expect(page.getByRole('status')).toContainText('A new code is on its way.');
  await page.getByLabel('Confirmation code').fill(await cognito.codeFor(email));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await signIn(page, email);
  await expect(page.getByTestId('session-email')).toHaveText(email);
});

test('auto-confirm (the PreSignUp trigger) skips the confirm page', async ({ page, cognito }) => {
  await cognito.settings({ autoConfirm: true });
  const email = uniqueEmail('auto');
  const actions = recordCognitoActions(page);
  await signUp(page, email);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Your account is ready. Sign in to continue.');
  await signIn(page, email);
  await expect(page.getByTestId('session-email')).toHaveText(email);
  expect(actions).not.toContain('ConfirmSignUp');
});

test('with the local Cognito stopped, sign-in says the service is unreachable and keeps the input', async ({
  page,
  cognito,
}) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await cognito.stop();
  const email = uniqueEmail('offline');
  await signIn(page, email, 'Some-Password-1');
  await expect(page.getByRole('alert')).toHaveText(
    "Can't reach the sign-in service. Check your connection and try again.",
  );
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await expect(page.getByLabel('Password')).toHaveValue('Some-Password-1');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
});

test('sign-out still signs out locally when the server is unreachable', async ({ page, cognito }) => {
  const email = uniqueEmail('offline-out');
  await registerConfirmed(page, cognito, email);
  await signIn(page, email);
  await expect(page.getByTestId('session-email')).toHaveText(email);
  await cognito.stop();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await storageEntries(page)).toEqual({});
});

test('invalid input is caught before any request and keeps what was typed', async ({ page }) => {
  const actions = recordCognitoActions(page);
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password', { exact: true }).fill('Abcdef-123');
  await page.getByLabel('Confirm password').fill('Abcdef-124');
  await page.getByRole('button', { name: 'Create account' }).click();
  const email = page.getByLabel('Email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toBeFocused();
  await expect(page.getByText('Enter a valid email address, like name@example.com.')).toBeVisible();
  await expect(page.getByText('Your passwords must match.')).toBeVisible();
  await expect(page.getByLabel('Confirm password')).toHaveValue('Abcdef-124');
  expect(actions).toEqual([]);
});

test('the sign-in and sign-up pages link to each other', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('the session page is only for signed-in users', async ({ page }) => {
  await page.goto('/session');
  await expect(page).toHaveURL(/\/sign-in$/);
});
