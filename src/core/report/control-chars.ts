// Scanned text (paths, model names, expressions) may hold bidi controls ("Trojan Source") or other invisible control
// characters, which would reorder or hide what a report shows around them. Every renderer (text, Markdown, HTML, the
// webview page) shows them by code point instead. Kept apart so the webview bundle takes only this.
/** The bidi embedding, override and isolate controls, as a character-class range (html.ts escapes the same). */
export const BIDI_CONTROLS = '\u202a-\u202e\u2066-\u2069';
const CONTROL_CHARS = new RegExp(`[\u0000-\u0008\u000b-\u001f\u007f${BIDI_CONTROLS}]`, 'g');

/** `a\u202eb` → `a‹U+202E›b`; tabs and line feeds stay. */
export function showControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, (c) => `‹U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}›`);
}
