// axe-core scans of the page as it is now: nothing serious or critical may be found, in either
// language or colour scheme.
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

// The tests run from the checkout's top, where npm installed axe-core.
const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** The serious and critical axe-core violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, so the page's Content-Security-Policy still holds.
  await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } })
      .axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Scans the page in both languages and both colour schemes. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const language of ['English', '日本語']) {
      await page.getByRole('button', { name: language }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await seriousViolations(page), `${what}, ${language}, ${scheme}`).toEqual([]);
    }
  }
  await page.getByRole('button', { name: 'English' }).click();
}
