import { useInsertionEffect } from 'react';
import { coreCss } from './widget-css';

/**
 * The id of the style element the widget injects; present once, however many widgets mount.
 *
 * @example
 * document.getElementById(WIDGET_STYLE_ID); // the injected <style>, once
 */
export const WIDGET_STYLE_ID = 'kefu-widget-styles';

/**
 * Puts the widget's stylesheet into `document.head` once, on the client only (never during server
 * rendering). `nonce` is for pages with a Content-Security-Policy on styles.
 *
 * @example
 * useWidgetStyles({ enabled: injectStyles, nonce });
 */
export function useWidgetStyles({ enabled = true, nonce }: { enabled?: boolean; nonce?: string }) {
  useInsertionEffect(() => {
    if (!enabled || document.getElementById(WIDGET_STYLE_ID)) return;
    const style = document.createElement('style');
    style.id = WIDGET_STYLE_ID;
    if (nonce) style.nonce = nonce;
    style.textContent = coreCss;
    document.head.appendChild(style);
  }, [enabled, nonce]);
}
