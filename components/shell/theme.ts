// Theme choice: 'light' | 'dark' in a cookie, or no cookie = follow the system (prefers-color-scheme in globals.css).
export const THEME_COOKIE = 'bw-theme';
export type ThemeChoice = 'system' | 'light' | 'dark';

export function themeChoice(value: string | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** The class for <html>: none means "follow the system". */
export function themeClass(value: string | undefined): 'light' | 'dark' | undefined {
  const choice = themeChoice(value);
  return choice === 'system' ? undefined : choice;
}
