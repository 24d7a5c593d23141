// Scanned text (paths, model names, expressions) may hold bidi controls ("Trojan Source"), terminal escapes (ESC,
// OSC, BEL, the C1 CSI) or other invisible control characters, which would reorder, recolour, retitle or hide what a
// report shows around them. Every renderer (text, Markdown, HTML, the webview page) shows them by code point instead.
// Kept apart so the webview bundle takes only this.
import { redactSecrets } from '../model/redact';

/** The bidi embedding, override and isolate controls and marks, as a character-class range (html.ts escapes the same). */
export const BIDI_CONTROLS = '\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069';
/** C0 (but tab and line feed), DEL, C1, bidi, line/paragraph separators, zero-width and BOM characters. */
const INVISIBLE = `\u0000-\u0008\u000b-\u001f\u007f-\u009f${BIDI_CONTROLS}\u200b-\u200d\u2028\u2029\u2060-\u2064\ufeff`;
const CONTROL_CHARS = new RegExp(`[${INVISIBLE}]`, 'g');
const CONTROL_CHARS_AND_BREAKS = new RegExp(`[\t\n${INVISIBLE}]`, 'g');

const codePoint = (c: string) => `‹U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}›`;

/** `a\u202eb` → `a‹U+202E›b`; tabs and line feeds stay unless `lineBreaks` is set (one-line fields: a file name). */
export function showControlChars(text: string, options: { lineBreaks?: boolean } = {}): string {
  return text.replace(options.lineBreaks ? CONTROL_CHARS_AND_BREAKS : CONTROL_CHARS, codePoint);
}

/**
 * The terminal (text report) escaping of one field of scanned text: keys masked, every control character shown by
 * code point, line breaks too (a file name with a line feed must not start a forged line of the report).
 */
export function escapeTerminal(text: string): string {
  return showControlChars(redactSecrets(text), { lineBreaks: true });
}
