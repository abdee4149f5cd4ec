import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { resetConnectionForTests } from '../lib/connection';
import { memoryDraftStore, replaceDraftStore } from '../lib/draft-store';

// Monaco needs a real browser (Playwright covers it): in every component test a textarea stands in with the
// same contract (script-editor-stand-in.tsx). A test that needs another stand-in mocks the module itself.
vi.mock('../features/integrations/components/script-editor/script-editor', () => import('./script-editor-stand-in'));

// The first render of a lazy route compiles its chunk; on a busy machine that takes more than the default second.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  // Each test is a fresh browser: no drafts kept, the server reachable.
  replaceDraftStore(memoryDraftStore());
  resetConnectionForTests();
});

// Radix primitives measure and scroll elements; happy-dom lacks a few of these browser APIs.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
Element.prototype.hasPointerCapture ??= () => false;
Element.prototype.releasePointerCapture ??= () => undefined;
