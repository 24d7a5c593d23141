// The one localisation mechanism of the core, the language server and the CLI (the VS Code client, its own process,
// uses vscode.l10n). A catalogue maps a message id to its template in every language we ship; the type says the
// Korean entry is there for every id, with the same {{placeholders}} as the English. A surface never writes a sentence
// inline: it renders a message id with its data, so rewording a message changes every surface and no other language.
import { redactSecrets } from '../model/redact';
import { fillTemplate } from './template';

export type Lang = 'en' | 'ko';

export const LANGS: readonly Lang[] = ['en', 'ko'];

/** The values a message inserts: numbers and text computed by the caller (formatted sizes, names, expressions). */
export type MessageData = Readonly<Record<string, string | number>>;

/**
 * A template: text with {{name}} placeholders filled from the data, or, where the words depend on a value (an English
 * plural, a choice between phrasings), a function of the same named data.
 */
export type Template<D = never> = string | ((data: D) => string);

/** One message: its template in every language. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a catalogue holds messages of every data shape
export type Message<D = any> = Readonly<Record<Lang, Template<D>>>;

export type Catalogue = Readonly<Record<string, Message>>;

/** The placeholder names of a template string: 'a {{x}} b {{y}}' -> 'x' | 'y'. */
export type Placeholders<S extends string> = S extends `${string}{{${infer K}}}${infer Rest}` ? K | Placeholders<Rest> : never;

/** The data a message needs: its function's parameter, or one value per placeholder of its English template. */
export type DataOf<M> = M extends { en: (data: infer D) => string }
  ? D
  : M extends { en: infer E extends string }
    ? string extends E
      ? MessageData // a template known only at run time (a rule's message from its meta)
      : { readonly [K in Placeholders<E>]: string | number }
    : MessageData;

/** Data is optional for a message without placeholders (and for a template known only at run time). */
type DataArgs<M> = [keyof DataOf<M>] extends [never] ? [data?: DataOf<M>] : string extends keyof DataOf<M> ? [data?: MessageData] : [data: DataOf<M>];

type SamePlaceholders<M> = M extends { en: infer E extends string; ko: infer K extends string }
  ? [Placeholders<E>] extends [Placeholders<K>]
    ? [Placeholders<K>] extends [Placeholders<E>]
      ? M
      : { en: E; ko: 'the Korean template must have the placeholders of the English one' }
    : { en: E; ko: 'the Korean template must have the placeholders of the English one' }
  : M;

/**
 * A catalogue, checked: every id has an English and a Korean template, and string templates of one id have the same
 * placeholders. Its literal types are kept, so `render` knows each message's data.
 */
export function defineMessages<const C extends Record<string, Message>>(catalogue: C & { [K in keyof C]: SamePlaceholders<C[K]> }): C {
  return catalogue;
}

/** A message whose templates are functions of named data (a plural or a choice the template string cannot say). */
export function messageOf<D>(message: { readonly [L in Lang]: (data: D) => string }): Message<D> & { en: (data: D) => string } {
  return message;
}

/** A message's text in a language (English when none is given). */
export function render<C extends Catalogue, K extends keyof C & string>(catalogue: C, lang: Lang | undefined, id: K, ...data: DataArgs<C[K]>): string {
  const message = catalogue[id];
  if (!message) throw new Error(`unknown message id '${id}'`);
  const template = message[lang ?? 'en'];
  const values = (data[0] ?? {}) as MessageData;
  if (typeof template === 'string') return fillTemplate(template, values);
  // A function template's text values pass the same credential choke point as placeholders do.
  const redacted = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? redactSecrets(v) : v]));
  return template(redacted as never);
}

/** `render` with the catalogue bound: `const t = translator(CATALOGUE); t(lang, 'id', data)`. */
export function translator<C extends Catalogue>(catalogue: C) {
  return <K extends keyof C & string>(lang: Lang | undefined, id: K, ...data: DataArgs<C[K]>): string => render(catalogue, lang, id, ...data);
}

/** A text in every language (what a problem carries across threads and into each output's language). */
export type Localized = Readonly<Record<Lang, string>>;

/** Data where a value may differ by language: a sub-phrase rendered in each (renderEach), a translated library message. */
export type LocalizedData<M> = { readonly [P in keyof DataOf<M>]: DataOf<M>[P] | Localized };

function isLocalized(v: unknown): v is Localized {
  return typeof v === 'object' && v !== null && LANGS.every((l) => typeof (v as Record<string, unknown>)[l] === 'string');
}

/** A message in every language at once; a value given per language is taken in each. */
export function renderEach<C extends Catalogue, K extends keyof C & string>(
  catalogue: C,
  id: K,
  ...data: [keyof DataOf<C[K]>] extends [never] ? [] : [data: LocalizedData<C[K]>]
): Localized {
  const inLang = (lang: Lang) =>
    Object.fromEntries(Object.entries((data[0] ?? {}) as Record<string, unknown>).map(([k, v]) => [k, isLocalized(v) ? v[lang] : v]));
  const text = (lang: Lang) => (render as (c: Catalogue, l: Lang, i: string, d: unknown) => string)(catalogue, lang, id, inLang(lang));
  return { en: text('en'), ko: text('ko') };
}

/** A language tag ('ko-KR', 'en-US') or a setting's value as one of ours, else English. */
export function langOf(tag: string | undefined | null): Lang {
  return tag?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** Whether a value (a --lang argument, a setting) names a language we ship. */
export function isLang(value: unknown): value is Lang {
  return (LANGS as readonly unknown[]).includes(value);
}
