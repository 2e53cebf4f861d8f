export const THEME_COOKIE = "crowsnest_theme";
export type Theme = "dark" | "light";

/** Dark unless the cookie explicitly says light. */
export function parseTheme(value: string | undefined | null): Theme {
  return value === "light" ? "light" : "dark";
}
