// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// Browser globals a server does not have. Any read of them from the widget (or the client it
// bundles) is recorded with its stack, so a module-scope `window.x` or a render-time
// `localStorage` fails the test even where it would not throw.
const TRAPPED = ['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'self'];
const reads: { name: string; stack: string }[] = [];
const saved = new Map<string, PropertyDescriptor | undefined>();

beforeAll(() => {
  for (const name of TRAPPED) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        reads.push({ name, stack: new Error().stack ?? '' });
        return undefined;
      },
    });
  }
});

afterAll(() => {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
    else delete (globalThis as Record<string, unknown>)[name];
  }
});

const ours = () =>
  reads
    .filter(({ stack }) => /packages\/(widget-react|client)\/src/.test(stack))
    // The client looks for a stored visitor token and outbox when it is created: guarded reads in
    // its browser-storage module that find nothing on a server (unguarded, `undefined.getItem`
    // would throw and fail the render).
    .filter(({ name, stack }) => !(name === 'localStorage' && stack.includes('browser-storage')))
    .map(({ name }) => name);

describe('server rendering', () => {
  beforeEach(() => {
    reads.length = 0;
  });

  it('imports without touching browser globals', async () => {
    const widget = await import('./index');
    const agent = await import('./agent/index');
    expect(typeof widget.ChatWidget).toBe('function');
    expect(typeof agent.useInbox).toBe('function');
    // Nothing at all at module scope, not even guarded reads.
    expect(reads.filter(({ stack }) => /packages\/(widget-react|client)\/src/.test(stack))).toEqual(
      [],
    );
  });

  it('renders the widget to a string with a provider-owned client, without connecting', async () => {
    const { ChatWidget, KefuProvider } = await import('./index');
    const html = renderToString(
      <KefuProvider
        options={{
          url: 'wss://candy.example/kefu',
          identity: { kind: 'visitor' },
        }}
      >
        <ChatWidget />
        <ChatWidget inline locale="zh-CN" />
      </KefuProvider>,
    );
    expect(html).toContain('class="kefu-launcher"');
    expect(html).toContain('aria-label="Chat with us"');
    expect(html).toContain('在线客服');
    expect(html).not.toContain('<style');
    expect(ours()).toEqual([]);
  });

  it('renders an open panel', async () => {
    const { createKefuClient } = await import('@kefu/client');
    const { ChatWidget } = await import('./index');
    const client = createKefuClient({
      url: 'wss://candy.example/kefu',
      identity: { kind: 'customer', customerId: 'cus_lin', signature: 'x' },
      autoConnect: false,
      visitorTokenStorage: null,
      outboxStorage: null,
    });
    const html = renderToString(<ChatWidget client={client} defaultOpen locale="en" />);
    expect(html).toContain('role="dialog"');
    expect(html).toContain('Enter to send, Shift+Enter for a new line');
    expect(ours()).toEqual([]);
  });
});
