import { SHORTCUTS } from './shortcuts';

/** The console's keyboard shortcuts, one click away in the top bar. */
export function ShortcutsHelp() {
  return (
    <details className="shortcuts">
      <summary>⌨ 快捷键 Shortcuts</summary>
      <dl aria-label="Keyboard shortcuts">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.keys}>
            <dt>
              <kbd>{shortcut.keys}</kbd>
            </dt>
            <dd>{shortcut.description}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
