// The site runs under a strict Content-Security-Policy (no inline script or style, connections
// only to itself and Cognito). Every test fails on a violation; this one shows that the policy
// is really in force, so that check can fail.
import { expect, test } from './support/fixtures';

test('pages carry the strict policy and it blocks injected inline script', async ({ page, cspViolations }) => {
  const response = await page.goto('/sign-in');
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).toContain("style-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();

  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
  });
  expect(ran).toBe(false);
  await expect.poll(() => cspViolations.length).toBe(1);
  expect(cspViolations[0]).toContain('script-src');
  cspViolations.length = 0; // the one violation this test caused on purpose
});
