// npx tsx bench/profile-typing.ts [name|row80] [visits]: where a keystroke's time goes, in the app and in the
// React-only floor page of `npm run bench -- --only typing` (same bot, same CPU slowdown): per keystroke, the
// main thread's time by kind of work (script, style, layout, paint...) from a Chrome trace, summed over the
// keystrokes; CPU=1 adds a CPU profile of the app's keystrokes by original source (build with
// `vite build --sourcemap` to see names; CPU_PROFILE=<file> keeps it for DevTools); READS=1 lists the
// scripts that read layout (and so may force it) during the keystrokes, by stack. Not a budget: a tool to find what a keystroke does that the floor page does not.
import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import { launchBrowser, newMarkedPage, waitForMark } from './browser-session';
import { startDemoServer } from './demo-server';
import { FLOOR_PATH } from './floor-root';
import { summarize, type Profile, type TraceEvent } from './profile-screen-summary';
import { importBot } from './seed';
import { sleep } from './stats';
import { ordersIntegration, TYPING_BOT } from './typing';

const KINDS: Record<string, string> = {
  EventDispatch: 'event listeners',
  FunctionCall: 'script (tasks)',
  TimerFire: 'script (timers)',
  FireAnimationFrame: 'script (frames)',
  RunMicrotasks: 'microtasks',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'layerize',
  Commit: 'commit',
  HitTest: 'hit test',
  ParseHTML: 'parse',
  MajorGC: 'GC',
  MinorGC: 'GC',
  'V8.GC_SCAVENGER': 'GC',
};

async function trace(client: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  client.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => client.once('Tracing.tracingComplete', () => resolve()));
  await client.send('Tracing.start', { categories: 'devtools.timeline,v8,blink.user_timing', transferMode: 'ReportEvents' });
  await run();
  await client.send('Tracing.end');
  await done;
  return events;
}

/** Time by kind on the renderer's main thread, counting an event only where no counted parent holds it. */
function byKind(events: TraceEvent[]): Map<string, number> {
  const evaluate = events.find((event) => event.name === 'EventDispatch' || event.name === 'FunctionCall');
  const main = events.filter((event) => event.ph === 'X' && event.pid === evaluate?.pid && event.tid === evaluate?.tid);
  const counted = main.filter((event) => KINDS[event.name]).sort((a, b) => a.ts - b.ts);
  const totals = new Map<string, number>();
  let coveredUntil = 0;
  for (const event of counted) {
    if (event.ts < coveredUntil) continue;
    coveredUntil = event.ts + (event.dur ?? 0);
    const kind = KINDS[event.name]!;
    totals.set(kind, (totals.get(kind) ?? 0) + (event.dur ?? 0) / 1000);
  }
  return totals;
}

/** Inside the event listeners: each trace event's own time (its time less its children's), by name. */
function insideListeners(events: TraceEvent[]): Map<string, number> {
  const dispatch = events.find((event) => event.name === 'EventDispatch');
  const main = events
    .filter((event) => event.ph === 'X' && event.pid === dispatch?.pid && event.tid === dispatch?.tid)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const own = new Map<string, number>();
  const stack: { event: TraceEvent; children: number }[] = [];
  const close = (until: number) => {
    while (stack.length && stack.at(-1)!.event.ts + (stack.at(-1)!.event.dur ?? 0) <= until) {
      const { event, children } = stack.pop()!;
      const dispatch = event.name === 'EventDispatch' ? event : stack.find((open) => open.event.name === 'EventDispatch')?.event;
      if (dispatch) {
        const key = `${(dispatch.args as { data?: { type?: string } } | undefined)?.data?.type ?? '?'}/${event.name}`;
        own.set(key, (own.get(key) ?? 0) + ((event.dur ?? 0) - children) / 1000);
      }
      if (stack.length) stack.at(-1)!.children += event.dur ?? 0;
    }
  };
  for (const event of main) {
    close(event.ts);
    stack.push({ event, children: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  return own;
}

/** In the page: every read of layout while `__reading` is on, counted by the stack that made it. */
function recordLayoutReads(): void {
  const reads = new Map<string, number>();
  const state = { on: false, reads };
  (window as unknown as { __layoutReads: typeof state }).__layoutReads = state;
  const note = (what: string) => {
    if (!state.on) return;
    const stack = (new Error().stack ?? '')
      .split('\n')
      .slice(3, 8)
      .map((line) => line.trim().replace(/\(?https?:\/\/[^/]+\/assets\//, '('))
      .join(' < ');
    const key = `${what}: ${stack}`;
    reads.set(key, (reads.get(key) ?? 0) + 1);
  };
  const wrapGetter = (proto: object, name: string) => {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (!descriptor?.get) return;
    const get = descriptor.get;
    Object.defineProperty(proto, name, {
      ...descriptor,
      get(this: unknown) {
        note(name);
        return get.call(this);
      },
    });
  };
  const wrapMethod = (proto: Record<string, unknown>, name: string) => {
    const method = proto[name] as (...args: unknown[]) => unknown;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      note(name);
      return method.apply(this, args);
    };
  };
  for (const name of ['offsetWidth', 'offsetHeight', 'offsetTop', 'offsetLeft', 'offsetParent', 'innerText'])
    wrapGetter(HTMLElement.prototype, name);
  for (const name of ['clientWidth', 'clientHeight', 'clientTop', 'clientLeft', 'scrollTop', 'scrollLeft', 'scrollWidth', 'scrollHeight'])
    wrapGetter(Element.prototype, name);
  for (const name of ['getBoundingClientRect', 'getClientRects', 'scrollIntoView', 'checkVisibility'])
    wrapMethod(Element.prototype as unknown as Record<string, unknown>, name);
  wrapMethod(HTMLElement.prototype as unknown as Record<string, unknown>, 'focus');
  wrapMethod(window as unknown as Record<string, unknown>, 'getComputedStyle');
  wrapMethod(Range.prototype as unknown as Record<string, unknown>, 'getBoundingClientRect');
  wrapMethod(Range.prototype as unknown as Record<string, unknown>, 'getClientRects');
}

async function typeAndTrace(page: Page, label: string): Promise<Map<string, number>> {
  await page.getByLabel(label, { exact: true }).click();
  await sleep(500);
  const client = await page.context().newCDPSession(page);
  await client.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const cpu = process.env.CPU === '1' && !page.url().includes(FLOOR_PATH);
  if (cpu) {
    await client.send('Profiler.enable');
    await client.send('Profiler.setSamplingInterval', { interval: 100 });
    await client.send('Profiler.start');
  }
  const reads = process.env.READS === '1';
  if (reads) await page.evaluate(() => ((window as unknown as { __layoutReads: { on: boolean } }).__layoutReads.on = true));
  const events = await trace(client, async () => {
    for (const key of 'abcdefghij') {
      await page.keyboard.press(key);
      await sleep(250);
    }
  });
  if (cpu) {
    const profile = (await client.send('Profiler.stop')).profile as unknown as Profile;
    summarize(profile, 0, Number.POSITIVE_INFINITY);
    if (process.env.CPU_PROFILE) writeFileSync(process.env.CPU_PROFILE, JSON.stringify(profile));
  }
  await client.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  if (reads) {
    const counted = await page.evaluate(() => [
      ...(window as unknown as { __layoutReads: { reads: Map<string, number> } }).__layoutReads.reads,
    ]);
    for (const [stack, count] of counted.sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${count}× ${stack}`);
  }
  const inside = [...insideListeners(events).entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(`  inside the listeners: ${inside.map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(', ')}`);
  return byKind(events);
}

async function main() {
  const [field = 'name', visitsArg = '2'] = process.argv.slice(2);
  const label = field === 'row80' ? 'Value 80' : 'Integration Name';
  const server = await startDemoServer({ floors: true });
  const browser = await launchBrowser();
  try {
    const botId = await importBot(server.baseUrl, TYPING_BOT.name, TYPING_BOT.integrations, [ordersIntegration()]);
    const list = await fetch(`${server.baseUrl}/api/bots/${botId}/integrations?limit=${TYPING_BOT.integrations}`);
    const { items } = (await list.json()) as { items: { id: string; name: string }[] };
    const orders = items.find((item) => item.name === TYPING_BOT.formName)!;
    const paths = {
      app: `/bots/${botId}/integrations/${orders.id}`,
      floor: `${FLOOR_PATH}/typing/index.html?bot=${botId}&id=${orders.id}`,
    };
    for (let visit = 0; visit < Number(visitsArg); visit += 1) {
      for (const side of ['app', 'floor'] as const) {
        const page = await newMarkedPage(browser, server.baseUrl, { formName: TYPING_BOT.formName });
        if (process.env.READS === '1')
          await page.context().addInitScript({ content: `var __name = (target) => target; (${recordLayoutReads.toString()})();` });
        // EXTRA_CSS=<rules>: the same visit with a style added, to try a change of CSS without a build.
        if (process.env.EXTRA_CSS && side === 'app') {
          await page.context().addInitScript({
            content: `document.addEventListener('DOMContentLoaded', () => { const style = document.createElement('style'); style.textContent = ${JSON.stringify(process.env.EXTRA_CSS)}; document.head.append(style); });`,
          });
        }
        await page.goto(paths[side]);
        await waitForMark(page, 'formUsable');
        if (side === 'app') await waitForMark(page, 'editorReady');
        await sleep(2_000);
        const totals = await typeAndTrace(page, label);
        const all = [...totals.values()].reduce((sum, value) => sum + value, 0);
        console.log(
          `${side.padEnd(5)} ${field} ×10: ${all.toFixed(0)} ms: ` +
            [...totals.entries()]
              .sort((a, b) => b[1] - a[1])
              .map(([kind, ms]) => `${kind} ${ms.toFixed(0)}`)
              .join(', '),
        );
        await page.context().close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
