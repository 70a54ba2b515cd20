/**
 * The CSS variables the widget reads, with their light-theme defaults. Set them on `.kefu-widget`
 * (or pass `themeVariables` to `<ChatWidget>`) to match the shop's look.
 *
 * @example
 * <ChatWidget themeVariables={{ '--kefu-accent': '#7b1fa2' }} />
 */
export const lightTheme = {
  '--kefu-accent': '#c2185b',
  '--kefu-accent-text': '#ffffff',
  '--kefu-bg': '#ffffff',
  '--kefu-surface': '#f6f6f8',
  '--kefu-text': '#1f1f24',
  '--kefu-muted': '#5d5d66',
  '--kefu-border': '#d9d9e0',
  '--kefu-bubble-own': '#c2185b',
  '--kefu-bubble-own-text': '#ffffff',
  '--kefu-bubble-other': '#f0f0f4',
  '--kefu-bubble-other-text': '#1f1f24',
  '--kefu-danger': '#b3261e',
  '--kefu-focus': '#1a73e8',
  '--kefu-radius': '14px',
  '--kefu-font':
    'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif',
  '--kefu-width': '380px',
  '--kefu-height': '600px',
  '--kefu-z': '2147483000',
  '--kefu-offset': '20px',
};

/** The variables that `theme="dark"` (or a dark system preference with `theme="auto"`) changes. */
export const darkTheme: Partial<ThemeVariables> = {
  '--kefu-accent': '#f48fb1',
  '--kefu-accent-text': '#1d1b20',
  '--kefu-bg': '#1d1b20',
  '--kefu-surface': '#2a282e',
  '--kefu-text': '#eceaf0',
  '--kefu-muted': '#b4b0bb',
  '--kefu-border': '#46434c',
  '--kefu-bubble-own': '#f48fb1',
  '--kefu-bubble-own-text': '#1d1b20',
  '--kefu-bubble-other': '#34313a',
  '--kefu-bubble-other-text': '#eceaf0',
  '--kefu-danger': '#ffb4ab',
  '--kefu-focus': '#8ab4f8',
};

/** A theme variable's name. */
export type ThemeVariable = keyof typeof lightTheme;
export type ThemeVariables = Record<ThemeVariable, string>;
