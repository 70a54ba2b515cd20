import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { ARTIFACTS } from './browser';

/** Committed screenshots the visual tests compare against (regenerate: UPDATE_SCREENSHOTS=1). */
export const BASELINES = fileURLToPath(new URL('./screenshots/', import.meta.url));

/**
 * Per pixel, how different two colours may be and still count as equal (pixelmatch's YIQ
 * distance, 0–1): 0.1 absorbs anti-aliasing noise, not a changed colour.
 */
export const PIXEL_THRESHOLD = 0.1;

/**
 * How many pixels may differ, as a share of the screenshot: 0.1% (1,100 pixels at 1280×860, 305 at
 * 375×812). A clipped or moved button, a line of text cut off, a changed colour all differ by far
 * more; a glyph rendered a shade differently does not.
 */
export const MAX_DIFF_RATIO = 0.001;

export interface VisualResult {
  name: string;
  /** Pixels beyond `PIXEL_THRESHOLD`; -1 when the sizes differ. */
  diffPixels: number;
  ratio: number;
  /** The baseline was (re)written instead of compared. */
  updated: boolean;
}

/**
 * Compares a PNG screenshot with `screenshots/<name>.png`. The actual image and a diff image (red
 * where they differ) go to `test-artifacts/visual/`. With `UPDATE_SCREENSHOTS=1`, or when there is
 * no baseline yet and `UPDATE_SCREENSHOTS` is set, the screenshot becomes the baseline.
 *
 * @example
 * const result = compareWithBaseline('survey-desktop-light-en', await page.screenshot());
 * expect(result.ratio).toBeLessThanOrEqual(MAX_DIFF_RATIO);
 */
export function compareWithBaseline(name: string, screenshot: Buffer): VisualResult {
  const artifacts = `${ARTIFACTS}visual/`;
  mkdirSync(artifacts, { recursive: true });
  mkdirSync(BASELINES, { recursive: true });
  writeFileSync(`${artifacts}${name}.png`, screenshot);
  const baselinePath = `${BASELINES}${name}.png`;
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    writeFileSync(baselinePath, screenshot);
    return { name, diffPixels: 0, ratio: 0, updated: true };
  }
  if (!existsSync(baselinePath)) {
    throw new Error(
      `No baseline ${baselinePath}: run the e2e tests once with UPDATE_SCREENSHOTS=1 and commit it.`,
    );
  }
  const actual = PNG.sync.read(screenshot);
  const expected = PNG.sync.read(readFileSync(baselinePath));
  if (actual.width !== expected.width || actual.height !== expected.height) {
    return { name, diffPixels: -1, ratio: 1, updated: false };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const diffPixels = pixelmatch(
    expected.data,
    actual.data,
    diff.data,
    actual.width,
    actual.height,
    { threshold: PIXEL_THRESHOLD },
  );
  writeFileSync(`${artifacts}${name}.diff.png`, PNG.sync.write(diff));
  return { name, diffPixels, ratio: diffPixels / (actual.width * actual.height), updated: false };
}
