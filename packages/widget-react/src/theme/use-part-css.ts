import { useInsertionEffect } from 'react';
import { WIDGET_STYLE_ID } from './use-widget-styles';

/**
 * Adds a lazily loaded part's styles next to the widget's (`<style id="kefu-widget-styles-…">`,
 * with the same nonce), once. Where the widget's own style element is missing, the page serves
 * `widgetCss` itself (`injectStyles={false}`), which has every part's styles: nothing is added.
 */
export function usePartCss(part: string, css: string): void {
  useInsertionEffect(() => {
    const main = document.getElementById(WIDGET_STYLE_ID);
    const id = `${WIDGET_STYLE_ID}-${part}`;
    if (!main || document.getElementById(id)) return;
    const style = document.createElement('style');
    style.id = id;
    if (main.nonce) style.nonce = main.nonce;
    style.textContent = css;
    document.head.appendChild(style);
  }, [part, css]);
}
