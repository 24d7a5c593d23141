// The one choke point for credentials in output: every string that comes from scanned source (model names, URLs,
// size expressions, message data, file names, fix text, hover, CodeLens) passes through `redactSecrets` before a
// surface prints it. The extractors mask the keys they report; this catches every other place a key can ride along
// (a key inside a model string, a URL query, `strlen("sk-…")`, a second key in one string).
// Every pattern is linear: fixed prefixes, one bounded character class each, no nested quantifiers.

/** Key shapes (the public formats gitleaks and the vendors document), each with the prefix kept when masked. */
interface KeyShape {
  id: string;
  pattern: RegExp;
  /** Characters kept at the start: a recognisable prefix (`sk-`, `AKIA`), never enough of the secret to use. */
  keep: number;
}

const SHAPES: readonly KeyShape[] = [
  // OpenAI (sk-, sk-proj-, sk-svcacct-, sk-admin-) and Anthropic (sk-ant-api03-…): one family, the prefix `sk-` kept.
  { id: 'sk', pattern: /(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{20,}/g, keep: 3 },
  // Stripe-style live/test/restricted keys.
  { id: 'stripe', pattern: /(?<![A-Za-z0-9_])[rs]k_(?:live|test)_[A-Za-z0-9]{16,}/g, keep: 3 },
  // Google API keys (Gemini, Maps, Firebase): AIza + 35.
  { id: 'google', pattern: /AIza[A-Za-z0-9_-]{35}/g, keep: 4 },
  // AWS access key ids.
  { id: 'aws', pattern: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Z0-9])/g, keep: 4 },
  // GitHub tokens (classic and fine-grained).
  { id: 'github', pattern: /(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})/g, keep: 4 },
  // Slack tokens.
  { id: 'slack', pattern: /xox[abposr]-[A-Za-z0-9-]{10,}/g, keep: 4 },
  // Hugging Face, Groq, Replicate, xAI access tokens.
  { id: 'hf', pattern: /(?<![A-Za-z0-9_])(?:hf_|gsk_|r8_|xai-)[A-Za-z0-9]{20,}/g, keep: 3 },
  // JSON Web Tokens (header.payload.signature, both base64url JSON objects).
  { id: 'jwt', pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, keep: 3 },
  // `Authorization: Bearer <token>` and `Basic <base64>`: the token after the scheme.
  { id: 'bearer', pattern: /(?<=\b(?:Bearer|Basic)\s{1,4})[A-Za-z0-9._~+/=-]{16,}/g, keep: 0 },
  // A URL query or form value named like a credential: `?api_key=…`, `&access_token=…`, `key=…`.
  {
    id: 'query',
    pattern:
      /(?<=[?&;](?:api[_-]?key|apikey|key|access[_-]?token|auth[_-]?token|token|secret|client[_-]?secret|password|sig|signature|code)=)[^&#\s"'`<>]{12,}/gi,
    keep: 0,
  },
];

/** Words that make a bare 32-hex string (Azure OpenAI, Azure AI keys) a key: within this many characters before it. */
const KEYISH = /(?:key|token|secret|auth|bearer|password|passwd|credential|subscription|azure)/i;
const KEYISH_WINDOW = 48;
const HEX32 = /(?<![A-Za-z0-9])[0-9a-fA-F]{32}(?![A-Za-z0-9])/g;

/** `sk-…abcd`, `AKIA…MPLE`, `4f…3e5f`: enough to find the key in a secrets manager, never enough to use it. */
export function maskSecret(key: string, keep = 2): string {
  if (key.length <= 8) return '…';
  return `${key.slice(0, Math.min(keep, 4))}…${key.slice(-4)}`;
}

/** Every key shape in `text`, masked; text without one comes back unchanged (the same string). */
export function redactSecrets(text: string): string {
  // Cheap pre-check: every shape needs at least 12 characters of the key.
  if (text.length < 12) return text;
  let out = text;
  for (const s of SHAPES) {
    s.pattern.lastIndex = 0;
    out = out.replace(s.pattern, (k) => maskSecret(k, s.keep));
  }
  HEX32.lastIndex = 0;
  out = out.replace(HEX32, (k, at: number, whole: string) => (KEYISH.test(whole.slice(Math.max(0, at - KEYISH_WINDOW), at)) ? maskSecret(k) : k));
  return out;
}

/** Whether `text` holds a key shape (what `redactSecrets` would change). */
export function hasSecret(text: string): boolean {
  return redactSecrets(text) !== text;
}

/**
 * `value` with every string in it (object keys too: a path can be a key) passed through `redactSecrets`. Objects
 * and arrays are copied only where something changed, so a clean report costs one walk. Plain data only (JSON).
 */
export function redactDeep<T>(value: T): T {
  return walk(value, 0) as T;
}

function walk(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (value === null || typeof value !== 'object' || depth > 200) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v = walk(value[i], depth + 1);
      if (v !== value[i]) (copy ??= value.slice())[i] = v;
    }
    return copy ?? value;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  let changed = false;
  const entries: Array<[string, unknown]> = [];
  for (const [k, v] of Object.entries(value)) {
    const k2 = redactSecrets(k);
    const v2 = walk(v, depth + 1);
    if (k2 !== k || v2 !== v) changed = true;
    entries.push([k2, v2]);
  }
  if (!changed) return value;
  const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const [k, v] of entries) Object.defineProperty(copy, k, { value: v, enumerable: true, writable: true, configurable: true });
  return copy;
}
