import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { BotsPage } from './pages/bots-page';
import { DialogsPage } from './pages/dialogs-page';
import { IntegrationFormPage } from './pages/integration-form-page';
import { PanelPage } from './pages/panel-page';
import { SkillsPage } from './pages/skills-page';

export interface DemoBot {
  id: string;
  name: string;
}

interface Fixtures {
  /** The demo bot of a freshly reset database ("Customer Care Bot" with one integration of each type). */
  demoBot: DemoBot;
  bots: BotsPage;
  panel: PanelPage;
  form: IntegrationFormPage;
  skills: SkillsPage;
  dialogs: DialogsPage;
  /** Every request the test's browser pages made to a host other than 127.0.0.1. */
  externalRequests: string[];
  /** Opens one of the demo bot's integrations by name in the panel (the demo data reset first). */
  openIntegration: (name: string, timeout?: number) => Promise<void>;
}

const LOCAL_ORIGIN = /^(https?|wss?):\/\/127\.0\.0\.1(:\d+)?\//;
const IN_PAGE = /^(data|blob|about|chrome-extension):/;

export const test = base.extend<Fixtures>({
  demoBot: async ({ request }, use) => {
    const response = await request.post('/api/testing/reset');
    expect(response.ok(), await response.text()).toBeTruthy();
    const { bots } = (await response.json()) as { bots: DemoBot[] };
    const bot = bots[0];
    if (!bot) throw new Error('The reset API loaded no demo bot.');
    await use(bot);
  },
  externalRequests: [
    async ({ context }, use) => {
      const external: string[] = [];
      context.on('request', (request) => {
        const url = request.url();
        if (!LOCAL_ORIGIN.test(url) && !IN_PAGE.test(url)) external.push(url);
      });
      await use(external);
      // Monaco, fonts, analytics: nothing may be fetched from anywhere but this machine.
      expect(external, 'requests that left 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
  openIntegration: async ({ demoBot, panel }, use) => {
    await use(async (name, timeout) => {
      await panel.goto(demoBot.id);
      await panel.open(name, timeout);
    });
  },
  bots: async ({ page }, use) => use(new BotsPage(page)),
  panel: async ({ page }, use) => use(new PanelPage(page)),
  form: async ({ page }, use) => use(new IntegrationFormPage(page)),
  skills: async ({ page }, use) => use(new SkillsPage(page)),
  dialogs: async ({ page }, use) => use(new DialogsPage(page)),
});

export { expect };

/** axe-core on the current screen: no serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page, what: string): Promise<void> {
  // axe computes contrast from the colours drawn at that instant: a toast still fading in (sonner's
  // enter transition) measured as low contrast on a busy CI machine. Finite animations on the document's
  // clock end first; infinite ones (spinners) and scroll-driven ones (the top bar's fade) never would.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' ||
          animation.timeline !== document.timeline ||
          animation.effect?.getComputedTiming().iterations === Infinity,
      ),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  expect(serious, `axe on ${what}`).toEqual([]);
}
