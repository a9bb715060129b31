// Screenshots of the sign-in page for the README: the default theme in light and dark mode, and
// a site's own branding (title, logo and theme from config.json). Not a test: run it after a
// release build when the look changes, and commit the PNGs under docs/.
//   node scripts/screenshots.mjs [built site folder, default dist]
// Needs no Cognito: a signed-out visitor's sign-in page makes no requests.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const built = process.argv[2] ?? 'dist';
const port = Number(process.env.SCREENSHOT_PORT ?? 8390);
const site = 'target/screenshots/site';
const configPath = 'target/screenshots/config.json';

const pool = {
  region: 'ap-northeast-1',
  userPoolId: 'ap-northeast-1_Example1',
  clientId: 'example1client',
};
const branded = {
  ...pool,
  title: 'Acme Store',
  logoUrl: '/logo.svg',
  logoAlt: '',
  theme: {
    accent: '#c2185b',
    accentText: '#ffffff',
    bg: '#fdf1f6',
    border: '#e8b7cc',
    radius: '2px',
    font: 'Georgia, "Times New Roman", serif',
  },
};
// The brand's logo: a plain mark the site serves itself.
const logo = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" width="40" height="40">
<rect width="40" height="40" rx="6" fill="#c2185b"/><path d="M11 30 20 9l9 21h-5l-4-10-4 10z" fill="#fff"/></svg>`;

rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
cpSync(built, site, { recursive: true });
writeFileSync(`${site}/logo.svg`, logo);
writeFileSync(configPath, JSON.stringify(pool));

const server = spawn('node', ['tests/e2e/support/serve.mjs'], {
  env: { ...process.env, SITE_DIR: site, SITE_CONFIG: configPath, SITE_PORT: String(port) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve) => server.stdout.once('data', resolve));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
});
try {
  for (const [name, colorScheme, config] of [
    ['light', 'light', pool],
    ['dark', 'dark', pool],
    ['theme', 'light', branded],
  ]) {
    writeFileSync(configPath, JSON.stringify(config));
    const page = await browser.newPage({ colorScheme, viewport: { width: 480, height: 640 }, locale: 'en-GB' });
    await page.goto(`http://127.0.0.1:${port}/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    if (config.logoUrl) await page.getByRole('banner').locator('img').evaluate((img) => img.decode());
    // The heading takes focus on arrival (for screen readers); show the page at rest.
    await page.evaluate(() => (document.activeElement)?.blur());
    await page.screenshot({ path: `docs/screenshot-${name}.png` });
    await page.close();
    console.log(`docs/screenshot-${name}.png`);
  }
} finally {
  await browser.close();
  server.kill();
}
