import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import '../lib/i18n.ts';

// What Mantine asks of a browser that the simulated one leaves out.
window.HTMLElement.prototype.scrollIntoView = function scrollIntoView() {};
if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: Object.assign(new EventTarget(), { ready: Promise.resolve() }) });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
