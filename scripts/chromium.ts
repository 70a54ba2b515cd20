/**
 * Debian's Chromium for every browser test in the repository (the widget's end-to-end tests, the
 * candy-shop demo's): where it is and the flags CI needs. No test ever downloads a browser.
 */
export const CHROMIUM = process.env.KEFU_CHROMIUM ?? '/usr/bin/chromium';

/** No sandbox (CI runs as root), no GPU, no first-run or background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
