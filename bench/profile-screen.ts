// npx tsx bench/profile-screen.ts [form|list|monaco|floor-form|floor-list] [type] [visits]: where the main
// thread's time goes between navigation and the screen's mark, on first visits: the requests, the tasks
// (a Chrome trace), React's commits (how many components rendered in each, through the devtools hook)
// and, with CPU=1, a CPU profile by original source (build with `vite build --sourcemap` to see names;
// TASKS=1 adds one per task over 30 ms). LAYOUT=1 prints each style recalculation and layout over 5 ms
// with its size; a build with `--minify false` names the components of small commits. Not a budget: a
// tool to find what to cut, with the same server, pages and marks as `npm run bench` (BENCH_PORT_BASE applies).
import type { CDPSession } from '@playwright/test';
import { launchBrowser, newMarkedPage, readMarks, waitForMark, type Marks } from './browser-session';
import { startDemoServer } from './demo-server';
import { summarize, type Profile, type TraceEvent } from './profile-screen-summary';

async function trace(client: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  client.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => client.once('Tracing.tracingComplete', () => resolve()));
  await client.send('Tracing.start', {
    categories: 'devtools.timeline,v8.execute,blink.user_timing,loading,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  await run();
  await client.send('Tracing.end');
  await done;
  return events;
}

const short = (url = '') => url.replace(/^.*\/assets\//, '').replace(/^https?:\/\/[^/]+/, '');

async function main() {
  const [screen = 'form', type = 'LIVEPERSON_AGENT_ESCALATION', visitsArg = '3'] = process.argv.slice(2);
  const server = await startDemoServer({ floors: screen !== 'list-app' });
  const browser = await launchBrowser();
  try {
    const integration = server.integrations.find((item) => item.type === type) ?? server.integrations[0]!;
    const expect = { listRows: server.integrations.length, formName: integration.name };
    const panel = `/bots/${server.botId}/integrations`;
    const path =
      screen === 'list'
        ? panel
        : screen === 'floor-form'
          ? server.floor('form', integration.id)
          : screen === 'floor-list'
            ? server.floor('list')
            : `${panel}/${integration.id}`;
    const mark: keyof Marks = screen.includes('list') ? 'listShown' : screen === 'monaco' ? 'editorReady' : 'formUsable';
    for (let visit = 0; visit < Number(visitsArg); visit += 1) {
      const page = await newMarkedPage(browser, server.baseUrl, expect);
      // React reports each commit to a devtools hook when there is one: when it happened, and what rendered.
      await page.context().addInitScript({
        content: `window.__commits = [];
          // A component that rendered has a new list of hooks; one that bailed out keeps the one seen before.
          const seenHooks = new WeakSet();
          const count = (fiber, names) => {
            let rendered = 0;
            const stack = [fiber];
            while (stack.length) {
              const node = stack.pop();
              if (!node) continue;
              const hooks = node.memoizedState;
              if (typeof node.type !== 'string' && hooks && typeof hooks === 'object' && 'next' in hooks && !seenHooks.has(hooks)) {
                seenHooks.add(hooks);
                rendered += 1;
                names.push(node.type?.displayName || node.type?.name || node.type?.render?.name || '?');
              }
              stack.push(node.child, node.sibling);
            }
            return rendered;
          };
          window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
            supportsFiber: true,
            inject: () => 1,
            onCommitFiberRoot: (id, root) => {
              const start = performance.now();
              const names = [];
              const rendered = count(root.current.child, names);
              // Why a form is not usable yet, if it is not.
              const form = document.querySelector('form.integration-form');
              const blocked = form ? [...form.querySelectorAll('input, select, textarea, [role="combobox"], [role="switch"], [role="checkbox"]')]
                .filter((c) => c.type !== 'hidden' && !c.closest('[aria-hidden="true"], .monaco-editor'))
                .filter((c) => c.disabled || c.readOnly || c.getAttribute('aria-disabled') === 'true')
                .map((c) => c.name || c.id || c.getAttribute('aria-label') || c.tagName) : [];
              const name = form?.querySelector('input[name="name"]')?.value;
              window.__commits.push({ at: start, rendered, nodes: document.getElementsByTagName('*').length, blocked: (form ? 'name=' + name + ' blocked=' + blocked.join(',') : 'no form') + (rendered <= 40 ? ' rendered: ' + names.join(' ') : '') });
            },
          };`,
      });
      const client = await page.context().newCDPSession(page);
      const cpu = process.env.CPU === '1';
      if (cpu) {
        await client.send('Profiler.enable');
        await client.send('Profiler.setSamplingInterval', { interval: 100 });
        await client.send('Profiler.start');
      }
      const events = await trace(client, async () => {
        await page.goto(path);
        await waitForMark(page, mark);
        await page.evaluate(() => performance.mark('bench-sync'));
      });
      const profile = cpu ? ((await client.send('Profiler.stop')).profile as unknown as Profile) : null;
      const marks = await readMarks(page);
      const commits = await page.evaluate(
        () => (window as unknown as { __commits: Array<{ at: number; rendered: number; nodes: number; blocked: string }> }).__commits,
      );
      console.log(
        `\n=== commits before ${mark} at ${marks[mark]!.toFixed(0)}: ` +
          commits
            .filter((commit) => commit.at <= marks[mark]! + 1)
            .map(
              (commit) =>
                `${commit.at.toFixed(0)} ms (${commit.rendered} components with hooks rendered, ${commit.nodes} elements, ${commit.blocked})`,
            )
            .join('; '),
      );
      const resources = await page.evaluate(() =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({
          name: entry.name,
          start: entry.startTime,
          end: entry.responseEnd,
        })),
      );
      // performance.mark('bench-sync') is placed at a known performance.now(): the trace's clock lines up from it.
      const sync = events.find((event) => event.name === 'bench-sync');
      const syncAt = await page.evaluate(() => performance.getEntriesByName('bench-sync')[0]?.startTime ?? Number.NaN);
      if (!sync || Number.isNaN(syncAt)) throw new Error('no bench-sync mark in the trace');
      const origin = sync.ts - syncAt * 1000;
      // The renderer's main thread: the one that ran the page's scripts.
      const evaluate = events.find((event) => event.name === 'EvaluateScript' || event.name === 'v8.run');
      const main = events.filter((event) => event.pid === evaluate?.pid && event.tid === evaluate?.tid);
      const until = marks[mark]!;
      const at = (event: TraceEvent) => (event.ts - origin) / 1000;
      console.log(
        `\n=== visit ${visit + 1}: ${path}: ${mark} at ${until.toFixed(0)} ms; DCL ${marks.domContentLoaded?.toFixed(0)} ms; marks ${JSON.stringify(Object.fromEntries(Object.entries(marks).map(([key, value]) => [key, Math.round(value!)])))}`,
      );
      for (const resource of resources.filter((entry) => entry.start < until))
        console.log(`  net ${resource.start.toFixed(0).padStart(5)}–${resource.end.toFixed(0).padStart(5)} ${short(resource.name)}`);
      // Top-level tasks on the main thread before the mark, with what they did.
      const tasks = main.filter((event) => event.name === 'RunTask' && event.ph === 'X' && at(event) < until && (event.dur ?? 0) > 2000);
      let busy = 0;
      for (const task of tasks) {
        const inside = main.filter(
          (event) => event.ts >= task.ts && event.ts < task.ts + task.dur! && event.ph === 'X' && event !== task && (event.dur ?? 0) > 1000,
        );
        const what = inside
          .filter((event) =>
            [
              'EvaluateScript',
              'v8.compileModule',
              'v8.evaluateModule',
              'FunctionCall',
              'TimerFire',
              'FireAnimationFrame',
              'UpdateLayoutTree',
              'Layout',
              'Paint',
              'ParseHTML',
              'ParseAuthorStyleSheet',
              'v8.compile',
              'EventDispatch',
              'RunMicrotasks',
              'XHRReadyStateChange',
              'ResourceReceivedData',
              'PrePaint',
              'Commit',
              'MajorGC',
              'MinorGC',
              'V8.GC_SCAVENGER',
              'BlinkGC.AtomicPhase',
            ].includes(event.name),
          )
          .map(
            (event) =>
              `${event.name}${event.args?.data?.url ? `(${short(event.args.data.url)})` : event.args?.data?.functionName ? `(${event.args.data.functionName})` : ''} ${((event.dur ?? 0) / 1000).toFixed(1)}`,
          )
          .slice(0, 8);
        busy += task.dur! / 1000;
        console.log(`  task ${at(task).toFixed(0).padStart(5)} +${(task.dur! / 1000).toFixed(1).padStart(6)} ms  ${what.join(', ')}`);
      }
      console.log(`  main thread busy (tasks > 2 ms) before the mark: ${busy.toFixed(0)} ms`);
      if (process.env.LAYOUT === '1')
        for (const event of main.filter(
          (e) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && (e.dur ?? 0) > 5000 && at(e) < until,
        ))
          console.log(
            `  ${event.name} at ${at(event).toFixed(0)} +${((event.dur ?? 0) / 1000).toFixed(1)} ms ${JSON.stringify(event.args).slice(0, 600)}`,
          );
      const totals = new Map<string, number>();
      for (const event of main) {
        if (event.ph !== 'X' || at(event) >= until) continue;
        totals.set(event.name, (totals.get(event.name) ?? 0) + (event.dur ?? 0) / 1000);
      }
      console.log(
        '  totals: ' +
          [...totals]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 16)
            .map(([name, ms]) => `${name} ${ms.toFixed(0)}`)
            .join(', '),
      );
      if (profile) {
        summarize(profile, origin, origin + until * 1000);
        const before = commits.filter((commit) => commit.at <= until + 1);
        if (before.length >= 2) {
          const first = before.at(-2)!;
          const second = before.at(-1)!;
          console.log(`\n  -- between the last two commits, ${first.at.toFixed(0)}–${second.at.toFixed(0)} ms:`);
          summarize(profile, origin + first.at * 1000, origin + second.at * 1000);
        }
        for (const task of tasks.filter((candidate) => candidate.dur! > 30_000 && process.env.TASKS === '1')) {
          console.log(`\n  -- task at ${at(task).toFixed(0)} ms, ${(task.dur! / 1000).toFixed(0)} ms:`);
          summarize(profile, task.ts, task.ts + task.dur!);
        }
      }
      await page.context().close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
