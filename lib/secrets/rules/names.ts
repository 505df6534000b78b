// Databricks' rules for secret scope and key names and values (API reference §2.3), in one place: the secrets
// contract's schemas, the forms, the routes and the token rotation's delivery all check with these.

/** Letters, digits, dash, underscore, period and @; scope names are case-insensitive. */
export const SCOPE_NAME = /^[A-Za-z0-9_.@-]{1,128}$/;
/** Letters, digits, dash, underscore and period. */
export const KEY_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
export const MAX_NAME_LENGTH = 128;
/** Databricks refuses a secret value above 128 KB (of bytes, not characters). */
export const MAX_SECRET_BYTES = 128 * 1024;

/** What is wrong with a scope name, in words, or null when Databricks would accept it. `label` names the field. */
export function scopeNameProblem(name: string, label = 'The scope name'): string | null {
  if (name === '') return `${label} is required`;
  if (name.length > MAX_NAME_LENGTH) return `${label} is at most ${MAX_NAME_LENGTH} characters`;
  if (!SCOPE_NAME.test(name)) return `${label} may only use letters, digits, dash, underscore, period and @`;
  return null;
}

export function keyNameProblem(name: string, label = 'The key'): string | null {
  if (name === '') return `${label} is required`;
  if (name.length > MAX_NAME_LENGTH) return `${label} is at most ${MAX_NAME_LENGTH} characters`;
  if (!KEY_NAME.test(name)) return `${label} may only use letters, digits, dash, underscore and period`;
  return null;
}

/** Scope names are compared as Databricks does: without regard to case. */
export function sameScope(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Bytes of a string once stored (UTF-8), as Databricks counts the limit. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The number of bytes a base64 text holds, or null when it is not base64 (standard alphabet, padded). */
export function base64Length(text: string): number | null {
  if (!BASE64.test(text)) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/** What is wrong with a value's size, or null. */
export function valueSizeProblem(bytes: number): string | null {
  if (bytes === 0) return 'The value is empty';
  if (bytes > MAX_SECRET_BYTES)
    return `The value is ${bytes.toLocaleString('en')} bytes; Databricks takes at most ${MAX_SECRET_BYTES.toLocaleString('en')} (128 KB)`;
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
}

/**
 * A name Databricks accepts, made from free text (a cluster or variable name): lower case, runs of anything else
 * turned into one dash, at most 128 characters. `fallback` when nothing usable is left.
 */
export function suggestName(text: string, fallback: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9_.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, MAX_NAME_LENGTH)
    .replace(/[-.]+$/, '');
  return slug || fallback;
}
