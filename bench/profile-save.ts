// npx tsx bench/profile-save.ts [saves]: where a save's time goes beyond its PUT, save by save: click → the PUT
// leaves, the PUT's response → "Saved" drawn, and the main thread's tasks in between (a Chrome trace).
// CPU=1 adds a CPU profile of both parts by original source (build with `vite build --sourcemap` to see names).
// Not a budget: a tool to find what to cut. Same server, page and marks as `npm run bench`'s save figure.
import { launchBrowser, newMarkedPage, waitForMark } from './browser-session';
import { startDemoServer } from './demo-server';
import { summarize, type Profile } from './profile-screen-summary';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    data?: { url?: string; functionName?: string; type?: string };
    /** UpdateLayoutTree: the elements whose style was recalculated. */
    elementCount?: number;
    /** Layout: the objects laid out, of how many. */
    beginData?: { dirtyObjects?: number; totalObjects?: number };
  };
}

const server = await startDemoServer({ floors: false });
const browser = await launchBrowser();
try {
  const integration = server.integrations.find((item) => item.type === 'LIVEPERSON_AGENT_ESCALATION')!;
  const page = await newMarkedPage(browser, server.baseUrl, { listRows: server.integrations.length, formName: integration.name });
  const client = await page.context().newCDPSession(page);
  await page.goto(`/bots/${server.botId}/integrations/${integration.id}`);
  await waitForMark(page, 'editorReady');
  const form = page.locator('form.integration-form');
  const saves = Number(process.argv[2] ?? 6);
  for (let index = 0; index < saves; index += 1) {
    await form.locator('input[name="name"]').fill(`${integration.name}${index % 2 === 0 ? '_' : ''}`);
    await page.getByTestId('dirty-status').getByText('Unsaved changes').waitFor();
    await page.waitForTimeout(300);
    const events: TraceEvent[] = [];
    const collect = ({ value }: { value: object[] }) => events.push(...(value as unknown as TraceEvent[]));
    client.on('Tracing.dataCollected', collect);
    const done = new Promise<void>((resolve) => client.once('Tracing.tracingComplete', () => resolve()));
    await client.send('Profiler.enable');
    await client.send('Profiler.setSamplingInterval', { interval: 50 });
    await client.send('Profiler.start');
    await client.send('Tracing.start', {
      categories: 'devtools.timeline,v8.execute,blink.user_timing,disabled-by-default-devtools.timeline',
      transferMode: 'ReportEvents',
    });
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    const marks = await waitForMark(page, 'saved');
    await page.getByTestId('dirty-status').getByText('Unsaved changes').waitFor({ state: 'detached' });
    await page.evaluate(() => performance.mark('bench-sync'));
    await client.send('Tracing.end');
    await done;
    const profile = (await client.send('Profiler.stop')).profile as unknown as Profile;
    client.off('Tracing.dataCollected', collect);
    const put = await page.evaluate(() => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const last = entries.filter((entry) => entry.initiatorType === 'fetch' && /\/integrations\/[0-9a-f-]{36}$/.test(entry.name)).at(-1)!;
      return { start: last.startTime, requestStart: last.requestStart, responseStart: last.responseStart, end: last.responseEnd };
    });
    const sync = events.find((event) => event.name === 'bench-sync')!;
    const syncAt = await page.evaluate(() => performance.getEntriesByName('bench-sync').at(-1)!.startTime);
    const origin = sync.ts - syncAt * 1000;
    const at = (event: TraceEvent) => (event.ts - origin) / 1000;
    const click = marks.saveClick!;
    const saved = marks.saved!;
    console.log(
      `save ${index + 1}: click → PUT sent ${(put.start - click).toFixed(1)} ms; PUT ${(put.end - put.start).toFixed(1)} ms` +
        ` (queue ${(put.requestStart - put.start).toFixed(1)}, server ${(put.responseStart - put.requestStart).toFixed(1)});` +
        ` response → "Saved" ${(saved - put.end).toFixed(1)} ms; beyond the PUT ${(saved - click - (put.end - put.start)).toFixed(1)} ms`,
    );
    const renderer = events.find((event) => event.name === 'EventDispatch');
    const tasks = events.filter(
      (event) =>
        event.pid === renderer?.pid &&
        event.tid === renderer?.tid &&
        event.name === 'RunTask' &&
        at(event) > click - 5 &&
        at(event) < saved + 1 &&
        (event.dur ?? 0) > 500,
    );
    for (const task of tasks) {
      const inside = events
        .filter(
          (event) =>
            event.pid === task.pid &&
            event.tid === task.tid &&
            event.ts >= task.ts &&
            event.ts < task.ts + task.dur! &&
            event !== task &&
            (event.dur ?? 0) > 300,
        )
        .filter((event) =>
          [
            'EventDispatch',
            'FunctionCall',
            'TimerFire',
            'FireAnimationFrame',
            'UpdateLayoutTree',
            'Layout',
            'Paint',
            'RunMicrotasks',
            'XHRLoad',
            'ResourceReceivedData',
            'MinorGC',
            'MajorGC',
            'FireIdleCallback',
            'Commit',
            'PrePaint',
            'EvaluateScript',
            'v8.compile',
            'ParseHTML',
          ].includes(event.name),
        )
        .map((event) => {
          // How much a style recalculation or a layout touched: the whole page, or the part that changed.
          const size =
            event.args?.elementCount !== undefined
              ? `[${event.args.elementCount} elements]`
              : event.args?.beginData?.dirtyObjects !== undefined
                ? `[${event.args.beginData.dirtyObjects}/${event.args.beginData.totalObjects} objects]`
                : '';
          return `${event.name}${event.args?.data?.type ? `(${event.args.data.type})` : ''}${size} ${((event.dur ?? 0) / 1000).toFixed(1)}`;
        });
      console.log(
        `    task ${(at(task) - click).toFixed(1).padStart(6)} +${(task.dur! / 1000).toFixed(1).padStart(5)} ms  ${inside.slice(0, 10).join(', ')}`,
      );
    }
    if (process.env.CPU) {
      console.log('  click → PUT sent:');
      summarize(profile, origin + (click - 1) * 1000, origin + put.start * 1000);
      console.log('  PUT answered → "Saved":');
      summarize(profile, origin + put.end * 1000, origin + saved * 1000);
    }
    console.log(
      `    PUT sent at +${(put.start - click).toFixed(1)}, answered at +${(put.end - click).toFixed(1)}, "Saved" at +${(saved - click).toFixed(1)}`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}
