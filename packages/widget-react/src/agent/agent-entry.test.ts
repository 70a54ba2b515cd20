import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const sources = readdirSync(here).filter(
  (file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file),
);

describe('the agent entry (@kefu/widget-react/agent)', () => {
  it('reaches the widget only through the package name, so both entries share one React context', () => {
    // The build keeps `@kefu/widget-react` external for this entry; a relative import of the
    // provider or hooks would bundle a second KefuContext into dist/agent (CommonJS is not split).
    const reachingOut = sources.flatMap((file) =>
      [...readFileSync(`${here}${file}`, 'utf8').matchAll(/from '(\.\.\/[^']+)'/g)].map(
        (match) => `${file}: ${match[1]}`,
      ),
    );
    expect(sources.length).toBeGreaterThan(3);
    expect(reachingOut).toEqual([]);
  });
});
