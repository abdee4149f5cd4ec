import type { BrowserContext, ConsoleMessage } from '@playwright/test';

/**
 * Chromium logs every answer of 400 or more as a console error of its own, "Failed to load resource: the
 * server responded with a status of 404 (Not Found)", whatever the page does with it: the entry comes from
 * the network, not from a script (it has no arguments, and its location is the resource's address). The
 * app cannot stop it short of changing the API's status codes, and it meets such answers on purpose: a
 * deleted integration's address (404), a stale save (412), a name that is taken (409) are each shown to the
 * user in words. So the browser's record of an answer under 500 is not an error of the page; a 5xx is (the
 * server failed), and so is everything a script logs or throws.
 */
const NETWORK_LOG = /^Failed to load resource: the server responded with a status of (\d{3})\b/;

function isAnswerThePageHandles(message: ConsoleMessage): boolean {
  const status = NETWORK_LOG.exec(message.text())?.[1];
  return status !== undefined && Number(status) < 500 && message.args().length === 0 && message.location().url !== '';
}

/** Collects, for the context's every page, the console errors and uncaught exceptions of the page's own. */
export function collectConsoleErrors(context: BrowserContext): string[] {
  const errors: string[] = [];
  context.on('console', (message) => {
    if (message.type() !== 'error' || isAnswerThePageHandles(message)) return;
    errors.push(`${message.text()} (${message.location().url}:${message.location().lineNumber})`);
  });
  context.on('weberror', (error) => errors.push(`Uncaught: ${String(error.error())}`));
  return errors;
}
