import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from './chromium';

function run(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'inherit' });
    return true;
  } catch {
    return false;
  }
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** True when a font with Chinese glyphs is installed (screenshots show 中文, not boxes). */
function hasChineseFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

/**
 * Vitest global setup: the browser tests need Debian's Chromium. On a fresh Debian machine where
 * the test run may install packages (root with apt-get), it installs `chromium` and a CJK font;
 * elsewhere it says what to install. Nothing is downloaded from outside the distribution.
 */
export function setup(): void {
  const missing = [
    ...(existsSync(CHROMIUM) ? [] : ['chromium']),
    ...(hasChineseFont() ? [] : ['fonts-noto-cjk']),
  ];
  if (missing.length === 0) return;
  if (isRoot() && existsSync('/usr/bin/apt-get')) {
    console.log(`[kefu] installing ${missing.join(' ')} from Debian for the browser tests…`);
    if (run('apt-get', ['update', '-qq'])) {
      run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing]);
    }
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}: install Debian's package ` +
        '(apt-get install chromium) or point KEFU_CHROMIUM at a Chromium binary.',
    );
  }
}
