/** Joins class names, skipping falsy ones (a 3-line clsx). */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(' ');
}
