/**
 * The styles of the parts loaded on first use (lazy-parts.tsx), one constant per part: each part
 * adds its own when it first renders (`usePartCss`), so the first chunk does not carry them.
 * `widgetCss` has them all, for pages that serve the stylesheet themselves.
 */
export const greetingCss = `
.kefu-greeting{position:fixed;right:var(--kefu-offset);bottom:calc(var(--kefu-offset) + 68px);z-index:var(--kefu-z);display:flex;align-items:flex-start;max-width:min(280px,calc(100vw - 2*var(--kefu-offset)));background:var(--kefu-bg);color:var(--kefu-text);border:1px solid var(--kefu-border);border-radius:var(--kefu-radius);box-shadow:0 6px 24px rgb(0 0 0/.18)}
.kefu-greeting-text{flex:1;border:0;background:none;color:inherit;text-align:start;padding:10px 0 10px 14px;cursor:pointer}
`;
export const incidentCss = `
.kefu-notice--incident{border-inline-start:4px solid #d97706}
`;
export const attachmentsCss = `
.kefu-attachments{margin:4px 0 0;padding:0;list-style:none}
.kefu-thumb{display:block;padding:0;border:0;background:none;cursor:zoom-in}.kefu-thumb img{display:block;max-width:180px;max-height:180px;border-radius:10px;object-fit:cover}
.kefu-lightbox{position:fixed;inset:0;z-index:var(--kefu-z);display:flex;flex-direction:column;align-items:center;justify-content:center;gap:12px;padding:16px;background:rgb(0 0 0/.85);color:#fff}
.kefu-lightbox img{max-width:100%;max-height:calc(100% - 64px);object-fit:contain}
.kefu-lightbox-bar{display:flex;gap:12px;align-items:center}.kefu-lightbox a{color:#fff}
`;
export const uploadsCss = `
.kefu-uploads{margin:0;padding:6px 12px 0;list-style:none;display:flex;flex-direction:column;gap:6px}
.kefu-upload{display:flex;align-items:center;gap:8px;font-size:13px}.kefu-upload img{display:block;width:40px;height:40px;border-radius:8px;object-fit:cover}
.kefu-upload-name{flex:1;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}.kefu-upload progress{width:80px}
`;
export const surveyCss = `
.kefu-survey{flex:0 1 auto;min-height:0;border-top:1px solid var(--kefu-border)}.kefu-survey>p{margin:0;color:var(--kefu-muted);font-size:14px}.kefu-survey>.kefu-button{position:sticky;bottom:0}.kefu-survey fieldset{border:0;margin:0;padding:0}
.kefu-scale{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}
.kefu-scale label{display:flex}
.kefu-scale input{position:absolute;opacity:0;width:1px;height:1px}
.kefu-scale span{min-width:36px;padding:6px 8px;border:1px solid var(--kefu-border);border-radius:10px;text-align:center;cursor:pointer;font-weight:500}
.kefu-scale input:checked+span{background:var(--kefu-accent);color:var(--kefu-accent-text);border-color:var(--kefu-accent)}
.kefu-scale input:focus-visible+span{outline:3px solid var(--kefu-focus);outline-offset:2px}
`;
export const ticketsCss = `
.kefu-button--secondary{background:var(--kefu-surface);color:var(--kefu-text);border:1px solid var(--kefu-border)}
.kefu-tickets{flex:1;overflow-y:auto;margin:0;padding:12px;list-style:none;display:flex;flex-direction:column;gap:12px}
.kefu-ticket{border:1px solid var(--kefu-border);border-radius:12px;padding:10px 12px}
.kefu-ticket h3{margin:0 0 4px;font-size:15px}
.kefu-ticket ol{margin:8px 0 0;padding:0 0 0 18px;font-size:13px}
.kefu-ticket li{margin-bottom:4px}
.kefu-ticket time{color:var(--kefu-muted);margin-right:6px}
.kefu-actions{display:flex;gap:8px;margin-top:8px}
`;
