import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The code blocks of the README and the getting-started guide are programs: each document's
 * `ts` blocks, in order, make one module (later blocks use what earlier ones defined), and so do
 * its `tsx` blocks; `<!-- doc-snippets: new file -->` before a block starts another module. Every
 * module is type-checked against the packages' sources, and the `ts` ones are run.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'scripts/.doc-snippets');
const DOCS = ['README.md', 'docs/getting-started.md'];
const NEW_FILE = '<!-- doc-snippets: new file -->';

interface Snippet {
  file: string;
  code: string;
}

/** The modules a Markdown document's code blocks make. */
function extractSnippets(name: string, markdown: string): Snippet[] {
  const modules = new Map<string, string[]>();
  let part = 0;
  const block = /(<!-- doc-snippets: new file -->\s*)?^```(ts|tsx)\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(block)) {
    if (match[1]?.includes(NEW_FILE)) part += 1;
    const file = `${name.replace(/[/.]/g, '-')}-${part}.${match[2]}`;
    modules.set(file, [...(modules.get(file) ?? []), match[3] ?? '']);
  }
  return [...modules].map(([file, blocks]) => ({ file, code: blocks.join('\n') }));
}

const parsed = ts.parseJsonConfigFileContent(
  ts.readConfigFile(join(root, 'tsconfig.typedoc.json'), ts.sys.readFile).config,
  ts.sys,
  root,
);
const react = join(root, 'packages/widget-react/node_modules/@types/react');
const options: ts.CompilerOptions = {
  ...parsed.options,
  noEmit: true,
  paths: {
    ...parsed.options.paths,
    react: [join(react, 'index.d.ts')],
    'react/jsx-runtime': [join(react, 'jsx-runtime.d.ts')],
  },
};

const snippets = DOCS.flatMap((doc) => extractSnippets(doc, readFileSync(join(root, doc), 'utf8')));

describe('doc snippets', () => {
  it('finds the blocks of each document and splits at the marker', () => {
    const parts = extractSnippets(
      'x.md',
      `\`\`\`ts\nconst a = 1;\n\`\`\`\n\n\`\`\`tsx\n<b />;\n\`\`\`\n\n\`\`\`ts\nconst b = a;\n\`\`\`\n\n${NEW_FILE}\n\n\`\`\`ts\nconst c = 3;\n\`\`\`\n`,
    );
    expect(parts).toEqual([
      { file: 'x-md-0.ts', code: 'const a = 1;\n\nconst b = a;\n' },
      { file: 'x-md-0.tsx', code: '<b />;\n' },
      { file: 'x-md-1.ts', code: 'const c = 3;\n' },
    ]);
    for (const doc of DOCS)
      expect(snippets.some((s) => s.file.startsWith(doc.replace(/[/.]/g, '-')))).toBe(true);
  });

  it('type-check', () => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const files = snippets.map((snippet) => {
      const file = join(out, snippet.file);
      writeFileSync(file, snippet.code);
      return file;
    });
    const program = ts.createProgram(files, options);
    const errors = files.flatMap((file) => {
      const source = program.getSourceFile(file);
      return [
        ...program.getSyntacticDiagnostics(source),
        ...program.getSemanticDiagnostics(source),
      ].map((d) => {
        const line =
          d.file && d.start !== undefined
            ? d.file.getLineAndCharacterOfPosition(d.start).line + 1
            : 0;
        return `${snippet(file)}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
    });
    expect(errors).toEqual([]);
  }, 120_000);

  for (const { file } of snippets.filter((s) => s.file.endsWith('.ts'))) {
    it(`run ${file}`, async () => {
      const log = console.log;
      console.log = () => {};
      try {
        await import(/* @vite-ignore */ join(out, file));
      } finally {
        console.log = log;
      }
    });
  }
});

const snippet = (file: string) => file.slice(out.length + 1);
