/**
 * The CSS variables the widget reads (defaults in `widgetCss`, listed in docs/guides/widget.md).
 * Set them on `.kefu-widget`, or pass `themeVariables` to `<ChatWidget>`.
 *
 * @example
 * const brand: ThemeVariables = { '--kefu-accent': '#7b1fa2', '--kefu-radius': '8px' };
 */
export type ThemeVariable =
  | '--kefu-accent'
  | '--kefu-accent-text'
  | '--kefu-bg'
  | '--kefu-surface'
  | '--kefu-text'
  | '--kefu-muted'
  | '--kefu-border'
  | '--kefu-bubble-own'
  | '--kefu-bubble-own-text'
  | '--kefu-bubble-other'
  | '--kefu-bubble-other-text'
  | '--kefu-danger'
  | '--kefu-focus'
  | '--kefu-radius'
  | '--kefu-font'
  | '--kefu-width'
  | '--kefu-height'
  | '--kefu-z'
  | '--kefu-offset';

/**
 * Values for some of the theme variables.
 *
 * @example
 * const dark: ThemeVariables = { '--kefu-accent': '#ff8a65' };
 * <div style={dark as React.CSSProperties}><ChatWidget /></div>;
 */
export type ThemeVariables = Partial<Record<ThemeVariable, string>>;
