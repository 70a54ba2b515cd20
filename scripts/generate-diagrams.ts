import { writeFileSync } from 'node:fs';
import { DIAGRAMS, readPage, withDiagram } from './diagrams';

// Rewrites the Mermaid blocks in docs/ from the machines' definitions.
for (const diagram of DIAGRAMS) {
  const page = readPage(diagram.file);
  const next = withDiagram(page, diagram.name, diagram.mermaid);
  if (next !== page) {
    writeFileSync(diagram.file, next);
    console.log(`updated ${diagram.file}`);
  } else {
    console.log(`up to date: ${diagram.file}`);
  }
}
