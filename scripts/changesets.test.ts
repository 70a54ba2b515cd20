import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../.changeset/', import.meta.url));
const PUBLISHED = new Set(
  readdirSync(fileURLToPath(new URL('../packages/', import.meta.url))).map(
    (folder) => `@kefu/${folder}`,
  ),
);

describe('changesets', () => {
  // A formatter once turned single-package frontmatter into a Markdown heading, which
  // `changeset version` refuses; this keeps every changeset readable by the tool.
  it('each starts with frontmatter naming published packages and a bump', () => {
    const files = readdirSync(dir).filter((file) => file.endsWith('.md') && file !== 'README.md');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(`${dir}${file}`, 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n\n\S/.exec(text);
      expect(match, `${file} has no frontmatter followed by a summary`).not.toBeNull();
      for (const line of match?.[1]?.split('\n') ?? []) {
        const bump = /^["']([^"']+)["']: (patch|minor|major)$/.exec(line);
        expect(bump, `${file}: "${line}"`).not.toBeNull();
        expect(PUBLISHED.has(bump?.[1] ?? ''), `${file}: ${bump?.[1]} is not a package`).toBe(true);
      }
    }
  });
});
