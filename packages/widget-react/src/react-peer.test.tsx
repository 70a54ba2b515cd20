import { version } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, inject, it } from 'vitest';
import { Launcher } from './index';

declare module 'vitest' {
  interface ProvidedContext {
    /** The React major this vitest project resolves `react` to (see the root vitest.config.ts). */
    reactMajor: string;
  }
}

describe('React peer', () => {
  it('runs these tests on the React major the project names', () => {
    expect(version.split('.')[0]).toBe(inject('reactMajor'));
  });

  it('renders a part of the widget on it', () => {
    const html = renderToString(<Launcher open={false} onToggle={() => {}} />);
    expect(html).toContain('<button');
  });
});
