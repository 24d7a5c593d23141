// OpenAI call sites in Python: openai >= 1 (OpenAI, AsyncOpenAI, AzureOpenAI), the legacy module-level API
// (openai.ChatCompletion.create), langchain_openai, and raw requests/httpx/aiohttp posts to the API host. The same
// facts as the JS/TS extractor: kind, model, output bound, loop/handler context, prompt tokens, and where the
// result goes (llm-py-flow.ts).
import type { ParsedSource, SyntaxNode } from '../parse/tree-sitter';
import type {
  CacheLookupFact,
  InsertSlot,
  LlmApiKind,
  StoreWriteFact,
  LlmCallFact,
  LlmClientFact,
  LlmFileFacts,
  LlmLoop,
  LlmProvider,
  LlmVia,
  SecretFact,
  TextEdit,
} from '../model/types';
import {
  BEDROCK,
  INIT_CHAT_MODEL,
  LANGCHAIN_PROVIDER_CLASSES,
  LITELLM_FUNCTIONS,
  PY_SDKS,
  fromModules,
  providerOfModel,
  sdkMethod,
  sdkOfClass,
  type LangChainProviderClass,
  type ProviderSdk,
} from './llm-providers';
import { optionsFromCallers, type CallerOptions } from './llm-caller-options';
import {
  LLM_CACHES,
  type StoreModule,
  LANGCHAIN_CLASSES,
  LANGCHAIN_METHODS,
  OPENAI_KEY,
  OPENAI_LEGACY_METHODS,
  OPENAI_METHODS,
  sdkPathParts,
  maskKey,
} from './llm-api-table';
import { PyFlow } from './llm-py-flow';
import {
  HISTORY_NAME,
  buildCall,
  contextOf,
  httpApiOfUrls,
  importedClientFact,
  llmCacheFacts,
  keyIn,
  keyOwner,
  isRetryLoop,
  tripsOf,
  untilResult,
  type CoreSite,
  type LoopHead,
  type PromptParts,
  type SiteSyntax,
} from './llm-site-core';
import { callArgs, importAliases, IMPORT_TYPES, pyLiterals } from './py-syntax';
import { LineMap, NodeIndex, children, collapse, field, indentBefore } from './syntax';
import type { ImportedLookup } from '../project/types';

const INDEX_TYPES: ReadonlySet<string> = new Set([
  ...IMPORT_TYPES,
  'call',
  'assignment',
  'augmented_assignment',
  'function_definition',
  'string',
  'concatenated_string',
]);
const PY_LOOPS: ReadonlySet<string> = new Set([
  'for_statement',
  'while_statement',
  'list_comprehension',
  'set_comprehension',
  'dictionary_comprehension',
  'generator_expression',
]);
/** Calls that build a LangChain runnable from a chat model. */
const PY_CHAIN_BUILDERS =
  /^(LLMChain|ConversationChain|RetrievalQA|ConversationalRetrievalChain|from_llm|from_chain_type|create_stuff_documents_chain|create_retrieval_chain|create_react_agent|create_tool_calling_agent|initialize_agent|with_structured_output|bind_tools|bind|with_retry|with_config|pipe|RunnableSequence)$/;
/** `functools.partial` by any import of it. */
const PARTIAL = /^(functools\.)?partial$/;
/** Library callees that call the function they are given with the keywords given to them. */
const FORWARDS_KEYWORDS = /^((functools\.)?partial|(asyncio\.)?to_thread|(anyio\.)?to_thread\.run_sync)$/;
/** Callees that look at a function without calling it (introspection, wrapping, logging, mocks in tests). */
const NOT_CALLING =
  /^(inspect\.\w+|(functools\.)?(wraps|update_wrapper)|getattr|hasattr|setattr|delattr|isinstance|callable|id|print|repr|str|type|len|vars|dir|(typing\.)?cast|(self\.)?(logging|logger|log)\.\w+|(unittest\.)?(mock\.)?patch(\.object)?|(unittest\.)?mock\.\w+|monkeypatch\.setattr|[\w.]+\.assert_\w+)$/;
const HANDLER_DECORATOR = /^@\s*[\w.]+\.(get|post|put|patch|delete|route|api_route|websocket)\s*\(/;

interface ClientInfo {
  via: LlmVia;
  api: LlmApiKind | null;
  fact: LlmClientFact;
  keywords: Map<string, SyntaxNode>;
  node: SyntaxNode;
  /** Another provider's SDK client (llm-providers.ts), a Bedrock Runtime client, or LangChain class of another provider. */
  sdk?: ProviderSdk;
  bedrock?: boolean;
  lc?: LangChainProviderClass;
  provider?: LlmProvider | null;
  /** init_chat_model: the model and provider as its arguments give them. */
  initModel?: string | null;
}

/** `imported` (the project model) answers for names imported from other project files: clients, store helpers. */
export function extractPyLlmFacts(parsed: ParsedSource, path: string, imported?: ImportedLookup): LlmFileFacts {
  const text = parsed.text;
  const root = parsed.tree.rootNode;
  const lines = new LineMap(text);
  const nodes = new NodeIndex(root, INDEX_TYPES);
  const aliases = importAliases(nodes);
  const range = (n: SyntaxNode) => lines.range(n.startIndex, n.endIndex);
  const facts: LlmFileFacts = { path, language: 'python', calls: [], clients: [], secrets: [] };
  const calls = nodes.of(new Set(['call']));
  const assignments = nodes.of(new Set(['assignment']));
  const functions = nodes.of(new Set(['function_definition']));

  const qualify = (dotted: string): string | null => {
    const parts = dotted.split('.');
    const head = aliases.get(parts[0]!);
    return head ? [head, ...parts.slice(1)].join('.') : null;
  };
  const importsOpenAi = [...aliases.values()].some((m) => m === 'openai' || m.startsWith('openai.'));

  // Module- and function-level `NAME = literal` bindings, for prompts, models and limits held in constants.
  const { constants, str, num } = pyLiterals(assignments);
  let byName: Map<string, SyntaxNode[]> | undefined;
  const assignmentsByName = () => {
    if (!byName) {
      byName = new Map();
      for (const x of assignments) {
        const l = field(x, 'left');
        if (l?.type === 'identifier') (byName.get(l.text) ?? byName.set(l.text, []).get(l.text)!).push(x);
      }
    }
    return byName;
  };
  /** The values a name can hold where it is read: assignments in its function, else at module level; none for a parameter. */
  const bindingValues = (use: SyntaxNode): SyntaxNode[] | null => {
    const fn = enclosingFunction(use);
    const params = fn ? field(fn, 'parameters') : null;
    if (params && children(params).some((p) => (p.type === 'identifier' ? p.text : (field(p, 'name')?.text ?? children(p)[0]?.text)) === use.text))
      return null;
    const of = (scope: SyntaxNode | null) =>
      (assignmentsByName().get(use.text) ?? [])
        .filter(
          (x) =>
            (!scope || (x.startIndex >= scope.startIndex && x.endIndex <= scope.endIndex)) && enclosingFunction(x)?.startIndex === scope?.startIndex,
        )
        .map((x) => field(x, 'right')!)
        .filter(Boolean);
    const local = fn ? of(fn) : [];
    if (local.length) return local;
    const module = of(null);
    return module.length ? module : null;
  };
  /** Every string an expression can evaluate to, each unresolved part as `{}` (f-string fields, names not seen). */
  const strCandidates = (node: SyntaxNode | null | undefined, depth: number): string[] => {
    if (!node || depth > 5) return ['{}'];
    const cap = (xs: string[]) => [...new Set(xs)].slice(0, 16);
    if (node.type === 'string') {
      let acc = [''];
      for (const c of children(node)) {
        if (c.type === 'string_content' || c.type === 'escape_sequence') acc = acc.map((x) => x + c.text);
        else if (c.type === 'interpolation') {
          const inner = children(c).find((x) => x.type !== '{' && x.type !== '}');
          const parts = strCandidates(inner, depth + 1);
          acc = cap(acc.flatMap((x) => parts.map((y) => x + y)));
        }
      }
      return acc;
    }
    if (node.type === 'concatenated_string' || (node.type === 'binary_operator' && field(node, 'operator')?.text === '+')) {
      const parts = node.type === 'concatenated_string' ? children(node) : [field(node, 'left')!, field(node, 'right')!];
      return parts.reduce<string[]>(
        (acc, part) => {
          const c = strCandidates(part, depth + 1);
          return cap(acc.flatMap((x) => c.map((y) => x + y)));
        },
        [''],
      );
    }
    if (node.type === 'parenthesized_expression') return strCandidates(children(node)[0], depth + 1);
    if (node.type === 'conditional_expression') {
      const k = children(node);
      return cap([...strCandidates(k[0], depth + 1), ...strCandidates(k[2], depth + 1)]);
    }
    if (node.type === 'boolean_operator')
      return cap([...strCandidates(field(node, 'left'), depth + 1), ...strCandidates(field(node, 'right'), depth + 1)]);
    if (node.type === 'identifier') {
      const values = bindingValues(node);
      return values ? cap(values.flatMap((v) => strCandidates(v, depth + 1))) : ['{}'];
    }
    return ['{}'];
  };
  const bool = (node: SyntaxNode | null | undefined) => (node?.type === 'true' ? true : node?.type === 'false' ? false : null);
  const keyOf = (chain: string[]) => (chain[0] === 'self' ? (chain[1] ?? 'self') : chain[0]!);

  // Clients: `client = OpenAI(...)`, `self.llm = ChatOpenAI(...)`.
  const clients = new Map<string, ClientInfo>();
  const clientOfCall = (call: SyntaxNode): ClientInfo | null => {
    if (call.type !== 'call') return null;
    const fn = field(call, 'function');
    // `session.client("bedrock-runtime")` of a `boto3.Session()` made here: the session is no import, the service says it.
    const viaSession =
      fn?.type === 'attribute' &&
      field(fn, 'attribute')?.text === 'client' &&
      [...aliases.values()].some((m) => m === 'boto3' || m.startsWith('boto3.'))
        ? 'boto3.client'
        : null;
    const q = fn ? (qualify(fn.text) ?? viaSession) : null;
    if (!q) return null;
    const cls = q.split('.').pop()!;
    let via: LlmVia | null = null;
    let api: LlmApiKind | null = null;
    const a = callArgs(call);
    const other = otherProviderClient(q, cls, a, call);
    if (other) return other;
    if (/^openai\.(Async)?(Azure)?OpenAI$/.test(q)) via = /Azure/.test(cls) ? 'azure-openai' : 'openai';
    else if (/^(langchain_openai|langchain\.|langchain_community\.)/.test(q) && cls in LANGCHAIN_CLASSES) {
      via = 'langchain';
      api = LANGCHAIN_CLASSES[cls]!;
    }
    if (!via) return null;
    const timeout = a.keywords.get('timeout') ?? a.keywords.get('request_timeout');
    const retries = a.keywords.get('max_retries');
    const seconds = num(timeout);
    const fact: LlmClientFact = {
      via,
      api: fn!.text,
      line: range(call).startLine,
      range: range(call),
      timeoutMs: seconds === null ? null : seconds * 1000,
      timeoutSet: !!timeout,
      maxRetries: num(retries),
      maxRetriesSet: !!retries,
      optionsSlot: kwargSlot(call),
    };
    return { via, api, fact, keywords: a.keywords, node: call };
  };
  /** Clients of other providers (llm-providers.ts): their SDKs, Bedrock Runtime, LangChain classes, init_chat_model. */
  function otherProviderClient(q: string, cls: string, a: ReturnType<typeof callArgs>, call: SyntaxNode): ClientInfo | null {
    const sdk = sdkOfClass(PY_SDKS, cls, q);
    const lc = LANGCHAIN_PROVIDER_CLASSES[cls];
    const bedrock =
      /^boto3(\.session\.Session\(\))?\.client$|^boto3\..*\.client$/.test(q) &&
      str(a.positional[0] ?? a.keywords.get('service_name')) === BEDROCK.pyService;
    const init = INIT_CHAT_MODEL.has(cls) && /^langchain/.test(q);
    if (!sdk && !bedrock && !init && !(lc && fromModules(q, lc.modules))) return null;
    const fn = field(call, 'function')!;
    const timeout = a.keywords.get('timeout') ?? a.keywords.get('request_timeout') ?? a.keywords.get('default_request_timeout');
    const retries = a.keywords.get('max_retries');
    const seconds = num(timeout);
    const fact: LlmClientFact = {
      via: sdk ? sdk.via : bedrock ? 'bedrock' : 'langchain',
      api: fn.text,
      line: range(call).startLine,
      range: range(call),
      timeoutMs: seconds === null ? null : seconds * 1000,
      timeoutSet: !!timeout,
      maxRetries: num(retries),
      maxRetriesSet: !!retries,
      optionsSlot: kwargSlot(call),
    };
    if (init) {
      const model = str(a.positional[0] ?? a.keywords.get('model'));
      const explicit = str(a.keywords.get('model_provider'));
      const p = model ? providerOfModel(model, explicit) : { provider: explicit ? providerOfModel('', explicit).provider : null, model: '' };
      return { via: 'langchain', api: 'chat', fact, keywords: a.keywords, node: call, provider: p.provider, initModel: model ? p.model : null };
    }
    return {
      via: fact.via,
      api: sdk ? null : bedrock ? 'chat' : lc!.api,
      fact,
      keywords: a.keywords,
      node: call,
      ...(sdk ? { sdk } : {}),
      ...(bedrock ? { bedrock } : {}),
      ...(lc && !sdk ? { lc } : {}),
      provider: sdk?.provider ?? (bedrock ? 'bedrock' : lc!.provider),
    };
  }
  /** Whether a client's timeout is worded by the timeout rule (OpenAI's SDK defaults; Anthropic's are the same). */
  const timeoutRuleSpeaksFor = (c: ClientInfo) =>
    c.sdk ? c.sdk.openAiStyleTimeout : c.bedrock ? false : c.provider === undefined || c.provider === 'anthropic' || c.provider === 'openai';
  for (const a of assignments) {
    const left = field(a, 'left');
    const right = field(a, 'right');
    if (!left || !right) continue;
    const client = clientOfCall(right);
    if (!client) continue;
    const chain = left.text.split('.');
    clients.set(keyOf(chain), client);
    if (timeoutRuleSpeaksFor(client)) facts.clients.push(client.fact);
  }

  // Aliases of a client (`self.client = client`, `llm = base_llm`) and LangChain chains on a chat model
  // (`prompt | llm | parser`, `LLMChain(llm=llm, ...)`, `llm.with_structured_output(...)`).
  for (let pass = 0; pass < 2; pass++) {
    for (const a of assignments) {
      const left = field(a, 'left');
      const right = field(a, 'right');
      if (!left || !right || (left.type !== 'identifier' && left.type !== 'attribute')) continue;
      const key = keyOf(left.text.split('.'));
      if (clients.has(key)) continue;
      if (right.type === 'identifier' || right.type === 'attribute') {
        const c = clients.get(keyOf(collapse(right.text).split('.')));
        if (c) {
          clients.set(key, c);
          continue;
        }
      }
      const builds =
        (right.type === 'binary_operator' && field(right, 'operator')?.text === '|') ||
        (right.type === 'call' && PY_CHAIN_BUILDERS.test(field(right, 'function')?.text.split('.').pop() ?? ''));
      if (!builds) continue;
      const ids = right
        .descendantsOfType('identifier')
        .filter((x): x is SyntaxNode => !!x)
        .map((x) => x.text);
      const model = ids.map((nm) => clients.get(nm)).find((c) => c?.via === 'langchain' && c.api !== 'embeddings');
      if (model) clients.set(key, model);
    }
  }

  // LangChain LLM caches: process-wide (`set_llm_cache(RedisCache(...))`, `langchain.llm_cache = ...`) or per model
  // (`ChatOpenAI(cache=SQLiteCache(...))`). A cache read precedes each call and a write follows it.
  const llmCacheOf = (value: SyntaxNode | null | undefined): { cls: string; row: StoreModule; node: SyntaxNode } | null => {
    if (value?.type !== 'call') return null;
    const cls = field(value, 'function')?.text.split('.').pop() ?? '';
    const row = LLM_CACHES[cls];
    return row ? { cls, row, node: value } : null;
  };
  let fileLlmCache: ReturnType<typeof llmCacheOf> = null;
  for (const c of calls) if (/(^|\.)set_llm_cache$/.test(field(c, 'function')?.text ?? '')) fileLlmCache ??= llmCacheOf(callArgs(c).positional[0]);
  for (const a of assignments) if (/(^|\.)llm_cache$/.test(field(a, 'left')?.text ?? '')) fileLlmCache ??= llmCacheOf(field(a, 'right'));
  const langchainCache = (site: Site): { cacheLookup: CacheLookupFact; store: StoreWriteFact } | null => {
    const own = site.client?.keywords.get('cache');
    if (own?.type === 'false') return null;
    const cache = llmCacheOf(own) ?? fileLlmCache;
    if (!cache) return null;
    const t = cache.row.ttlOption ? callArgs(cache.node).keywords.get(cache.row.ttlOption.name) : undefined;
    const ttl = t ? { seconds: num(t), how: `${cache.cls}(${cache.row.ttlOption!.name}=)` } : null;
    return llmCacheFacts(cache.cls, cache.row, range(cache.node), ttl);
  };

  let refNames: Set<string> | undefined;
  let mapCalls: Map<string, SyntaxNode[]> | undefined;
  const enclosingMemo = new Map<number, SyntaxNode | null>();
  let fnRanges: Array<readonly [number, number]> | undefined;
  // Clients made in another project file: an imported instance, or `client = get_client()` of an imported factory.
  const importedClient = (dotted: string, at: SyntaxNode, factory: boolean): ClientInfo | null => {
    const parts = collapse(dotted).split('.');
    if (!imported || parts[0] === 'self' || parts.some((p) => !/^\w+$/.test(p))) return null;
    const sym = imported.symbol(parts[0]!, parts.slice(1));
    const c = sym?.facts.client;
    if (!c || c.factory !== factory) return null;
    return { via: c.via, api: c.api ?? null, keywords: new Map(), node: at, fact: importedClientFact(sym!, c, range(at)) };
  };
  if (imported) {
    for (const a of assignments) {
      const left = field(a, 'left');
      const right = field(a, 'right');
      const callee = right?.type === 'call' ? field(right, 'function') : null;
      if (!left || !callee || clients.has(keyOf(left.text.split('.')))) continue;
      const client = importedClient(callee.text, right!, true);
      if (client) clients.set(keyOf(left.text.split('.')), client);
    }
  }
  const clientOf = (chain: string[], call: SyntaxNode): ClientInfo | null =>
    clients.get(keyOf(chain)) ??
    (chain[0] === 'self'
      ? null
      : (importedClient(chain[0]!, call, false) ?? (chain.length > 2 ? importedClient(chain.slice(0, 2).join('.'), call, false) : null)));

  const flow = new PyFlow(root, text, lines, aliases, qualify, str, num, functions, calls, assignments, imported);
  /** Project model: a model name or limit held in a constant another project file exports (`model=MODEL`). */
  const importedConst = (node: SyntaxNode): string | number | null => {
    const parts = imported && (node.type === 'identifier' || node.type === 'attribute') ? collapse(node.text).split('.') : null;
    return parts && aliases.has(parts[0]!) ? (imported!.symbol(parts[0]!, parts.slice(1))?.facts.constant ?? null) : null;
  };

  // The syntax questions of the call-site core (llm-site-core.ts), answered over tree-sitter Python.
  const siteSyntax: SiteSyntax<SyntaxNode, SyntaxNode, Site> = {
    names: {
      lc: 'py',
      langchain: 'max_tokens',
      byVia: {},
      // openai < 1 predates max_completion_tokens.
      legacy: () => 'max_tokens',
      not: 'not ',
      opaque: (name) => `${name}=…`,
      embedInput: ['input'],
      promptKeys: ['messages', 'input', 'prompt', 'instructions', 'system', 'contents'],
      systemMessage: false,
    },
    nullish: (n) => n.type === 'none',
    num,
    bool,
    shown: (n) => collapse(n.text).slice(0, 40),
    importedConst,
    range,
    conditional: (n) => {
      const c = n.type === 'conditional_expression' ? children(n).filter((x) => x.type !== 'if' && x.type !== 'else') : null;
      return c?.length === 3 ? { consequent: c[0]!, test: c[1]!, alternate: c[2]! } : null;
    },
    optionsIn,
    // Also set later as an attribute of the options object (`config.max_output_tokens = n`).
    setLater: (holder, name) => {
      const later = holder.type === 'identifier' ? assignments.find((x) => field(x, 'left')?.text === `${holder.text}.${name}`) : undefined;
      return later ? (field(later, 'right') ?? undefined) : undefined;
    },
    list: (n) => (n.type === 'list' ? { items: children(n).length, spread: children(n).some((x) => x.type === 'list_splat') } : null),
    options: (call, site) => {
      // LangChain: the site's keywords are the model's constructor's already.
      const fromClient = site.via === 'langchain' ? new Map<string, SyntaxNode>() : (site.client?.keywords ?? new Map<string, SyntaxNode>());
      // `**params` from a dict built here adds its keys; from anything else (`**kwargs` of a caller) they are unknown.
      let inner: string | null = null;
      let spreadText: string | null = null;
      let callers: CallerOptions | null = null;
      let unknownSplats = 0;
      if (site.via !== 'langchain' && site.via !== 'http' && !site.passedToHelper) {
        for (const splat of callArgs(call).positional.filter((x) => x.type === 'dictionary_splat')) {
          const target = children(splat).find((x) => x.type !== '**');
          const values = target?.type === 'identifier' ? bindingValues(target) : target?.type === 'dictionary' ? [target] : null;
          const dict = values?.length === 1 && values[0]!.type === 'dictionary' ? values[0]! : null;
          if (dict) {
            for (const [k, v] of dictEntries(dict)) {
              if (!site.keywords.has(k)) site.keywords.set(k, v);
            }
            // `{"model": m, **kwargs}`: the keys the inner splat brings are not seen here; nor is a key computed at
            // run time (`{key_name: n}`, `params[key] = n`). `params["max_tokens"] = n` adds its key.
            const splatIn = children(dict).find((x) => x.type === 'dictionary_splat');
            if (splatIn) inner ??= collapse(splatIn.text).slice(0, 40);
            const computed = children(dict).find((x) => x.type === 'pair' && str(field(x, 'key')) === null);
            if (computed) inner ??= collapse(field(computed, 'key')?.text ?? '…').slice(0, 40);
            if (target?.type === 'identifier')
              for (const a of assignments) {
                const left = field(a, 'left');
                if (left?.type !== 'subscript' || field(left, 'value')?.text !== target.text || a.startIndex > call.startIndex) continue;
                if (enclosingFunction(a)?.startIndex !== enclosingFunction(call)?.startIndex) continue;
                const key = str(field(left, 'subscript'));
                const value = field(a, 'right');
                if (key === null) inner ??= collapse(left.text).slice(0, 40);
                else if (value && !site.keywords.has(key)) site.keywords.set(key, value);
              }
          } else {
            // `**kwargs` of the function's own `**` parameter: its callers' keywords decide (llm-caller-options.ts).
            if (++unknownSplats === 1 && target?.type === 'identifier') callers = kwargsFromCallers(call, target.text);
            spreadText ??= collapse(splat.text).slice(0, 40);
          }
        }
        // The callers fill one `**kwargs` only, and only when nothing else unseen is spread.
        if (unknownSplats > 1 || inner) callers = null;
      }
      return { own: site.keywords, fromClient, spread: inner ?? spreadText, callers };
    },
    model: (site, get) => {
      const modelProp = get('model', 'model_name', 'engine', 'deployment_name', 'azure_deployment', 'modelId', 'model_id');
      const modelConst = modelProp ? (str(modelProp.node) ?? importedConst(modelProp.node)) : null;
      // LiteLLM's model string and init_chat_model's arguments name the model; a LangChain class of another provider
      // takes the provider's own id (`anthropic/claude-…` is `claude-…` at Anthropic).
      const model =
        site.modelOverride !== undefined && site.modelOverride !== null
          ? site.modelOverride
          : (site.client?.initModel ??
            (typeof modelConst === 'string'
              ? site.client?.lc || site.client?.initModel !== undefined
                ? providerOfModel(modelConst).model
                : modelConst
              : null));
      return { model, modelExpr: modelProp && model === null ? collapse(modelProp.node.text).slice(0, 40) : null };
    },
    promptParts,
    historyIn,
    baseUrls: (site) => {
      const base = site.client?.keywords.get('base_url');
      return base ? strCandidates(base, 0) : null;
    },
    httpTimeout: (call, site) =>
      site.timeout
        ? { ms: site.timeout.seconds === null ? null : site.timeout.seconds * 1000, set: site.timeout.set, slot: kwargSlot(call) }
        : undefined,
    follow: (call, site) => flow.follow(call, site.promptArg ?? field(call, 'arguments')),
    langchainCache,
    functionOf: (call) => {
      const fn = enclosingFunction(call);
      return fn ? (field(fn, 'name')?.text ?? null) : null;
    },
    loop: loopOf,
    handler: handlerOf,
    // A raw HTTP post's options are its `json=` body, not keywords a fix can add to the call.
    callSlot: (call, site) => (site.via === 'http' ? null : kwargSlot(call)),
    clientSlot: (site) => (site.client && site.client.fact.optionsSlot !== null ? kwargSlot(site.client.node) : null),
  };

  for (const call of calls) {
    const site = classify(call);
    if (site) {
      const fact = buildCall(siteSyntax, call, site);
      // openai < 1.0 at module level (`openai.ChatCompletion.create`): no client, each call takes `request_timeout`.
      if (site.via === 'openai-legacy' && !site.client && !fact.client) {
        const t = site.keywords.get('request_timeout') ?? site.keywords.get('timeout');
        const seconds = t ? num(t) : null;
        fact.client = {
          via: 'openai-legacy',
          api: site.operation,
          line: range(call).startLine,
          range: range(call),
          timeoutMs: seconds === null ? null : seconds * 1000,
          timeoutSet: !!t || !!fact.optionsSpread,
          maxRetries: null,
          maxRetriesSet: false,
          optionsSlot: kwargSlot(call),
        };
      }
      facts.calls.push(fact);
    }
  }
  facts.secrets = findSecrets();
  return facts;

  // ---- classification ---------------------------------------------------------------------------------------

  interface Site extends CoreSite<SyntaxNode> {
    client: ClientInfo | null;
    keywords: Map<string, SyntaxNode>;
    timeout?: { seconds: number | null; set: boolean };
    /** LiteLLM: the provider's own model id its model string names. */
    modelOverride?: string | null;
  }

  /** An SDK method reference (`client.chat.completions.create`, `openai.ChatCompletion.create`) taken as a value. */
  function isMethodRef(v: SyntaxNode | null | undefined): boolean {
    const path = v?.type === 'attribute' ? sdkPathParts(collapse(v.text)).slice(1).join('.') : '';
    return !!path && (OPENAI_METHODS.some((m) => path === m.path || path.endsWith(`.${m.path}`)) || !!OPENAI_LEGACY_METHODS[path]);
  }

  /** `functools.partial(<method>, **preset)`: the method and the keywords it fixes. */
  function partialOf(v: SyntaxNode | null | undefined): { ref: SyntaxNode; preset: Map<string, SyntaxNode> } | null {
    if (v?.type !== 'call' || !PARTIAL.test(qualify(field(v, 'function')?.text ?? '') ?? '')) return null;
    const a = callArgs(v);
    return isMethodRef(a.positional[0]) ? { ref: a.positional[0]!, preset: a.keywords } : null;
  }

  /** `create` held in a local name: `fn = client.chat.completions.create; fn(**kw)`, or `fn = partial(<method>, ...)`. */
  function methodRefOf(callee: SyntaxNode): { ref: SyntaxNode; preset: Map<string, SyntaxNode> } | null {
    // Cheap gate first: only names a method reference is bound to (found once per file).
    if (callee.type !== 'identifier' || !methodRefNames().has(callee.text)) return null;
    const values = bindingValues(callee);
    if (values?.length !== 1) return null;
    return isMethodRef(values[0]) ? { ref: values[0]!, preset: new Map() } : partialOf(values[0]);
  }

  /** Names bound to an SDK method reference or a partial of one. */
  function methodRefNames(): Set<string> {
    if (refNames) return refNames;
    refNames = new Set<string>();
    for (const a of assignments) {
      const right = field(a, 'right');
      if (field(a, 'left')?.type === 'identifier' && (isMethodRef(right) || partialOf(right))) refNames.add(field(a, 'left')!.text);
    }
    return refNames;
  }

  /** A function's parameter names in order, without `self`/`cls` (splats keep their `*`/`**`). */
  function paramNames(fn: SyntaxNode): string[] {
    const ps = field(fn, 'parameters');
    return (ps ? children(ps) : [])
      .filter((p) => p.type !== ',' && p.type !== '(' && p.type !== ')' && p.type !== 'comment')
      .map((p) =>
        p.type === 'identifier'
          ? p.text
          : p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern'
            ? p.text
            : (field(p, 'name')?.text ?? children(p)[0]?.text ?? ''),
      )
      .filter((nm) => nm !== 'self' && nm !== 'cls');
  }

  /** The keyword entries a `**x` splat or dict brings, and whether some keys stay unknown (`{**kwargs}`, a call's value). */
  function splatEntries(value: SyntaxNode | null | undefined): { entries: Map<string, SyntaxNode>; unknown: string | null } {
    const values = value?.type === 'identifier' ? bindingValues(value) : value?.type === 'dictionary' ? [value] : null;
    const dict = values?.length === 1 && values[0]!.type === 'dictionary' ? values[0]! : null;
    if (!dict) return { entries: new Map(), unknown: value ? collapse(value.text).slice(0, 40) : '…' };
    const inner = children(dict).find((x) => x.type === 'dictionary_splat');
    return { entries: dictEntries(dict), unknown: inner ? collapse(inner.text).slice(0, 40) : null };
  }

  /**
   * An SDK method passed as a value: `retry(client.chat.completions.create, **kw)`, `functools.partial(openai.
   * ChatCompletion.create, ...)`, `asyncio.to_thread(...)`, or a same-file helper that calls its parameter
   * (`self._send(self.client.chat.completions.create, params)`). The call it is passed to is the call site: its result
   * is the API's. For a library callee the request is the call's own keywords; for a same-file helper it is the
   * helper's call of the parameter, its arguments read through the helper's parameters at this call. `null` when no
   * argument is a method reference or the helper never calls (or forwards) that parameter.
   */
  function passedRef(call: SyntaxNode): { ref: SyntaxNode; keywords: Map<string, SyntaxNode>; spread: string | null; helper: boolean } | null {
    const a = callArgs(call);
    // The method itself, or a name bound to it or to a partial of it (`fn = client.chat.completions.create; retry(fn)`).
    const held = (x: SyntaxNode) => (isMethodRef(x) ? { ref: x, preset: new Map<string, SyntaxNode>() } : methodRefOf(x));
    const position = a.positional.findIndex((x) => !!held(x));
    const arg = position >= 0 ? a.positional[position]! : [...a.keywords.values()].find((x) => !!held(x));
    if (!arg) return null;
    const { ref, preset } = held(arg)!;
    const withPreset = (keywords: Map<string, SyntaxNode>) => {
      for (const [k, v] of preset) if (!keywords.has(k)) keywords.set(k, v);
      return keywords;
    };
    const calleeText = field(call, 'function')?.text ?? '';
    // `fn = partial(<method>, ...)`: the calls of `fn` are the call sites (methodRefOf), not the partial.
    if (partialOf(call) && call.parent?.type === 'assignment' && field(call.parent, 'left')?.type === 'identifier') return null;
    const calleeName = calleeText.replace(/^(self|cls)\./, '');
    const helper = /^\w+$/.test(calleeName) ? functions.find((f) => field(f, 'name')?.text === calleeName) : undefined;
    if (!helper) {
      if (NOT_CALLING.test(qualify(calleeText) ?? calleeText)) return null;
      // A library callee: `partial` and `to_thread` pass their keywords to the method; another's keywords are its own.
      const forwards = FORWARDS_KEYWORDS.test(qualify(calleeText) ?? calleeText);
      const keywords = forwards ? new Map([...a.keywords].filter(([, v]) => v !== arg)) : new Map<string, SyntaxNode>();
      return { ref, keywords: withPreset(keywords), spread: forwards ? null : `${collapse(calleeText).slice(0, 40)}(…)`, helper: false };
    }
    const params = paramNames(helper);
    const refParam = position >= 0 ? params[position] : [...a.keywords].find(([, v]) => v === arg)?.[0];
    if (!refParam || /^\*/.test(refParam)) return null;
    const inHelper = calls.filter((c) => c.startIndex >= helper.startIndex && c.endIndex <= helper.endIndex);
    const inner = inHelper.find((c) => field(c, 'function')?.text === refParam);
    if (!inner) return null;
    // What a helper parameter is at this call: the argument in its place, by position or keyword.
    const argFor = (name: string): SyntaxNode | null => {
      const i = params.indexOf(name);
      return a.keywords.get(name) ?? (i >= 0 ? (a.positional[i] ?? null) : null);
    };
    const isParam = (n: SyntaxNode | null | undefined) => n?.type === 'identifier' && params.includes(n.text);
    const ia = callArgs(inner);
    const keywords = new Map<string, SyntaxNode>();
    let spread: string | null = null;
    for (const [k, v] of ia.keywords) {
      const at = isParam(v) ? argFor(v.text) : v;
      if (at) keywords.set(k, at);
    }
    for (const splat of ia.positional.filter((x) => x.type === 'dictionary_splat')) {
      const target = children(splat).find((x) => x.type !== '**');
      // `**kw` the helper collects: the caller's keywords that no named parameter takes.
      if (target && params.includes(`**${target.text}`)) {
        for (const [k, v] of a.keywords) if (v !== arg && !params.includes(k) && !keywords.has(k)) keywords.set(k, v);
        const callerSplat = a.positional.find((x) => x.type === 'dictionary_splat');
        if (callerSplat) spread ??= collapse(callerSplat.text).slice(0, 40);
        continue;
      }
      const got = splatEntries(isParam(target) ? argFor(target!.text) : target);
      for (const [k, v] of got.entries) if (!keywords.has(k)) keywords.set(k, v);
      spread ??= got.unknown;
    }
    return { ref, keywords: withPreset(keywords), spread, helper: true };
  }

  function classify(call: SyntaxNode): Site | null {
    const callee = field(call, 'function');
    if (!callee) return null;
    const passed = passedRef(call);
    if (!passed) {
      const held = methodRefOf(callee);
      if (!held) return classifyAs(callee, callArgs(call), call);
      const a = callArgs(call);
      for (const [k, v] of held.preset) if (!a.keywords.has(k)) a.keywords.set(k, v);
      return classifyAs(held.ref, a, call);
    }
    const site = classifyAs(passed.ref, { positional: [], keywords: passed.keywords }, call);
    // The request options are written elsewhere (the helper, the caller's dict): no fix is offered at this call.
    return site ? { ...site, passedSpread: passed.spread, passedToHelper: passed.helper } : null;
  }

  /**
   * `super().create(...)` / `super(Chat, cls).create(...)` in a class that subclasses an SDK class: the legacy
   * `openai.ChatCompletion` (an override that adds a cache around the API) or a v1 resource class
   * (`openai.resources.chat.completions.Completions`). The base class's method is the API call.
   */
  function superSite(fn: SyntaxNode, a: ReturnType<typeof callArgs>): Site | null {
    const object = fn.type === 'attribute' ? field(fn, 'object') : null;
    if (object?.type !== 'call' || field(object, 'function')?.text !== 'super') return null;
    const method = field(fn, 'attribute')?.text ?? '';
    let cls: SyntaxNode | null = fn.parent;
    while (cls && cls.type !== 'class_definition') cls = cls.parent;
    const bases = cls ? field(cls, 'superclasses') : null;
    for (const base of bases ? children(bases) : []) {
      if (base.type !== 'identifier' && base.type !== 'attribute') continue;
      const q = qualify(collapse(base.text));
      if (!q?.startsWith('openai.')) continue;
      const legacy = OPENAI_LEGACY_METHODS[`${q.slice('openai.'.length)}.${method}`];
      if (legacy)
        return {
          api: legacy,
          operation: `${q.split('.').pop()}.${method}`,
          via: 'openai-legacy',
          client: null,
          keywords: a.keywords,
          promptArg: null,
        };
      // openai.resources.chat.completions.Completions -> chat.completions.create
      const parts = q.replace(/^openai\.resources\./, '').split('.');
      if (parts.length === q.split('.').length) continue;
      const className = parts
        .pop()!
        .replace(/^Async/, '')
        .toLowerCase();
      const path = [...parts, ...(parts[parts.length - 1] === className ? [] : [className]), method].join('.');
      const m = OPENAI_METHODS.find((x) => x.path === path);
      if (m) return { api: m.api, operation: m.path, via: 'openai', client: null, keywords: a.keywords, promptArg: null };
    }
    return null;
  }

  function classifyAs(fn: SyntaxNode, a: ReturnType<typeof callArgs>, call: SyntaxNode): Site | null {
    const sup = superSite(fn, a);
    if (sup) return sup;
    const other = otherProviderSite(fn, a, call);
    if (other !== undefined) return other;
    if (fn.type === 'attribute') {
      const chain = sdkPathParts(collapse(fn.text));
      const path = chain.slice(1).join('.');
      const q = qualify(chain.join('.'));
      // Legacy: openai.ChatCompletion.create(...)
      if (q?.startsWith('openai.')) {
        const legacy = OPENAI_LEGACY_METHODS[q.slice('openai.'.length)];
        if (legacy)
          return { api: legacy, operation: q.slice('openai.'.length), via: 'openai-legacy', client: null, keywords: a.keywords, promptArg: null };
      }
      for (const m of OPENAI_METHODS) {
        const mpath = m.path.replace(/createVariation/, 'create_variation');
        if (path !== mpath && !path.endsWith(`.${mpath}`)) continue;
        const client = clientOf(chain, call);
        const direct = q !== null && /^openai\.(Async)?(Azure)?OpenAI/.test(q);
        if (!client && !importsOpenAi && !direct && !/openai|gpt|llm|azure|client/i.test(keyOf(chain))) return null;
        return { api: m.api, operation: m.path, via: client?.via ?? 'openai', client, keywords: a.keywords, promptArg: null };
      }
      const method = chain[chain.length - 1]!;
      const client = clientOf(chain, call);
      if (client?.via === 'langchain' && LANGCHAIN_METHODS.has(method) && chain.length <= 3) {
        return {
          api: client.api ?? 'chat',
          operation: `${client.fact.api}.${method}`,
          via: 'langchain',
          client,
          keywords: client.keywords,
          promptArg: a.positional[0] ?? a.keywords.get('input') ?? a.keywords.get('texts') ?? a.keywords.get('text') ?? null,
        };
      }
      // Raw HTTP: requests.post(url, json=...), httpx / aiohttp session.post(...)
      if (/^(post|request|get)$/.test(method)) {
        // Every value the URL can take, through a reused `url`/`endpoint` name (httpApiOfUrls decides).
        const url = a.positional[method === 'request' ? 1 : 0] ?? a.keywords.get('url');
        const candidates = url ? strCandidates(url, 0) : [];
        const urlText = candidates[0] ?? '';
        const api = httpApiOfUrls(candidates);
        if (!api) return null;
        const body = a.keywords.get('json') ?? a.keywords.get('data');
        const keywords = body?.type === 'dictionary' ? dictEntries(body) : new Map<string, SyntaxNode>();
        const t = a.keywords.get('timeout');
        return {
          api,
          operation: `${chain.join('.')} ${urlText.replace(/^[fFrRbB]*['"]|['"]$/g, '').replace(/^https?:\/\/[^/]+/, '') || '/'}`,
          via: 'http',
          client: null,
          keywords,
          promptArg: null,
          timeout: { seconds: num(t), set: !!t || flow.sessionHasTimeout(field(fn, 'object')) },
        };
      }
      return null;
    }
    return null;
  }

  /**
   * A call of another provider (llm-providers.ts): a site, null (that client's call but not a generation), or
   * undefined (not another provider's: the OpenAI classification goes on).
   */
  function otherProviderSite(fn: SyntaxNode, a: ReturnType<typeof callArgs>, call: SyntaxNode): Site | null | undefined {
    // LiteLLM: litellm.completion(model="anthropic/claude-…", ...), `from litellm import completion`.
    const q = fn.type === 'identifier' || fn.type === 'attribute' ? qualify(collapse(fn.text)) : null;
    const lite = q?.startsWith('litellm.') ? LITELLM_FUNCTIONS[q.slice('litellm.'.length)] : undefined;
    if (lite) {
      const model = str(a.keywords.get('model') ?? a.positional[0]);
      const p = model ? providerOfModel(model) : null;
      return {
        api: lite,
        operation: q!,
        via: 'litellm',
        client: null,
        keywords: a.keywords,
        promptArg: null,
        provider: p ? p.provider : undefined,
        modelOverride: p?.model ?? null,
        bound: { name: 'max_tokens' },
      };
    }
    if (fn.type !== 'attribute') return undefined;
    const chain = sdkPathParts(collapse(fn.text));
    const client = clientOf(chain, call);
    if (!client || (!client.sdk && !client.bedrock)) return undefined;
    const path = chain.slice(chain[0] === 'self' ? 2 : 1).join('.');
    if (client.sdk) {
      const m = sdkMethod(client.sdk, path);
      return m
        ? {
            api: m.api,
            operation: m.path,
            via: client.sdk.via,
            client,
            keywords: a.keywords,
            promptArg: null,
            provider: client.sdk.provider,
            bound: m.api === 'chat' ? client.sdk.bound : undefined,
          }
        : null;
    }
    const method = chain[chain.length - 1]!;
    const api = BEDROCK.pyMethods[method];
    if (!api) return null;
    return {
      api,
      operation: method,
      via: 'bedrock',
      client,
      keywords: a.keywords,
      promptArg: null,
      provider: 'bedrock',
      bound: BEDROCK.bound,
      ...(method.startsWith('invoke_model') ? { opaque: BEDROCK.opaqueBody } : {}),
    };
  }

  /** The keyword arguments of a call or the entries of a dict literal (`config=GenerateContentConfig(...)` / `{...}`). */
  function optionsIn(node: SyntaxNode | undefined): Map<string, SyntaxNode> | null {
    if (node?.type === 'call') return callArgs(node).keywords;
    if (node?.type === 'dictionary') return dictEntries(node);
    if (node?.type === 'identifier') {
      const v = bindingValues(node);
      return v?.length === 1 ? optionsIn(v[0]) : null;
    }
    return null;
  }

  function dictEntries(dict: SyntaxNode): Map<string, SyntaxNode> {
    const out = new Map<string, SyntaxNode>();
    for (const pair of children(dict)) {
      if (pair.type !== 'pair') continue;
      const k = str(field(pair, 'key'));
      const v = field(pair, 'value');
      if (k !== null && v) out.set(k, v);
    }
    return out;
  }

  /** Whether the messages are a history carried from turn to turn (`[*history, msg]`, `history + [msg]`, a list appended to). */
  function historyIn(m: SyntaxNode): LlmCallFact['conversation'] {
    const shown = (n: SyntaxNode) => ({ expr: collapse(n.text).slice(0, 40), line: range(n).startLine });
    const visit = (n: SyntaxNode | null | undefined, depth: number): LlmCallFact['conversation'] => {
      if (!n || depth > 3) return null;
      if (n.type === 'list') {
        for (const el of children(n)) if (el.type === 'list_splat' && HISTORY_NAME.test(el.text)) return shown(el);
        return null;
      }
      if (n.type === 'binary_operator') return visit(field(n, 'left'), depth + 1) ?? visit(field(n, 'right'), depth + 1);
      if (n.type === 'identifier') {
        const values = bindingValues(n);
        if (values) {
          for (const v of values) {
            const c = visit(v, depth + 1);
            if (c) return c;
          }
          return HISTORY_NAME.test(n.text) &&
            calls.some(
              (c) =>
                /^(append|extend|insert)$/.test(field(field(c, 'function') ?? c, 'attribute')?.text ?? '') &&
                field(field(c, 'function') ?? c, 'object')?.text === n.text,
            )
            ? shown(n)
            : null;
        }
      }
      if (n.type === 'call')
        for (const x of callArgs(n).positional) {
          const c = visit(x, depth + 1);
          if (c) return c;
        }
      return (n.type === 'identifier' || n.type === 'attribute' || n.type === 'call' || n.type === 'subscript') && HISTORY_NAME.test(n.text)
        ? shown(n)
        : null;
    };
    return visit(m, 0);
  }

  /** The literal text and the run-time parts of a prompt-bearing value (f-strings, concatenation, messages, constants). */
  function promptParts(root: SyntaxNode, parts: PromptParts): void {
    const visit = (node: SyntaxNode, depth: number): void => {
      if (depth > 6) {
        parts.unknowns.push(collapse(node.text).slice(0, 40));
        return;
      }
      const s = str(node);
      if (s !== null) {
        parts.literals.push(s);
        return;
      }
      switch (node.type) {
        case 'string':
          for (const c of children(node)) {
            if (c.type === 'string_content') parts.literals.push(c.text);
            else if (c.type === 'interpolation') parts.unknowns.push(collapse(c.text).slice(1, -1).slice(0, 40));
          }
          return;
        case 'concatenated_string':
        case 'list':
        case 'tuple':
          for (const c of children(node)) visit(c, depth + 1);
          if (node.type === 'tuple' && depth > 0) parts.messages++;
          return;
        case 'binary_operator':
          visit(field(node, 'left')!, depth + 1);
          visit(field(node, 'right')!, depth + 1);
          return;
        case 'dictionary': {
          const d = dictEntries(node);
          if (d.has('role')) parts.messages++;
          const content = d.get('content') ?? d.get('text');
          if (content) visit(content, depth + 1);
          return;
        }
        case 'call': {
          const name = field(node, 'function')?.text ?? '';
          if (/Message$/.test(name)) parts.messages++;
          const a = callArgs(node);
          const args = [...a.positional, ...(a.keywords.has('content') ? [a.keywords.get('content')!] : [])];
          if (args.length) {
            for (const p of args) visit(p, depth + 1);
            return;
          }
          break;
        }
        case 'identifier': {
          const v = constants.get(node.text);
          if (v && depth < 3) {
            visit(v, depth + 1);
            return;
          }
          break;
        }
        default:
          break;
      }
      parts.unknowns.push(collapse(node.text).slice(0, 40));
    };
    visit(root, 0);
  }

  // ---- context ----------------------------------------------------------------------------------------------

  /** The innermost function definition around a node: the last one whose range holds it (functions are in document order). */
  function enclosingFunction(node: SyntaxNode): SyntaxNode | null {
    // A parent step costs a walk down from the root in tree-sitter: search the function list by offsets, once per node.
    const known = enclosingMemo.get(node.id);
    if (known !== undefined) return known;
    fnRanges ??= functions.map((f) => [f.startIndex, f.endIndex] as const);
    const start = node.startIndex;
    const end = node.endIndex;
    let found: SyntaxNode | null = null;
    for (let i = 0; i < fnRanges.length; i++) {
      const [s, e] = fnRanges[i]!;
      if (s > start) break;
      if (start >= s && end <= e && !(s === start && e === end)) found = functions[i]!;
    }
    enclosingMemo.set(node.id, found);
    return found;
  }

  /**
   * `**kwargs` of the enclosing function's `**` parameter: the keyword names its callers pass beyond its named
   * parameters (llm-caller-options.ts decides). Null when a caller unpacks a mapping too (`ask(q, **opts)`).
   */
  function kwargsFromCallers(call: SyntaxNode, name: string): CallerOptions | null {
    const fn = enclosingFunction(call);
    const fnName = fn ? field(fn, 'name')?.text : undefined;
    if (!fn || !fnName || !paramNames(fn).includes(`**${name}`)) return null;
    if (assignments.some((a) => field(a, 'left')?.text === name && a.startIndex > fn.startIndex && a.endIndex < fn.endIndex)) return null;
    const named = new Set(paramNames(fn));
    const beyond = (keys: Iterable<string>) => [...keys].filter((k) => !named.has(k));
    return optionsFromCallers([
      ...flow.callSitesOf(fnName, fn).map((site) => {
        const a = callArgs(site);
        return {
          at: `${path}:${lines.position(site.startIndex).line}`,
          keys: a.positional.some((x) => x.type === 'dictionary_splat') ? null : beyond(a.keywords.keys()),
        };
      }),
      ...(imported?.callers?.(fnName, lines.position(fn.startIndex).line) ?? []).map((c) => ({
        at: `${c.path}:${c.line}`,
        keys: c.argKeys?.kw ? beyond(c.argKeys.kw) : null,
      })),
    ]);
  }

  function callersOf(fn: SyntaxNode): SyntaxNode[] {
    const name = field(fn, 'name')?.text;
    return name ? flow.callSitesOf(name, fn) : [];
  }

  /** The first same-file call of the function around a node: one level of callers for loop and handler context. */
  function firstCaller(node: SyntaxNode): SyntaxNode | undefined {
    const fn = enclosingFunction(node);
    return fn ? callersOf(fn)[0] : undefined;
  }

  function loopOf(call: SyntaxNode): LlmLoop | null {
    return contextOf(call, loopAround, firstCaller);
  }

  /** The loop around a node inside its function, or a `map` of that function. */
  function loopAround(node: SyntaxNode): LlmLoop | null {
    let fn: SyntaxNode | null = null;
    for (let p = node.parent; p; p = p.parent) {
      if (p.type === 'function_definition') {
        fn = p;
        break;
      }
      if (PY_LOOPS.has(p.type) && !retryLoop(p) && !untilCallYields(p, node))
        return {
          kind: p.type === 'for_statement' ? 'for' : p.type === 'while_statement' ? 'while' : 'comprehension',
          line: range(p).startLine,
          trips: tripsOf(loopHead(p)),
        };
    }
    // A function passed by name to map / Executor.map / Pool.imap runs once per element.
    const name = fn ? field(fn, 'name')?.text : undefined;
    if (fn && name) {
      for (const c of mapCallsOf(name)) {
        if (c.startIndex >= fn.startIndex && c.endIndex <= fn.endIndex) continue;
        return { kind: 'map', line: range(c).startLine, trips: null };
      }
    }
    return null;
  }

  /** `while answer is None:` whose body binds `answer` from the call's result (llm-site-core.ts untilResult). */
  function untilCallYields(loop: SyntaxNode, call: SyntaxNode): boolean {
    if (loop.type !== 'while_statement') return false;
    const ids = (n: SyntaxNode | null | undefined) => (n ? n.descendantsOfType('identifier').flatMap((x) => (x ? [x.text] : [])) : []);
    let cur = call;
    while (cur.parent && ['await', 'parenthesized_expression', 'attribute', 'subscript', 'call'].includes(cur.parent.type)) cur = cur.parent;
    const bound =
      cur.parent?.type === 'assignment' && field(cur.parent, 'right')?.startIndex === cur.startIndex ? ids(field(cur.parent, 'left')) : [];
    const body = field(loop, 'body');
    // `for chunk in stream:` binds `chunk` from the stream, as `=` and `+=` bind their targets.
    const bindings = (body ? body.descendantsOfType(['assignment', 'augmented_assignment', 'for_statement']) : []).flatMap((a) =>
      a ? [{ to: ids(field(a, 'left')), from: ids(field(a, 'right')) }] : [],
    );
    return untilResult(ids(field(loop, 'condition')), bound, bindings);
  }

  function retryLoop(loop: SyntaxNode): boolean {
    // A comprehension has no statements: it never retries.
    const body = loop.type === 'for_statement' || loop.type === 'while_statement' ? field(loop, 'body') : null;
    return isRetryLoop(
      body ? children(body) : [],
      (s) => {
        const b = s.type === 'try_statement' ? field(s, 'body') : null;
        return b ? children(b) : null;
      },
      (s) => s.type === 'break_statement' || s.type === 'return_statement',
    );
  }

  /** `map(f, xs)`-style calls by the name of the function they map, indexed once. */
  function mapCallsOf(name: string): SyntaxNode[] {
    if (!mapCalls) {
      mapCalls = new Map();
      for (const c of calls) {
        const f = field(c, 'function');
        if (
          !f ||
          !/(^|\.)(map|imap|imap_unordered|starmap|map_async)$/.test(f.type === 'attribute' ? `.${field(f, 'attribute')?.text ?? ''}` : f.text)
        )
          continue;
        const first = callArgs(c).positional[0]?.text.replace(/^self\./, '');
        if (first) (mapCalls.get(first) ?? mapCalls.set(first, []).get(first)!).push(c);
      }
    }
    return mapCalls.get(name) ?? [];
  }

  function loopHead(loop: SyntaxNode): LoopHead | null {
    const clause = loop.type === 'for_statement' ? null : children(loop).find((c) => c.type === 'for_in_clause');
    const right = loop.type === 'for_statement' ? field(loop, 'right') : clause ? field(clause, 'right') : null;
    if (!right) return null;
    if (right.type === 'list' || right.type === 'tuple') return { items: children(right).length };
    if (right.type === 'call' && field(right, 'function')?.text === 'range') {
      const a = callArgs(right).positional.map((x) => num(x));
      if (a.length === 1 && a[0] !== null) return { start: 0, end: a[0]!, inclusive: false };
      if (a.length >= 2 && a[0] !== null && a[1] !== null) return { start: a[0]!, end: a[1]!, inclusive: false };
    }
    return null;
  }

  function handlerOf(call: SyntaxNode): { framework: string; line: number } | null {
    return contextOf(call, handlerAround, firstCaller);
  }

  function handlerAround(node: SyntaxNode): { framework: string; line: number } | null {
    const fn = enclosingFunction(node);
    if (!fn) return null;
    const dec = fn.parent?.type === 'decorated_definition' ? fn.parent : null;
    for (const d of dec ? children(dec).filter((c) => c.type === 'decorator') : []) {
      const t = collapse(d.text);
      if (HANDLER_DECORATOR.test(t)) {
        const flask = /\.route\s*\(/.test(t) && [...aliases.values()].some((m) => m.startsWith('flask'));
        return {
          framework: flask ? 'flask' : [...aliases.values()].some((m) => m.startsWith('flask')) ? 'flask' : 'fastapi',
          line: range(fn).startLine,
        };
      }
      if (/^@\s*(api_view|require_(GET|POST|http_methods)|csrf_exempt)\b/.test(t)) return { framework: 'django', line: range(fn).startLine };
    }
    const params = field(fn, 'parameters');
    const first = params ? children(params)[0] : null;
    if (first?.text === 'request' && [...aliases.values()].some((m) => m.startsWith('django')))
      return { framework: 'django', line: range(fn).startLine };
    return null;
  }

  // ---- secrets ----------------------------------------------------------------------------------------------

  function findSecrets(): SecretFact[] {
    const out: SecretFact[] = [];
    const importEdit = importOsEdit();
    for (const s of nodes.of(new Set(['string']))) {
      const contents = children(s).filter((c) => c.type === 'string_content');
      for (const c of contents) {
        const raw = c.text;
        const key = keyIn(raw, () => isKeyBinding(s), path);
        if (!key) continue;
        const { env, kind, who } = keyOwner(key, text.slice(Math.max(0, s.startIndex - 200), s.startIndex));
        const whole = contents.length === 1 && raw === key && !children(s).some((x) => x.type === 'interpolation') && !/^[fFrRbBuU]+/.test(s.text);
        const startOffset = whole ? s.startIndex : c.startIndex + raw.indexOf(key);
        const endOffset = whole ? s.endIndex : startOffset + key.length;
        const replacement = whole ? `os.environ["${env}"]` : null;
        if (!replacement) {
          // Inside a larger string: rewrite the whole literal as an f-string around the environment read.
          const quote = s.text.match(/^[a-zA-Z]*('''|"""|'|")/)?.[1] ?? '"';
          const inner = s.text.slice(s.text.indexOf(quote) + quote.length, s.text.length - quote.length);
          const at = inner.indexOf(key);
          if (at < 0) continue;
          const esc = (t: string) => (/^[fF]/.test(s.text) ? t : t.replace(/\{/g, '{{').replace(/\}/g, '}}'));
          const envRead = quote.includes('"') ? `{os.environ['${env}']}` : `{os.environ["${env}"]}`;
          const prefix = s.text.slice(0, s.text.indexOf(quote)).replace(/[fFbB]/g, '');
          // Every key in the literal is replaced (a second one must not stay behind); a bytes literal becomes an
          // f-string encoded back to bytes (`fb"…"` is not Python); latin-1 keeps each \xNN escape one byte.
          const body = esc(inner).split(key).join(envRead).replace(new RegExp(OPENAI_KEY.source, 'g'), envRead);
          const bytes = /[bB]/.test(s.text.slice(0, s.text.indexOf(quote)));
          const literal = `f${prefix}${quote}${body}${quote}`;
          out.push({
            masked: maskKey(key),
            kind,
            ...who,
            line: lines.position(c.startIndex + raw.indexOf(key)).line,
            range: lines.range(c.startIndex + raw.indexOf(key), c.startIndex + raw.indexOf(key) + key.length),
            startOffset: s.startIndex,
            endOffset: s.endIndex,
            replacement: bytes ? `${literal}.encode('latin-1')` : literal,
            importEdit,
          });
          continue;
        }
        out.push({
          masked: maskKey(key),
          kind,
          ...who,
          line: lines.position(startOffset).line,
          range: lines.range(startOffset, endOffset),
          startOffset,
          endOffset,
          replacement,
          importEdit,
        });
      }
    }
    return out;
  }

  function isKeyBinding(s: SyntaxNode): boolean {
    const p = s.parent;
    if (p?.type === 'keyword_argument')
      return /^(api_key|openai_api_key|azure_api_key|anthropic_api_key|google_api_key)$/.test(field(p, 'name')?.text ?? '');
    if (p?.type === 'assignment' && field(p, 'right')?.startIndex === s.startIndex)
      return /(^|\.)(api_key|OPENAI_API_KEY|AZURE_OPENAI_API_KEY|OPENAI_KEY|ANTHROPIC_API_KEY|GEMINI_API_KEY|GOOGLE_API_KEY)$/i.test(
        field(p, 'left')?.text ?? '',
      );
    if (p?.type === 'pair') return /^['"](api_key|api-key|openai_api_key)['"]$/i.test(field(p, 'key')?.text ?? '');
    return false;
  }

  function importOsEdit(): TextEdit | null {
    if (importsOs(text)) return null;
    const first = nodes.of(IMPORT_TYPES).find((n) => !/^from\s+__future__/.test(n.text));
    const at = first ? first.startIndex : 0;
    return { startOffset: at, endOffset: at, newText: 'import os\n' };
  }

  /** Where a keyword argument can be added to a call. */
  function kwargSlot(call: SyntaxNode): InsertSlot | null {
    const list = field(call, 'arguments');
    if (!list || list.type !== 'argument_list') return null;
    const args = children(list).filter((c) => c.type !== 'comment');
    const last = args[args.length - 1];
    if (!last) return { offset: list.startIndex + 1, prefix: '', suffix: '', syntax: 'py' };
    const multiline = list.text.includes('\n');
    const after = text.slice(last.endIndex, list.endIndex - 1);
    const indent = multiline ? (indentBefore(text, last.startIndex) ?? '    ') : '';
    if (/^\s*,/.test(after)) {
      const comma = text.indexOf(',', last.endIndex);
      return { offset: comma + 1, prefix: multiline ? `\n${indent}` : ' ', suffix: ',', syntax: 'py' };
    }
    return { offset: last.endIndex, prefix: multiline ? `,\n${indent}` : ', ', suffix: '', syntax: 'py' };
  }
}

/**
 * Whether a line of `text` is `import os` or an import list naming os (`import sys, os`, `import os.path`). Line by
 * line: the multiline regex `^\s*import…` let `\s*` run across line breaks from every line start (quadratic).
 */
function importsOs(text: string): boolean {
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trimStart();
    if (
      line.startsWith('import') &&
      /^import\s+([\w., ]*)/
        .exec(line)?.[1]
        ?.split(/[\s,]+/)
        .some((m) => m === 'os' || m.startsWith('os.'))
    )
      return true;
    start = end + 1;
  }
  return false;
}
