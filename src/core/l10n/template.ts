// Message templates: `{{name}}` placeholders filled from a rule's data. A missing value is a bug in the rule, so it
// throws (the runner records it on the file) rather than printing a hole. Data can be source text, so every value
// passes the credential choke point (a key in a model name or a size expression never reaches a message in full).
import { redactSecrets } from '../model/redact';

/** A template split once into its literal parts and placeholder names: the editor fills thousands per keystroke. */
interface Compiled {
  literals: string[];
  keys: string[];
}

const compiled = new Map<string, Compiled>();

function compile(template: string): Compiled {
  const literals: string[] = [];
  const keys: string[] = [];
  let at = 0;
  for (const m of template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
    literals.push(template.slice(at, m.index));
    keys.push(m[1]!);
    at = m.index! + m[0].length;
  }
  literals.push(template.slice(at));
  return { literals, keys };
}

export function fillTemplate(template: string, data: Record<string, string | number>): string {
  let c = compiled.get(template);
  if (!c) compiled.set(template, (c = compile(template)));
  let out = c.literals[0]!;
  for (let i = 0; i < c.keys.length; i++) {
    const key = c.keys[i]!;
    if (!Object.prototype.hasOwnProperty.call(data, key)) throw new Error(`message template needs '${key}'`);
    out += redactSecrets(String(data[key])) + c.literals[i + 1]!;
  }
  return out;
}
