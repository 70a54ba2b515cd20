import type { Credentials } from '@kefu/core/wire';
import type { LauncherGreetingOption } from '../../src/components/launcher-greeting';

/** What the test server writes into each page as `window.__KEFU__`. */
export interface PageConfig {
  url: string;
  identity: Credentials;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  pageSize?: number;
  preChat?: boolean;
  greeting?: LauncherGreetingOption;
}

export function pageConfig(): PageConfig {
  return (window as unknown as { __KEFU__: PageConfig }).__KEFU__;
}

/** Fast reconnects: the network tests cut the connection on purpose. */
export const reconnect = { minDelayMs: 100, maxDelayMs: 1_000 };
