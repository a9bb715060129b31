// Theming and branding from config.json: the theme's custom properties change the rendered
// colours and radius (set through the CSSOM, so the strict CSP holds: any violation fails the
// test), the site's name and logo appear above the card and its name in the tab title, and the
// colours follow the system's dark mode.
import { BRANDED_URL, BRANDING } from '../../playwright.config';
import { expect, test } from './support/fixtures';

const DEFAULT_ACCENT = 'rgb(36, 87, 197)'; // --lc-accent in style/main.css
const BRAND_ACCENT = 'rgb(228, 0, 127)'; // BRANDING.theme.accent, #e4007f

test('without branding the page has the default theme and no banner', async ({ page }) => {
  await page.goto('/sign-in');
  const button = page.getByRole('button', { name: 'Sign in' });
  await expect(button).toHaveCSS('background-color', DEFAULT_ACCENT);
  await expect(button).toHaveCSS('border-top-left-radius', '8px');
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page).toHaveTitle('Sign in');
});

test("config.json's theme, title and logo brand the page", async ({ page }) => {
  await page.goto(`${BRANDED_URL}/sign-in`);
  const button = page.getByRole('button', { name: 'Sign in' });
  await expect(button).toHaveCSS('background-color', BRAND_ACCENT);
  await expect(button).toHaveCSS('border-top-left-radius', BRANDING.theme.radius);
  await expect(page.getByLabel('Email')).toHaveCSS('border-top-left-radius', BRANDING.theme.radius);
  // Properties the theme leaves alone keep their defaults.
  await expect(page.getByRole('main')).toHaveCSS('background-color', 'rgb(255, 255, 255)');

  const banner = page.getByRole('banner');
  await expect(banner).toHaveText(BRANDING.title);
  await expect(banner.getByRole('img', { name: BRANDING.logoAlt })).toHaveAttribute('src', BRANDING.logoUrl);
  await expect(page).toHaveTitle(`Sign in – ${BRANDING.title}`);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page).toHaveTitle(`Create an account – ${BRANDING.title}`);
});

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('the colours follow the system, and a theme still overrides them', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('main')).toHaveCSS('background-color', 'rgb(27, 32, 39)');
    await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCSS('background-color', 'rgb(122, 162, 255)');

    await page.goto(`${BRANDED_URL}/sign-in`);
    await expect(page.getByRole('main')).toHaveCSS('background-color', 'rgb(27, 32, 39)');
    await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCSS('background-color', BRAND_ACCENT);
  });
});
