// An OpenAI call site's facts, once for every language: how the output bound, its null and one-path forms, streaming,
// `n`, dimensions, batch inputs, the HTTP client, the stores and the LangChain LLM cache, the options not seen here
// and where a fix inserts a parameter are decided from what a call site's syntax says. The extractors (llm-js.ts
// over ESTree, llm-py.ts over tree-sitter Python) classify their calls and answer the syntax questions of
// `SiteSyntax`: a node's constant, its text as shown, an options object, a conditional, an array literal.
import type {
  CacheLookupFact,
  InsertSlot,
  LlmApiKind,
  LlmCallFact,
  LlmClientFact,
  LlmProvider,
  LlmVia,
  SecretFact,
  SourceRange,
  StoreWriteFact,
} from '../model/types';
import { KEY_ENV, PROVIDER_KEYS, keyProvider, type LangChainProviderClass, type OutputBound } from './llm-providers';
import { callersBound, type CallerOptions } from './llm-caller-options';
import {
  asVectorColumn,
  httpApiOf,
  isLikelyKey,
  type StoreModule,
  MAX_TOKENS_NAME,
  MAX_TOKENS_PARAMS,
  OPENAI_HOST,
  OPENAI_KEY,
} from './llm-api-table';
import { promptTokens, tokenCountMethod } from './llm-tokens';
import type { FlowResult } from './llm-flow-core';
import type { ExportFacts, ResolvedSymbol } from '../project/types';

/** A client a call goes through, as both extractors record it. */
export interface SiteClient {
  fact: LlmClientFact;
  /** A LangChain class of another provider (its bound's name, whether it defaults one). */
  lc?: LangChainProviderClass;
  /** init_chat_model (Python): the provider its arguments name, and the model (undefined for any other client). */
  provider?: LlmProvider | null;
  initModel?: string | null;
}

/** What a classification says of a call site, in both languages. */
export interface CoreSite<N> {
  api: LlmApiKind;
  operation: string;
  via: LlmVia;
  client: SiteClient | null;
  /** The prompt-bearing argument when it is not an option (LangChain's `invoke(input)`). */
  promptArg: N | null;
  /** Another provider's call: whose, where its bound goes, whether the API requires it. */
  provider?: LlmProvider | null;
  bound?: OutputBound;
  /** An option whose value is an opaque body (Bedrock `InvokeModel`'s `body`): a bound may be in it. */
  opaque?: string;
  /** `create` passed as a value: options not seen here, and whether through a same-file helper. */
  passedSpread?: string | null;
  passedToHelper?: boolean;
}

/** The options a call passes, as the adapter reads them (through spreads of objects or dicts it sees). */
export interface SiteOptions<N> {
  /** The call's own options (for LangChain in Python, the model's constructor keywords). */
  own: Map<string, N>;
  /** The client's constructor options, read after the call's own. */
  fromClient: Map<string, N>;
  /** The first options source not seen here (`...options`, `**kwargs`), as shown. */
  spread: string | null;
  /** Callers that fill the one unseen spread (llm-caller-options.ts); null when that does not apply. */
  callers: CallerOptions | null;
}

export type OptionGetter<N> = (...names: string[]) => { name: string; node: N } | null;

/** Where the languages' SDKs name a bound differently. */
export interface BoundNames {
  /** The key of `LangChainProviderClass.bound` for this language. */
  lc: 'js' | 'py';
  /** LangChain OpenAI's option name. */
  langchain: string;
  /** A name a whole kind of call takes (`ai-sdk`: `maxOutputTokens`). */
  byVia: Partial<Record<LlmVia, string>>;
  /** The legacy OpenAI API's (openai < 1, openai-node v3) name for a kind of call. */
  legacy: (api: LlmApiKind) => string | null;
  /** Prefix of a negated condition (`!cond`, `not cond`). */
  not: string;
  /** How an opaque option is shown (`body: …`, `body=…`). */
  opaque: (name: string) => string;
  /** The options an embeddings call's input is in, in order. */
  embedInput: readonly string[];
  /** The options a prompt is in, in the order their parts are listed. */
  promptKeys: readonly string[];
  /** A `system` option beside prompt text counts as a message of its own. */
  systemMessage: boolean;
}

/** The syntax questions the call-site core asks; one adapter per language, made once per file. */
/** `N`: the syntax's node; `C`: a call node; `S`: the extractor's site (more than the core reads). */
export interface SiteSyntax<N, C extends N, S extends CoreSite<N>> {
  names: BoundNames;
  nullish(n: N): boolean;
  num(n: N | undefined): number | null;
  bool(n: N | undefined): boolean | null;
  /** A node's text as a message shows it (collapsed, cut at 40 characters). */
  shown(n: N): string;
  /** A constant another project file exports (project model). */
  importedConst(n: N): string | number | null;
  range(n: N): SourceRange;
  /** `c ? a : b` / `a if c else b`: its parts; null for anything else. */
  conditional(n: N): { test: N; consequent: N; alternate: N } | null;
  /** The options an options holder (`config`, `inferenceConfig`) is seen to have; null when not seen. */
  optionsIn(holder: N): Map<string, N> | null;
  /** A bound set on the holder after it is made (`config.max_output_tokens = n`). */
  setLater(holder: N, name: string): N | undefined;
  /** An array or list literal: how many items it lists, whether it spreads another. */
  list(n: N): { items: number; spread: boolean } | null;

  // Per call: what the syntax of one site says.
  options(call: C, site: S): SiteOptions<N>;
  /** The model as the options name it (the provider strips a provider prefix where the language does). */
  model(site: S, get: OptionGetter<N>, provider: LlmProvider | null | undefined): { model: string | null; modelExpr: string | null };
  /** Adds a prompt-bearing value's literal text, run-time parts and message objects to `parts`. */
  promptParts(value: N, parts: PromptParts): void;
  /** The messages as a conversation history (`[...history, msg]`, a list grown turn by turn); null when a fixed prompt. */
  historyIn(messages: N): LlmCallFact['conversation'];
  /** The URLs an OpenAI-compatible client's base URL can take; null without one. */
  baseUrls(site: S): string[] | null;
  /** A raw HTTP call's timeout (its own client); undefined for an SDK call. */
  httpTimeout(call: C, site: S): { ms: number | null; set: boolean; slot: InsertSlot | null } | undefined;
  follow(call: C, site: S): FlowResult;
  langchainCache(site: S): { cacheLookup: CacheLookupFact; store: StoreWriteFact } | null;
  functionOf(call: C): string | null;
  loop(call: C): LlmCallFact['loop'];
  handler(call: C): LlmCallFact['handler'];
  /** Where a fix adds an option to the call, and to a LangChain model's constructor. */
  callSlot(call: C, site: S): InsertSlot | null;
  clientSlot(site: S): InsertSlot | null;
}

/** A prompt's parts as the adapter reads them: literal text, the parts known only at run time, message objects. */
export interface PromptParts {
  literals: string[];
  unknowns: string[];
  messages: number;
}

/** The prompt's literal tokens and its run-time parts: the prompt argument and the options that hold a prompt. */
function promptOf<N, C extends N, S extends CoreSite<N>>(
  syn: SiteSyntax<N, C, S>,
  site: S,
  own: Map<string, N>,
  model: string | null,
  provider: LlmProvider | null | undefined,
): { tokens: number; unknowns: string[] } {
  const parts: PromptParts = { literals: [], unknowns: [], messages: 0 };
  if (site.promptArg) syn.promptParts(site.promptArg, parts);
  for (const key of syn.names.promptKeys) {
    const v = own.get(key);
    if (v) syn.promptParts(v, parts);
  }
  // Prompt text that is no message object is one user message (with a separate system option, two where it counts).
  let messages = parts.messages;
  if (site.api === 'chat' && messages === 0 && parts.literals.length + parts.unknowns.length > 0)
    messages = syn.names.systemMessage && own.has('system') ? 2 : 1;
  return { tokens: promptTokens(parts.literals, messages, site.api, model, provider), unknowns: [...new Set(parts.unknowns)] };
}

/** Names a conversation history goes by. */
export const HISTORY_NAME = /messages|history|conversation|chat|thread|turns|memory|dialog/i;

/**
 * Multi-turn chat: the messages are a history carried from turn to turn (`previous_response_id`, a history list),
 * not a fixed prompt, so the same request never comes twice.
 */
function conversationOf<N, C extends N, S extends CoreSite<N>>(syn: SiteSyntax<N, C, S>, site: S, own: Map<string, N>): LlmCallFact['conversation'] {
  if (site.api !== 'chat' && site.api !== 'responses') return null;
  const prev = own.get('previous_response_id') ?? own.get('conversation');
  if (prev && !syn.nullish(prev)) return { expr: syn.shown(prev), line: syn.range(prev).startLine };
  const m = own.get('messages') ?? own.get('input') ?? site.promptArg;
  return m ? syn.historyIn(m) : null;
}

/**
 * A raw HTTP call's kind: OpenAI only when every value its URL can take (through reused `url` / `endpoint` names) is
 * an OpenAI or Azure OpenAI address of one generation path; `/v1/models` (a key check) and other paths are not calls.
 */
export function httpApiOfUrls(urls: readonly string[]): LlmApiKind | null {
  if (!urls.length || !urls.every((u) => OPENAI_HOST.test(u))) return null;
  const api = httpApiOf(urls[0]!);
  return api && urls.every((u) => httpApiOf(u) === api) ? api : null;
}

/** AI SDK functions that stream (their names do not end in `stream`). */
const STREAMING_FUNCTIONS: ReadonlySet<string> = new Set(['streamText', 'streamObject']);

/** Whose API a call reaches: the site or its client says; OpenAI's own paths say nothing (undefined). */
export function providerOfSite<N>(site: CoreSite<N>): LlmProvider | null | undefined {
  if (site.provider !== undefined) return site.provider;
  if (site.client?.initModel !== undefined) return site.client.provider ?? null;
  if (site.client?.lc) return site.client.lc.provider;
  return undefined;
}

/** The parameter name the fix adds for a call. */
function maxTokensNameOf<N, C extends N, S extends CoreSite<N>>(syn: SiteSyntax<N, C, S>, site: S): string | null {
  const names = syn.names;
  if (site.api === 'embeddings') return null;
  if (site.bound) return site.bound.name;
  if (site.client?.lc) return site.client.lc.bound[names.lc] || null;
  if (site.via === 'langchain') return names.langchain;
  const byVia = names.byVia[site.via];
  if (byVia) return byVia;
  // An OpenAI-compatible provider (a base URL to another host) takes the older `max_tokens`.
  const urls = site.api === 'chat' ? syn.baseUrls(site) : null;
  if (urls?.every((u) => /^https?:\/\//.test(u) && !OPENAI_HOST.test(u))) return 'max_tokens';
  if (site.via === 'openai-legacy') return names.legacy(site.api);
  return MAX_TOKENS_NAME[site.api] ?? null;
}

/** One call site's facts from its classification and the adapter's answers. */
export function buildCall<N, C extends N, S extends CoreSite<N>>(syn: SiteSyntax<N, C, S>, call: C, site: S): LlmCallFact {
  const { own, fromClient, spread: seenSpread, callers } = syn.options(call, site);
  // `...options` / `**kwargs` that every caller fills with literal names, none of them a bound: the bound is missing, not unknown.
  const fromCallers = callers && !callersBound(callers) ? callers : null;
  const spread = site.passedSpread ?? (fromCallers ? null : seenSpread);
  // A parameter passed as null / undefined / None is not passed.
  const get: OptionGetter<N> = (...names) => {
    for (const nm of names) if (own.has(nm) && !syn.nullish(own.get(nm)!)) return { name: nm, node: own.get(nm)! };
    for (const nm of names) if (fromClient.has(nm) && !syn.nullish(fromClient.get(nm)!)) return { name: nm, node: fromClient.get(nm)! };
    return null;
  };
  const provider = providerOfSite(site);
  const { model, modelExpr } = syn.model(site, get, provider);
  let maxTok = site.bound?.in ? null : get(...MAX_TOKENS_PARAMS);
  let hidden: string | null = null;
  if (site.bound?.in) {
    // The bound is inside an options object (`config`, `inferenceConfig`); one not seen here may hold it.
    const holder = own.get(site.bound.in);
    const inner = holder ? syn.optionsIn(holder) : null;
    const node = inner?.get(site.bound.name) ?? (holder ? syn.setLater(holder, site.bound.name) : undefined);
    if (node && !syn.nullish(node)) maxTok = { name: site.bound.name, node };
    else if (holder && !inner) hidden = syn.shown(holder);
  }
  if (site.opaque && own.has(site.opaque)) hidden ??= syn.names.opaque(site.opaque);
  const maxTokensConst = maxTok ? (syn.num(maxTok.node) ?? syn.importedConst(maxTok.node)) : null;
  // `max_tokens: cond ? 4096 : null`: bounded on one path only (the condition, negated when the null comes first).
  const cond = maxTok ? syn.conditional(maxTok.node) : null;
  const onlyWhen =
    cond && syn.nullish(cond.consequent) !== syn.nullish(cond.alternate)
      ? `${syn.nullish(cond.consequent) ? syn.names.not : ''}${syn.shown(cond.test)}`
      : null;
  // `max_tokens: null` is there but unset: a fix that adds a second parameter beside it would be rejected.
  const nullBound = !!onlyWhen || MAX_TOKENS_PARAMS.some((nm) => own.has(nm) && syn.nullish(own.get(nm)!));
  const stream = site.operation.endsWith('stream') || STREAMING_FUNCTIONS.has(site.operation) || syn.bool(get('stream', 'streaming')?.node) === true;
  const prompt = promptOf(syn, site, own, model, provider);
  let inputNode: N | null = null;
  if (site.api === 'embeddings') {
    for (const k of syn.names.embedInput) inputNode ??= own.get(k) ?? null;
    inputNode ??= site.promptArg;
  }
  const input = inputNode ? syn.list(inputNode) : null;
  const r = syn.range(call);
  const timeout = site.client ? undefined : syn.httpTimeout(call, site);
  const client: LlmClientFact | null =
    site.client?.fact ??
    (timeout
      ? {
          via: 'http',
          api: site.operation.split(' ')[0]!,
          line: r.startLine,
          range: r,
          timeoutMs: timeout.ms,
          timeoutSet: timeout.set,
          maxRetries: null,
          maxRetriesSet: false,
          optionsSlot: timeout.slot,
        }
      : null);
  const followed = syn.follow(call, site);
  const { searchUse, returnedTo } = followed;
  // A LangChain LLM cache is read before the call and written after it.
  const lcCache = site.via === 'langchain' ? syn.langchainCache(site) : null;
  const stores = (lcCache ? [...followed.stores, lcCache.store] : followed.stores).map((s) => (site.api === 'embeddings' ? asVectorColumn(s) : s));
  const cacheLookup = followed.cacheLookup ?? lcCache?.cacheLookup ?? null;
  const optionsSpread = spread ?? hidden;
  return {
    api: site.api,
    operation: site.operation,
    via: site.via,
    ...(provider !== undefined ? { provider } : {}),
    line: r.startLine,
    range: r,
    function: syn.functionOf(call),
    model,
    modelExpr,
    maxTokens: typeof maxTokensConst === 'number' ? maxTokensConst : null,
    maxTokensParam: maxTok?.name ?? null,
    ...(onlyWhen ? { maxTokensOnlyWhen: onlyWhen } : {}),
    maxTokensName: maxTokensNameOf(syn, site),
    stream,
    n: syn.num(get('n')?.node) ?? 1,
    dimensions: syn.num(get('dimensions')?.node),
    batchInputs: input ? input.items : null,
    ...(input?.spread ? { inputSpread: true } : {}),
    ...(site.bound?.in ? { maxTokensIn: site.bound.in } : {}),
    ...(site.bound?.required ? { maxTokensRequired: true } : {}),
    ...(site.client?.lc?.defaultBound ? { maxTokensDefaulted: true } : {}),
    ...(provider && provider !== 'openai' && provider !== 'azure-openai' ? { tokenCount: tokenCountMethod(provider) } : {}),
    client,
    loop: syn.loop(call),
    handler: syn.handler(call),
    promptLiteralTokens: prompt.tokens,
    promptUnknowns: prompt.unknowns,
    stores,
    cacheLookup,
    optionsSpread,
    ...(fromCallers && !optionsSpread ? { optionsFromCallers: fromCallers } : {}),
    searchUse,
    returnedTo,
    conversation: conversationOf(syn, site, own),
    optionsSlot:
      nullBound || site.bound?.in || site.passedToHelper !== undefined
        ? null
        : site.via === 'langchain'
          ? syn.clientSlot(site)
          : syn.callSlot(call, site),
  };
}

// ---- context: loops and request handlers --------------------------------------------------------------------

/** The function around a call and one level of its same-file callers: a helper called from a loop runs once per iteration, one called from a handler once per request. */
const CONTEXT_HOPS = 2;

/** What `look` finds around the call, else around the first same-file caller of the function it is in. */
export function contextOf<N, R>(call: N, look: (node: N) => R | null, firstCaller: (node: N) => N | undefined): R | null {
  let node = call;
  for (let hops = 0; hops < CONTEXT_HOPS; hops++) {
    const found = look(node);
    if (found) return found;
    const caller = firstCaller(node);
    if (!caller) return null;
    node = caller;
  }
  return null;
}

/**
 * A retry loop (`for (let i = 0; i < 3; i++) { try { …; break } catch {} }`, `for attempt in range(3): try: … break`)
 * repeats only on failure: a statement of its body is a `try` whose block leaves the loop.
 */
export function isRetryLoop<N>(body: readonly N[], tryBlock: (statement: N) => readonly N[] | null, leaves: (statement: N) => boolean): boolean {
  return body.some((s) => tryBlock(s)?.some(leaves) ?? false);
}

/**
 * A loop that runs until the call yields (`while answer is None: … answer = r.choices[0].message.content`, a poll, a
 * page cursor): its condition reads a name the loop binds, through its bindings, from what the call returns. Each trip
 * needs the outcome of the one before, so its calls can neither be batched nor run together: not a call per element.
 */
export function untilResult(
  condition: Iterable<string>,
  callTargets: readonly string[],
  bindings: ReadonlyArray<{ to: readonly string[]; from: Iterable<string> }>,
): boolean {
  const tainted = new Set(callTargets);
  if (!tainted.size) return false;
  const rows = bindings.map((b) => ({ to: b.to, from: [...b.from] }));
  for (let changed = true, guard = 0; changed && guard < 8; guard++) {
    changed = false;
    for (const b of rows)
      if (b.from.some((x) => tainted.has(x)))
        for (const t of b.to)
          if (!tainted.has(t)) {
            tainted.add(t);
            changed = true;
          }
  }
  for (const x of condition) if (tainted.has(x)) return true;
  return false;
}

/** What a loop runs over, as its syntax tells: a literal list of items, or a counted range. */
export type LoopHead = { items: number } | { start: number; end: number; inclusive: boolean };

/** How many times a loop runs: the items listed, or the range's count; null when not known here. */
export function tripsOf(head: LoopHead | null): number | null {
  if (!head) return null;
  return 'items' in head ? head.items : Math.max(0, head.end - head.start + (head.inclusive ? 1 : 0));
}

// ---- secrets ------------------------------------------------------------------------------------------------

/**
 * The credential in a string literal's text: an OpenAI key, another provider's key, or a long token bound to a key's
 * name (`apiKey:`, `api_key=`; the adapter tells); null when none, or when it looks like a placeholder or a test.
 */
export function keyIn(raw: string, boundToKeyName: () => boolean, path: string): string | null {
  const key =
    raw.match(OPENAI_KEY)?.[0] ??
    PROVIDER_KEYS.map((k) => raw.match(k.pattern)?.[0]).find(Boolean) ??
    (boundToKeyName() && raw.length >= 20 && !/\s/.test(raw) ? raw : null);
  return key && isLikelyKey(key, path) ? key : null;
}

/** Whose key it is, its kind and the environment variable a fix reads instead; `before`: the 200 characters before the literal. */
export function keyOwner(key: string, before: string): { env: string; kind: SecretFact['kind']; who: { provider?: LlmProvider } } {
  const owner = keyProvider(key);
  // A key that is not OpenAI's own (`sk-`) next to Azure configuration is an Azure OpenAI key.
  const env = owner ? KEY_ENV[owner.provider] : /azure/i.test(before) && !key.startsWith('sk-') ? 'AZURE_OPENAI_API_KEY' : 'OPENAI_API_KEY';
  const kind: SecretFact['kind'] = owner ? owner.kind : key.match(OPENAI_KEY) ? 'openai-key' : 'api-key-literal';
  return { env, kind, who: owner ? { provider: owner.provider } : {} };
}

// ---- clients and LLM caches made elsewhere -----------------------------------------------------------------------

/** The client fact of a client another project file makes (an imported instance or factory), used at `r`. */
export function importedClientFact(sym: ResolvedSymbol, c: NonNullable<ExportFacts['client']>, r: SourceRange): LlmClientFact {
  return {
    via: c.via,
    api: `${sym.name} (${sym.path})`,
    line: r.startLine,
    range: r,
    timeoutMs: c.timeoutMs,
    timeoutSet: c.timeoutSet,
    maxRetries: c.maxRetries,
    maxRetriesSet: c.maxRetriesSet,
    optionsSlot: null,
  };
}

/** A LangChain LLM cache (`RedisCache`, `SQLiteCache`, …, a row of LLM_CACHES) made at `r`: read before each call, written after. */
export function llmCacheFacts(
  cls: string,
  row: StoreModule,
  r: SourceRange,
  ttl: StoreWriteFact['ttl'],
): { cacheLookup: CacheLookupFact; store: StoreWriteFact } {
  return {
    cacheLookup: { kind: row.kind, api: `${cls} (LangChain LLM cache)`, line: r.startLine },
    store: { kind: row.kind, engine: row.engine, api: cls, line: r.startLine, range: r, ttl, viaHelper: null },
  };
}
