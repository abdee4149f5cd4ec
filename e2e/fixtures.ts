import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { BotsPage } from './pages/bots-page';
import { DialogsPage } from './pages/dialogs-page';
import { IntegrationFormPage } from './pages/integration-form-page';
import { PanelPage } from './pages/panel-page';
import { SkillsPage } from './pages/skills-page';
import { collectConsoleErrors } from './console-errors';

/** A bot of one test's own, made by `POST /api/testing/fixtures`, with the ids of what it holds by name. */
interface DemoBot {
  id: string;
  name: string;
  integrationIds: Record<string, string>;
  skillIds: Record<string, string>;
  credentialIds: Record<string, string>;
  functionIds: Record<string, string>;
  knowledgeBaseIds: Record<string, string>;
}

interface ImportedBot {
  botId: string;
  botName: string;
  integration: (name: string) => { id: string; name: string };
}

/** One browser tab's page objects: the test's own page, or a second tab's. */
interface Tab {
  page: Page;
  bots: BotsPage;
  panel: PanelPage;
  form: IntegrationFormPage;
  skills: SkillsPage;
  dialogs: DialogsPage;
}

interface Fixtures extends Omit<Tab, 'page'> {
  /**
   * The prefix of the test's bot name (so parallel workers never share a bot), `''` for the demo's own name
   * (the docs' screenshots): a test option.
   */
  botPrefix: string | undefined;
  /** A fresh demo bot for this test alone (the demo's integrations, one of each type), dropped after it. */
  demoBot: DemoBot;
  /** A fresh bot with nothing in it, for this test alone, dropped after it. */
  emptyBot: DemoBot;
  /** Imports a bot export through the API for this test alone (dropped after it): its id, name and integrations by name. */
  importBot: (file: unknown) => Promise<ImportedBot>;
  /** A word unique to this test, for names in the global directories (skills, credentials…). */
  unique: string;
  /** Opens a second tab in the same browser context, with its own page objects. */
  secondTab: () => Promise<Tab>;
  /** Every request the test's browser pages made to a host other than 127.0.0.1. */
  externalRequests: string[];
  /**
   * What the test's pages logged as errors or threw, from the moment the test asks for it: `expect(consoleErrors).toEqual([])`
   * needs no allow-list (the browser's own record of a 4xx the app answers in words is left out: console-errors.ts).
   */
  consoleErrors: string[];
  /** Opens one of the demo bot's integrations by name in the panel. */
  openIntegration: (name: string, timeout?: number) => Promise<void>;
}

const LOCAL_ORIGIN = /^(https?|wss?):\/\/127\.0\.0\.1(:\d+)?\//;
const IN_PAGE = /^(data|blob|about|chrome-extension):/;

function tabOf(page: Page): Tab {
  return {
    page,
    bots: new BotsPage(page),
    panel: new PanelPage(page),
    form: new IntegrationFormPage(page),
    skills: new SkillsPage(page),
    dialogs: new DialogsPage(page),
  };
}

async function makeFixture(request: APIRequestContext, seed: 'demo' | 'empty', prefix: string): Promise<DemoBot> {
  const response = await request.post('/api/testing/fixtures', { data: prefix ? { seed, prefix } : { seed } });
  expect(response.status(), await response.text()).toBe(201);
  const { botId, botName, ...ids } = (await response.json()) as Omit<DemoBot, 'id' | 'name'> & { botId: string; botName: string };
  return { id: botId, name: botName, ...ids };
}

async function dropFixture(request: APIRequestContext, bot: DemoBot): Promise<void> {
  // A test may have deleted its bot itself.
  const response = await request.delete(`/api/testing/fixtures/${bot.id}`);
  expect([204, 404], `dropping the bot ${bot.name}`).toContain(response.status());
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none
  unique: async ({}, use, testInfo) => {
    await use(`w${testInfo.workerIndex}${testInfo.testId.slice(0, 6)}${testInfo.retry || ''}`);
  },
  botPrefix: [undefined, { option: true }],
  demoBot: async ({ request, botPrefix, unique }, use) => {
    const bot = await makeFixture(request, 'demo', botPrefix ?? unique);
    await use(bot);
    await dropFixture(request, bot);
  },
  emptyBot: async ({ request, botPrefix, unique }, use) => {
    const bot = await makeFixture(request, 'empty', botPrefix ?? unique);
    await use(bot);
    await dropFixture(request, bot);
  },
  importBot: async ({ request }, use) => {
    const imported: string[] = [];
    await use(async (file) => {
      const response = await request.post('/api/bots/import', { data: file });
      expect(response.status(), await response.text()).toBe(201);
      const body = (await response.json()) as { bot: { id: string; name: string }; integrations: { id: string; name: string }[] };
      imported.push(body.bot.id);
      return {
        botId: body.bot.id,
        botName: body.bot.name,
        integration: (name) => {
          const found = body.integrations.find((item) => item.name === name);
          if (!found) throw new Error(`The import has no integration ${name}.`);
          return found;
        },
      };
    });
    for (const botId of imported) expect([204, 404]).toContain((await request.delete(`/api/testing/fixtures/${botId}`)).status());
  },
  consoleErrors: async ({ context }, use) => {
    await use(collectConsoleErrors(context));
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
  secondTab: async ({ context }, use) => {
    const opened: Page[] = [];
    await use(async () => {
      const page = await context.newPage();
      opened.push(page);
      return tabOf(page);
    });
    for (const page of opened) await page.close();
  },
  bots: async ({ page }, use) => use(new BotsPage(page)),
  panel: async ({ page }, use) => use(new PanelPage(page)),
  form: async ({ page }, use) => use(new IntegrationFormPage(page)),
  skills: async ({ page }, use) => use(new SkillsPage(page)),
  dialogs: async ({ page }, use) => use(new DialogsPage(page)),
});

export { expect };

/** Finite animations and transitions on the document's clock have ended. */
async function animationsSettled(page: Page): Promise<void> {
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
}

type Theme = 'light' | 'dark';

/**
 * Draws the page in `theme` through the system setting, as the app follows it while the person chose
 * System: the stylesheets, Monaco's editors and the dialogs' diagram all switch without a reload.
 */
export async function showTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.waitForFunction((wanted) => {
    if (document.documentElement.dataset.theme !== wanted) return false;
    // No editor still in the other base theme (the diff editor's gutter carries .monaco-editor and no theme at all).
    const otherMonacoBase = wanted === 'dark' ? 'vs' : 'vs-dark';
    const otherFlowMode = wanted === 'dark' ? 'light' : 'dark';
    return !document.querySelector(`.monaco-editor.${otherMonacoBase}, .react-flow.${otherFlowMode}`);
  }, theme);
  // A frame for transitions started by the switch to show up in getAnimations().
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await animationsSettled(page);
}

async function expectNoSeriousViolationsNow(page: Page, what: string): Promise<void> {
  await animationsSettled(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    // Each node with axe's own summary: a contrast failure names both colours, so the theme at fault is plain.
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`).join(', ')})`,
    );
  expect(serious, `axe on ${what}`).toEqual([]);
}

/**
 * axe-core on the current screen in both themes: no serious or critical violation. While the page follows
 * the system setting (no theme chosen in the top bar) it is checked in the theme drawn, then in the other
 * one, and left as it was; a page with a chosen theme is checked in that one.
 */
export async function expectNoSeriousA11yViolations(page: Page, what: string): Promise<void> {
  const { drawn, chosen } = await page.evaluate(() => ({
    drawn: document.documentElement.dataset.theme === 'dark' ? ('dark' as const) : ('light' as const),
    chosen: localStorage.getItem('integrations-panel:theme'),
  }));
  await expectNoSeriousViolationsNow(page, `${what} (${drawn} theme)`);
  if (chosen) return;
  const other: Theme = drawn === 'dark' ? 'light' : 'dark';
  await showTheme(page, other);
  await expectNoSeriousViolationsNow(page, `${what} (${other} theme)`);
  await showTheme(page, drawn);
}
