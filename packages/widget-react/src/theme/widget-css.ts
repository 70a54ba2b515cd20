import {
  attachmentsCss,
  greetingCss,
  incidentCss,
  surveyCss,
  ticketsCss,
  uploadsCss,
} from './parts-css';

// Marked pure so a bundle that does not use `widgetCss` drops it, and the parts' styles with it.
function joinCss(...parts: string[]): string {
  return parts.join('');
}

/** The styles of what every widget shows: injected by `useWidgetStyles`. */
export const coreCss = `
.kefu-widget{--kefu-accent:#c2185b;--kefu-accent-text:#fff;--kefu-bg:#fff;--kefu-surface:#f6f6f8;--kefu-text:#1f1f24;--kefu-muted:#5d5d66;--kefu-border:#d9d9e0;--kefu-bubble-own:var(--kefu-accent);--kefu-bubble-own-text:var(--kefu-accent-text);--kefu-bubble-other:#f0f0f4;--kefu-bubble-other-text:var(--kefu-text);--kefu-danger:#b3261e;--kefu-focus:#1a73e8;--kefu-radius:14px;--kefu-font:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;--kefu-width:380px;--kefu-height:600px;--kefu-z:2147483000;--kefu-offset:20px;font-family:var(--kefu-font);font-size:15px;line-height:1.45;color:var(--kefu-text)}
.kefu-widget[data-theme=dark]{--kefu-accent:#f48fb1;--kefu-accent-text:#1d1b20;--kefu-bg:#1d1b20;--kefu-surface:#2a282e;--kefu-text:#eceaf0;--kefu-muted:#b4b0bb;--kefu-border:#46434c;--kefu-bubble-other:#34313a;--kefu-danger:#ffb4ab;--kefu-focus:#8ab4f8}
@media (prefers-color-scheme:dark){.kefu-widget[data-theme=auto]{--kefu-accent:#f48fb1;--kefu-accent-text:#1d1b20;--kefu-bg:#1d1b20;--kefu-surface:#2a282e;--kefu-text:#eceaf0;--kefu-muted:#b4b0bb;--kefu-border:#46434c;--kefu-bubble-other:#34313a;--kefu-danger:#ffb4ab;--kefu-focus:#8ab4f8}}
.kefu-widget *{box-sizing:border-box}
.kefu-widget :is(button,textarea,input,select){font:inherit}.kefu-widget :is(textarea,input,select){color:inherit}
.kefu-widget :focus-visible{outline:3px solid var(--kefu-focus);outline-offset:2px}
.kefu-sr-only{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.kefu-launcher{position:fixed;right:var(--kefu-offset);bottom:var(--kefu-offset);z-index:var(--kefu-z);width:56px;height:56px;border:0;border-radius:50%;background:var(--kefu-accent);color:var(--kefu-accent-text);cursor:pointer;box-shadow:0 4px 16px rgb(0 0 0/.25);display:grid;place-items:center}
.kefu-launcher svg{width:26px;height:26px;fill:currentColor}
.kefu-badge{position:absolute;top:-4px;right:-4px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:var(--kefu-danger);color:#fff;font-size:12px;font-weight:700;line-height:22px;text-align:center}
.kefu-panel{position:fixed;right:var(--kefu-offset);bottom:calc(var(--kefu-offset) + 68px);z-index:var(--kefu-z);width:var(--kefu-width);height:min(var(--kefu-height),calc(100vh - 110px));display:flex;flex-direction:column;background:var(--kefu-bg);border:1px solid var(--kefu-border);border-radius:var(--kefu-radius);box-shadow:0 12px 40px rgb(0 0 0/.22);overflow:hidden}
.kefu-panel:focus{outline:none}
.kefu-panel--inline{position:static;width:100%;height:100%;box-shadow:none}
@media (max-width:480px){.kefu-panel:not(.kefu-panel--inline){inset:0;width:100%;height:100%;border-radius:0;border:0}.kefu-launcher[aria-expanded=true]{display:none}}
.kefu-header{display:flex;align-items:center;gap:8px;padding:12px 14px;background:var(--kefu-accent);color:var(--kefu-accent-text)}
.kefu-header h2{flex:1;margin:0;font-size:16px}
.kefu-icon-button{border:0;background:transparent;color:inherit;cursor:pointer;padding:6px 8px;border-radius:8px}
.kefu-icon-button:hover{background:rgb(255 255 255/.18)}
.kefu-body,.kefu-chat{flex:1;min-height:0;display:flex;flex-direction:column}
.kefu-chat[data-dropping]{outline:2px dashed var(--kefu-accent);outline-offset:-4px}
.kefu-notice{margin:8px 12px 0;padding:8px 12px;border-radius:10px;background:var(--kefu-surface);font-size:14px}
.kefu-notice p{margin:0}
.kefu-notice strong{display:block}
.kefu-messages{flex:1;min-height:140px;overflow-y:auto;margin:0;padding:12px;list-style:none;display:flex;flex-direction:column;gap:8px;overscroll-behavior:contain}
.kefu-message{display:flex;flex-direction:column;max-width:85%;align-self:flex-start}
.kefu-message--own{align-self:flex-end;align-items:flex-end}
.kefu-message:not(.kefu-message--own,.kefu-message--system){display:grid;grid-template-columns:28px auto;column-gap:6px;justify-items:start}.kefu-message>:not(.kefu-avatar){grid-column:2}
.kefu-avatar{grid-row:1/4;align-self:start;margin-top:18px;width:28px;height:28px;border-radius:50%;background:var(--kefu-accent);color:var(--kefu-accent-text);font-size:13px;font-weight:700;line-height:28px;text-align:center}
.kefu-message--system{align-self:center;max-width:100%;color:var(--kefu-muted);font-size:13px;text-align:center}
.kefu-bubble{padding:8px 12px;border-radius:16px;background:var(--kefu-bubble-other);color:var(--kefu-bubble-other-text);white-space:pre-wrap;overflow-wrap:anywhere}
.kefu-message--own .kefu-bubble{background:var(--kefu-bubble-own);color:var(--kefu-bubble-own-text)}
.kefu-meta{font-size:12px;color:var(--kefu-muted);margin:2px 4px 0}
.kefu-author{font-size:12px;color:var(--kefu-muted);margin:0 4px 2px}
.kefu-failed{color:var(--kefu-danger)}
.kefu-link-button{border:0;background:none;padding:0;color:var(--kefu-accent);text-decoration:underline;cursor:pointer}
.kefu-attach{align-self:center;color:var(--kefu-muted)}.kefu-attach svg{width:22px;height:22px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round}
.kefu-message a{color:inherit}
.kefu-earlier{align-self:center;border:1px solid var(--kefu-border);background:var(--kefu-bg);color:var(--kefu-text);border-radius:14px;padding:4px 12px;cursor:pointer}
.kefu-typing{min-height:20px;margin:0 14px;font-size:13px;color:var(--kefu-muted)}
.kefu-composer{display:flex;gap:8px;align-items:flex-end;padding:10px 12px;border-top:1px solid var(--kefu-border)}
.kefu-composer textarea{flex:1;resize:none;max-height:120px;min-height:40px;padding:9px 12px;border:1px solid var(--kefu-border);border-radius:12px;background:var(--kefu-bg)}
.kefu-button{border:0;border-radius:12px;padding:9px 14px;background:var(--kefu-accent);color:var(--kefu-accent-text);cursor:pointer}
.kefu-button[disabled]{background:var(--kefu-surface);color:var(--kefu-muted);box-shadow:inset 0 0 0 1px var(--kefu-border);cursor:default}
.kefu-form{display:flex;flex-direction:column;gap:10px;padding:14px;overflow-y:auto}
.kefu-form label,.kefu-form legend{font-weight:600;font-size:14px}
.kefu-form textarea,.kefu-form select{width:100%;padding:8px 10px;border:1px solid var(--kefu-border);border-radius:10px;background:var(--kefu-bg)}
.kefu-form h3{margin:0;font-size:16px}
@media (prefers-reduced-motion:no-preference){.kefu-panel{animation:kefu-in .16s ease-out}}
@keyframes kefu-in{from{opacity:0;transform:translateY(8px)}}
`;

/**
 * The widget's whole stylesheet: what every widget shows and the parts loaded on first use. `<ChatWidget>` injects it once (`<style id="kefu-widget-styles">`);
 * with `injectStyles={false}`, serve it yourself (e.g. `<style>{widgetCss}</style>` in a server
 * rendered head, or a file for a strict Content-Security-Policy).
 *
 * @example
 * writeFileSync('public/kefu.css', widgetCss);
 */
export const widgetCss: string = /* @__PURE__ */ joinCss(
  coreCss,
  greetingCss,
  incidentCss,
  attachmentsCss,
  uploadsCss,
  surveyCss,
  ticketsCss,
);
