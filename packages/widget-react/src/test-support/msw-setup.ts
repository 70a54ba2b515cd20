import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { closeClients } from './render-with-client';

/** One msw server per test file; unknown requests fail the test. */
export function setupMsw() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    cleanup();
    closeClients();
    server.resetHandlers();
    document.getElementById('kefu-widget-styles')?.remove();
    // What one test's widget remembered (open, tickets, greeting dismissed) is not the next's.
    sessionStorage.clear();
  });
  afterAll(() => server.close());
  return server;
}
