// OpenAI call sites in JavaScript/TypeScript: the `openai` SDK (OpenAI, AzureOpenAI), LangChain's ChatOpenAI /
// OpenAIEmbeddings, the Vercel AI SDK and raw fetch/axios to api.openai.com or *.openai.azure.com. Per call: API
// kind, model, output bound, streaming, loop and request-handler context, prompt tokens, and (llm-js-flow.ts)
// where the result is stored and whether a cache lookup precedes the call.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
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
  Language,
  SecretFact,
} from '../model/types';
import { optionsFromCallers, type CallerOptions } from './llm-caller-options';
import {
  AI_SDK_PROVIDERS,
  BEDROCK,
  JS_SDKS,
  LANGCHAIN_PROVIDER_CLASSES,
  fromModules,
  providerOfModel,
  sdkMethod,
  sdkOfClass,
  type LangChainProviderClass,
  type ProviderSdk,
} from './llm-providers';
import {
  AI_SDK_FUNCTIONS,
  LLM_CACHES,
  OPENAI_V3_METHODS,
  ITERATING_METHODS,
  LANGCHAIN_CLASSES,
  LANGCHAIN_METHODS,
  OPENAI_KEY,
  OPENAI_METHODS,
  maskKey,
} from './llm-api-table';
import {
  EstreeIndex,
  FUNCTION_TYPES,
  LOOP_TYPES,
  boundNames,
  constBoolean,
  bindingValues,
  isNullish,
  objectLiteralOf,
  stringCandidates,
  constNumber,
  constString,
  functionName,
  memberChain,
  objectProps,
  propertyName,
  rootKey,
  shortText,
  unwrap,
  type FunctionNode,
  type Node,
} from './estree';
import { jsImports } from './js-imports';
import { JsFlow } from './llm-js-flow';
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
import { LineMap, indentBefore } from './syntax';
import type { ImportedLookup } from '../project/types';

interface ClientInfo {
  via: LlmVia;
  api: LlmApiKind | null;
  fact: LlmClientFact;
  /** The constructor call; null for a client made in another project file. */
  node: TSESTree.NewExpression | null;
  /** LangChain: model and max tokens are constructor options. */
  options: Map<string, Node>;
  /** Another provider's SDK client, a Bedrock Runtime client, or a LangChain class of another provider (llm-providers.ts). */
  sdk?: ProviderSdk;
  bedrock?: boolean;
  lc?: LangChainProviderClass;
}

/** Calls that build a LangChain runnable from a chat model: `prompt.pipe(model)`, `RunnableSequence.from([...])`. */
const CHAIN_BUILDERS =
  /(^|\.)(pipe|from|withStructuredOutput|bind|bindTools|withRetry|withConfig)$|^(LLMChain|ConversationChain|createStuffDocumentsChain|createRetrievalChain|createReactAgent|initializeAgentExecutorWithOptions)$/;

const HANDLER_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'use', 'options', 'head', 'route']);
const NEXT_HANDLERS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** `imported` (the project model) answers for names imported from other project files: clients, store helpers. */
export function extractJsLlmFacts(
  program: TSESTree.Program,
  text: string,
  path: string,
  language: Language,
  imported?: ImportedLookup,
): LlmFileFacts {
  const index = new EstreeIndex(program);
  const lines = new LineMap(text);
  const range = (n: Node) => lines.range(n.range[0], n.range[1]);
  const facts: LlmFileFacts = { path, language, calls: [], clients: [], secrets: [] };

  // Imports and requires: local name -> module (and the imported name); one reader with the project model's.
  const imports = jsImports(index);
  const fromModule = (name: string, test: (source: string) => boolean) => {
    const i = imports.get(name);
    return i ? test(i.source) : false;
  };
  const isOpenAiModule = (s: string) => s === 'openai' || s.startsWith('openai/');
  const isLangChain = (s: string) => s.startsWith('@langchain/') || s.startsWith('langchain');
  const isAiSdkProvider = (s: string) => s === '@ai-sdk/openai' || s === '@ai-sdk/azure';
  const importsOpenAi = [...imports.values()].some((i) => isOpenAiModule(i.source));

  // Clients: `x = new OpenAI(...)`, class fields, `this.x = new ChatOpenAI(...)`.
  const clients = new Map<string, ClientInfo>();
  const legacyClients: Array<{ key: string; fact: LlmClientFact }> = [];
  /** The options of a v3 `Configuration` an `OpenAIApi` is built with (inline or through a name), else null. */
  const configurationOf = (arg: Node | null): Map<string, Node> | 'unknown' | null => {
    let n = arg ? unwrap(arg) : null;
    if (n?.type === 'Identifier') {
      const values = bindingValues(n, index);
      if (values?.length !== 1) return 'unknown';
      n = unwrap(values[0]!);
    }
    if (n?.type !== 'NewExpression') return n ? 'unknown' : null;
    const chain = memberChain(n.callee);
    return chain?.[chain.length - 1] === 'Configuration' ? objectProps(n.arguments[0] ? unwrap(n.arguments[0] as Node) : null) : null;
  };
  const clientOfNew = (expr: Node): ClientInfo | null => {
    const n = unwrap(expr);
    if (n.type !== 'NewExpression') return null;
    const chain = memberChain(n.callee);
    if (!chain) return null;
    const cls = chain[chain.length - 1]!;
    const head = chain[0]!;
    let via: LlmVia | null = null;
    let api: LlmApiKind | null = null;
    // Other providers: their SDK clients, Bedrock Runtime, LangChain classes (llm-providers.ts).
    const source = imports.get(head)?.source ?? '';
    const sdk = source ? sdkOfClass(JS_SDKS, cls, source) : null;
    const bedrock = cls === BEDROCK.jsClient && source === BEDROCK.jsModule;
    const lc =
      LANGCHAIN_PROVIDER_CLASSES[cls] && fromModules(source, LANGCHAIN_PROVIDER_CLASSES[cls]!.modules) ? LANGCHAIN_PROVIDER_CLASSES[cls] : undefined;
    if (sdk) via = sdk.via;
    else if (bedrock) {
      via = 'bedrock';
      api = 'chat';
    } else if (lc) {
      via = 'langchain';
      api = lc.api;
    } else if (
      (cls === 'OpenAI' || cls === 'AzureOpenAI') &&
      (fromModule(head, isOpenAiModule) || (chain.length === 1 && !imports.has(head) && importsOpenAi))
    )
      via = cls === 'AzureOpenAI' ? 'azure-openai' : 'openai';
    else if (cls === 'OpenAIApi' && fromModule(head, (s) => isOpenAiModule(s) || s === 'openai-edge')) via = 'openai-legacy';
    else if (cls in LANGCHAIN_CLASSES && fromModule(head, isLangChain)) {
      via = 'langchain';
      api = LANGCHAIN_CLASSES[cls]!;
    }
    if (!via) return null;
    const options = n.arguments[0] ? unwrap(n.arguments[0] as Node) : null;
    const props = objectProps(options);
    // openai-node v3 / openai-edge: `new OpenAIApi(new Configuration({ baseOptions: { timeout } }))`, the
    // Configuration possibly held in a name; its `baseOptions` go to every request (axios options / fetch init).
    const configuration = via === 'openai-legacy' ? configurationOf(options) : null;
    const baseOptions = configuration instanceof Map ? objectProps(configuration.get('baseOptions') ?? null) : null;
    // A Configuration made elsewhere (imported, a parameter) may set it: unknown, not missing.
    const timeout =
      configuration === 'unknown' ? options! : baseOptions ? (baseOptions.get('timeout') ?? baseOptions.get('signal')) : props.get('timeout');
    const retries = props.get('maxRetries');
    const fact: LlmClientFact = {
      via,
      api: `new ${chain.join('.')}`,
      line: range(n).startLine,
      range: range(n),
      timeoutMs: timeout ? constNumber(timeout, index) : null,
      timeoutSet: !!timeout,
      maxRetries: retries ? constNumber(retries, index) : null,
      maxRetriesSet: !!retries,
      optionsSlot: via === 'openai-legacy' ? null : slotInObject(options, n, text),
    };
    return { via, api, fact, node: n, options: props, ...(sdk ? { sdk } : {}), ...(bedrock ? { bedrock } : {}), ...(lc ? { lc } : {}) };
  };
  /** Whether the timeout rule's wording (OpenAI's SDK defaults, which Anthropic's SDK shares) is true of a client. */
  const timeoutRuleSpeaksFor = (c: ClientInfo) =>
    c.sdk ? c.sdk.openAiStyleTimeout : c.bedrock ? false : c.lc ? c.lc.provider === 'anthropic' : true;
  for (const n of index.nodes) {
    if (n.type !== 'NewExpression') continue;
    const client = clientOfNew(n);
    if (!client) continue;
    // The name the client is reached by: `x = new OpenAI()`, a class field, `this.x = ...`; else its position.
    let p = index.parent(n);
    while (p && (p.type === 'TSAsExpression' || p.type === 'TSNonNullExpression' || p.type === 'AwaitExpression')) p = index.parent(p);
    let key = `@${n.range[0]}`;
    if (p?.type === 'VariableDeclarator' && p.id.type === 'Identifier') key = p.id.name;
    else if (p?.type === 'PropertyDefinition' && p.key.type === 'Identifier') key = p.key.name;
    else if (p?.type === 'AssignmentExpression' && p.left.type === 'MemberExpression' && p.left.property.type === 'Identifier')
      key = p.left.property.name;
    else if (p?.type === 'AssignmentExpression' && p.left.type === 'Identifier') key = p.left.name;
    clients.set(key, client);
    if (client.via === 'openai-legacy') legacyClients.push({ key, fact: client.fact });
    else if (timeoutRuleSpeaksFor(client)) facts.clients.push(client.fact);
  }
  // openai-node v3 and openai-edge have no default timeout; a client whose every request passes its own
  // (`createChatCompletion(req, { timeout })`, `{ signal }`) is bounded all the same.
  for (const { key, fact } of legacyClients) {
    if (fact.timeoutSet) continue;
    const requests = index.nodes.filter((x): x is TSESTree.CallExpression => {
      const c = x.type === 'CallExpression' ? memberChain(x.callee) : null;
      return !!c && c.length === 2 && c[0] === key && !!OPENAI_V3_METHODS[c[1]!];
    });
    const bounded =
      requests.length > 0 &&
      requests.every((r) => {
        const o = objectProps(r.arguments[1] ? unwrap(r.arguments[1] as Node) : null);
        return o.has('timeout') || o.has('signal');
      });
    if (!bounded) facts.clients.push(fact);
  }
  // Aliases of a client (`const ai = openai`, `this.client = client`) and LangChain chains built on a chat model
  // (`prompt.pipe(model)`, `RunnableSequence.from([prompt, model])`): calls through them are the client's calls.
  for (let pass = 0; pass < 2; pass++) {
    for (const n of index.nodes) {
      let key: string | null = null;
      let value: Node | null = null;
      if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init) [key, value] = [n.id.name, n.init];
      else if (n.type === 'AssignmentExpression' && n.left.type === 'MemberExpression' && n.left.property.type === 'Identifier')
        [key, value] = [n.left.property.name, n.right];
      else if (n.type === 'PropertyDefinition' && n.key.type === 'Identifier' && n.value) [key, value] = [n.key.name, n.value];
      if (!key || !value || clients.has(key)) continue;
      const v = unwrap(value);
      const root =
        v.type === 'Identifier'
          ? v.name
          : v.type === 'MemberExpression' && unwrap(v.object).type === 'ThisExpression' && v.property.type === 'Identifier'
            ? v.property.name
            : null;
      if (root && clients.has(root)) {
        clients.set(key, clients.get(root)!);
        continue;
      }
      if (v.type === 'CallExpression' && CHAIN_BUILDERS.test(memberChain(v.callee)?.slice(-2).join('.') ?? '')) {
        const model = [...index.namesIn(v)]
          .map((nm) => clients.get(nm.replace(/^this\./, '')))
          .find((c) => c?.via === 'langchain' && c.api !== 'embeddings');
        if (model) clients.set(key, model);
      }
    }
  }
  // AI SDK providers: `openai` from @ai-sdk/openai, or `const myOpenAI = createOpenAI({...})`.
  // Other providers' packages (@ai-sdk/anthropic, @ai-sdk/google, …) the same way; the name says whose model it is.
  const aiProviders = new Map<string, LlmProvider>();
  for (const [name, i] of imports)
    if (AI_SDK_PROVIDERS[i.source]?.instances.includes(i.imported) && !/^create/.test(i.imported))
      aiProviders.set(name, AI_SDK_PROVIDERS[i.source]!.provider);
  for (const n of index.nodes) {
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init) {
      const init = unwrap(n.init);
      const from = init.type === 'CallExpression' && init.callee.type === 'Identifier' ? imports.get(init.callee.name) : undefined;
      const row = from ? AI_SDK_PROVIDERS[from.source] : undefined;
      if (row && from && /^create/.test(from.imported) && row.instances.includes(from.imported)) aiProviders.set(n.id.name, row.provider);
    }
  }
  void isAiSdkProvider;

  // Clients made in another project file: an imported instance, or `const c = getClient()` of an imported factory.
  const importedClient = (chain: string[], at: Node, factory: boolean): ClientInfo | null => {
    if (!imported || chain[0] === 'this') return null;
    const sym = imported.symbol(chain[0]!, chain.slice(1));
    const c = sym?.facts.client;
    if (!c || c.factory !== factory) return null;
    return { via: c.via, api: c.api ?? null, node: null, options: new Map(), fact: importedClientFact(sym!, c, range(at)) };
  };
  if (imported) {
    for (const n of index.nodes) {
      if (n.type !== 'VariableDeclarator' || n.id.type !== 'Identifier' || !n.init || clients.has(n.id.name)) continue;
      const init = unwrap(n.init);
      const chain = init.type === 'CallExpression' ? memberChain(init.callee) : null;
      const client = chain ? importedClient(chain, init, true) : null;
      if (client) clients.set(n.id.name, client);
    }
  }
  /** A model given by its id: a string (a Vercel AI Gateway id `'openai/gpt-4o'`, or a bare name), or `gateway(id)` / `gateway.languageModel(id)`. */
  const gatewayModelId = (model: Node): string | null => {
    const m = unwrap(model);
    const literal = constString(m, index);
    if (literal !== null) return literal;
    if (m.type !== 'CallExpression') return null;
    const root = rootKey(m.callee as Node);
    return root && fromModule(root, (src) => src === '@ai-sdk/gateway') ? constString(m.arguments[0] as Node, index) : null;
  };
  const clientByKey = (chain: string[], call: Node): ClientInfo | null => {
    const key = chain[0] === 'this' ? chain[1]! : chain[0]!;
    const local = clients.get(key);
    if (local) return local;
    if (chain[0] === 'this') return null;
    // `client.chat…` (an imported client) or `ai.client.chat…` (a namespace import).
    return importedClient([chain[0]!], call, false) ?? importedClient(chain.slice(0, 2), call, false);
  };

  const flow = new JsFlow(index, text, lines, imports, imported);
  let refNames: Set<string> | undefined;
  /** Project model: a model name or limit held in a constant another project file exports (`model: MODEL`). */
  const importedConst = (node: Node): string | number | null => {
    const chain = imported ? memberChain(node) : null;
    return chain && chain[0] !== 'this' && imports.has(chain[0]!) ? (imported!.symbol(chain[0]!, chain.slice(1))?.facts.constant ?? null) : null;
  };

  // The syntax questions of the call-site core (llm-site-core.ts), answered over ESTree.
  const siteSyntax: SiteSyntax<Node, TSESTree.CallExpression, Site> = {
    names: {
      lc: 'js',
      langchain: 'maxTokens',
      byVia: { 'ai-sdk': 'maxOutputTokens' },
      // openai-node v3 predates max_completion_tokens; its other kinds of call take no bound.
      legacy: (api) => (api === 'chat' || api === 'completions' ? 'max_tokens' : null),
      not: '!',
      opaque: (name) => `${name}: …`,
      // The AI SDK's embedMany takes `values`.
      embedInput: ['input', 'values'],
      // `value` / `values`: the AI SDK's embed and embedMany.
      promptKeys: ['messages', 'input', 'prompt', 'system', 'instructions', 'value', 'values', 'contents'],
      // The AI SDK's `system` option is a message of its own.
      systemMessage: true,
    },
    nullish: isNullish,
    num: (n) => constNumber(n, index),
    bool: constBoolean,
    shown: (n) => shortText(text, n),
    importedConst: (n) => importedConst(unwrap(n)),
    range,
    conditional: (n) => {
      const c = unwrap(n);
      return c.type === 'ConditionalExpression' ? { test: c.test as Node, consequent: c.consequent as Node, alternate: c.alternate as Node } : null;
    },
    optionsIn: (holder) => {
      const inner = objectLiteralOf(holder, index);
      return inner ? objectProps(inner) : null;
    },
    setLater: () => undefined,
    list: (n) => {
      const x = unwrap(n);
      return x.type === 'ArrayExpression' ? { items: x.elements.length, spread: x.elements.some((e) => e?.type === 'SpreadElement') } : null;
    },
    options: (call, site) => {
      // LangChain: the model's options are its constructor's (the client's).
      const seen = site.via === 'langchain' ? { props: new Map<string, Node>(), spread: null } : optionsOf(site.options);
      const callers = !site.passedSpread && 'spreads' in seen && seen.spreads === 1 ? callerOptions(call, seen.spreadNode) : null;
      return { own: seen.props, fromClient: site.client?.options ?? new Map<string, Node>(), spread: seen.spread, callers };
    },
    model: (site, get, provider) => {
      const modelProp = get('model', 'modelName', 'deployment', 'azureOpenAIApiDeploymentName', 'modelId');
      let model: string | null = null;
      let modelExpr: string | null = null;
      if (modelProp) {
        const m = unwrap(modelProp.node);
        // The AI SDK names the model by a call of its provider: `openai('gpt-4o')`.
        if (site.via === 'ai-sdk' && m.type === 'CallExpression') model = constString(m.arguments[0] as Node, index);
        else model = constString(m, index);
        if (model === null) {
          const c = importedConst(m);
          if (typeof c === 'string') model = c;
        }
        if (model === null) modelExpr = shortText(text, modelProp.node);
      }
      // A provider-prefixed id (`anthropic/claude-…`, the AI SDK's gateway ids too) names the provider's own model.
      if (model && (provider || site.via === 'ai-sdk')) model = providerOfModel(model).model;
      return { model, modelExpr };
    },
    promptParts,
    historyIn,
    baseUrls: (site) => {
      const base = site.client?.options.get('baseURL');
      return base ? stringCandidates(base, index) : null;
    },
    httpTimeout: (_call, site) => site.timeout,
    follow: (call, site) => flow.follow(call, site.promptArg ?? site.options),
    langchainCache,
    functionOf: (call) => {
      const fn = index.enclosingFunction(call);
      return fn ? functionName(fn, index) : null;
    },
    loop: loopOf,
    handler: handlerOf,
    callSlot: (call, site) => slotInObject(site.options, call, text),
    clientSlot: (site) =>
      site.client?.node
        ? slotInObject(site.client.node.arguments[0] ? unwrap(site.client.node.arguments[0] as Node) : null, site.client.node, text)
        : null,
  };

  for (const n of index.nodes) {
    if (n.type !== 'CallExpression') continue;
    const site = classify(n);
    if (site) facts.calls.push(buildCall(siteSyntax, n, site));
  }

  facts.secrets = findSecrets();
  return facts;

  // ---- call-site classification ---------------------------------------------------------------------------

  interface Site extends CoreSite<Node> {
    client: ClientInfo | null;
    /** The request options object (SDK body, AI SDK options, fetch JSON body). */
    options: Node | null;
    timeout?: { ms: number | null; set: boolean; slot: InsertSlot | null };
  }

  /** The member chain of an SDK method taken as a value (`client.chat.completions.create`, its `.bind(...)`), else null. */
  function methodRefChain(v: Node): string[] | null {
    let x = unwrap(v);
    if (
      x.type === 'CallExpression' &&
      x.callee.type === 'MemberExpression' &&
      x.callee.property.type === 'Identifier' &&
      x.callee.property.name === 'bind'
    )
      x = unwrap(x.callee.object);
    const c = x.type === 'MemberExpression' ? memberChain(x) : null;
    return c && OPENAI_METHODS.some((m) => c.slice(1).join('.') === m.path || c.slice(1).join('.').endsWith(`.${m.path}`)) ? c : null;
  }

  /** `create` held in a name: `const create = client.chat.completions.create.bind(...)`. */
  function methodRefOf(callee: Node): string[] | null {
    // Cheap gate first: only names a method reference is bound to (found once per file).
    if (callee.type !== 'Identifier' || !methodRefNames().has(callee.name)) return null;
    const values = bindingValues(callee, index);
    return values?.length === 1 ? methodRefChain(values[0]!) : null;
  }

  /** Names bound to an SDK method reference. */
  function methodRefNames(): Set<string> {
    if (refNames) return refNames;
    refNames = new Set<string>();
    for (const n of index.nodes) {
      if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init && methodRefChain(n.init)) refNames.add(n.id.name);
      else if (n.type === 'AssignmentExpression' && n.left.type === 'Identifier' && methodRefChain(n.right)) refNames.add(n.left.name);
    }
    return refNames;
  }

  /**
   * An SDK method passed as a value: `withRetry(client.chat.completions.create, opts)`, or a same-file helper that
   * calls its parameter (`send(openai.chat.completions.create.bind(openai.chat.completions), body)`). The call it is
   * passed to is the call site. For a same-file helper the request is the helper's call of the parameter, its options
   * read through the helper's parameters at this call; a library callee's arguments are its own (options unknown).
   */
  function passedRef(call: TSESTree.CallExpression): { chain: string[]; options: Node | null; spread: string | null; helper: boolean } | null {
    let position = -1;
    let chain: string[] | null = null;
    for (let i = 0; i < call.arguments.length && !chain; i++) {
      const arg = call.arguments[i] as Node;
      // The method itself (or its `.bind(...)`), or a name bound to it (`const create = ...; withRetry(create, opts)`).
      if (arg.type === 'Identifier') chain = methodRefOf(arg);
      else if (arg.type === 'MemberExpression' || arg.type === 'CallExpression') chain = methodRefChain(arg);
      if (chain) position = i;
    }
    if (!chain) return null;
    const callee = unwrap(call.callee);
    const name =
      callee.type === 'Identifier'
        ? callee.name
        : callee.type === 'MemberExpression' && unwrap(callee.object).type === 'ThisExpression' && callee.property.type === 'Identifier'
          ? callee.property.name
          : null;
    const fn = name ? flow.functionNamed(name) : undefined;
    if (!fn) {
      // Callees that look at a function without calling it (test assertions and mocks, logging, reflection).
      if (
        /^(expect|console\.\w+|(jest|vi|sinon)\.\w+|Object\.\w+|Reflect\.\w+|String|Boolean|JSON\.stringify|(this\.)?(logger|log)\.\w+)$/.test(
          shortText(text, callee),
        )
      )
        return null;
      return { chain, options: null, spread: `${shortText(text, callee)}(…)`, helper: false };
    }
    const param = fn.params[position] as Node | undefined;
    const refParam = param?.type === 'Identifier' ? param.name : null;
    if (!refParam) return null;
    const inner = index.nodes.find(
      (x): x is TSESTree.CallExpression =>
        x.type === 'CallExpression' &&
        x.range[0] >= fn.range[0] &&
        x.range[1] <= fn.range[1] &&
        unwrap(x.callee).type === 'Identifier' &&
        (unwrap(x.callee) as TSESTree.Identifier).name === refParam,
    );
    if (!inner) return null;
    // The helper's options argument: a parameter is the caller's argument in its place.
    const arg = inner.arguments[0] ? unwrap(inner.arguments[0] as Node) : null;
    const at = arg?.type === 'Identifier' ? fn.params.findIndex((p) => boundNames(p as Node).includes(arg.name)) : -1;
    const options = at >= 0 ? (call.arguments[at] ? unwrap(call.arguments[at] as Node) : null) : arg;
    const resolved = options ? (objectLiteralOf(options, index) ?? options) : null;
    return { chain, options: resolved, spread: resolved ? null : 'options not seen', helper: true };
  }

  function classify(call: TSESTree.CallExpression): Site | null {
    const passed = passedRef(call);
    if (!passed) return classifyAs(call, null);
    const site = classifyAs(call, passed.chain);
    // The request's options are written elsewhere (the helper, the caller's object): no fix is offered at this call.
    return site && (site.via === 'openai' || site.via === 'azure-openai')
      ? { ...site, options: passed.options, passedSpread: passed.spread, passedToHelper: passed.helper }
      : null;
  }

  function classifyAs(call: TSESTree.CallExpression, passedChain: string[] | null): Site | null {
    const callee = unwrap(call.callee);
    const chain = passedChain ?? (memberChain(callee)?.length === 1 ? (methodRefOf(callee) ?? memberChain(callee)) : memberChain(callee));
    const other = chain && chain.length >= 2 ? otherProviderSite(chain, call) : undefined;
    if (other !== undefined) return other;
    if (chain && chain.length >= 2) {
      // openai SDK: <client>.chat.completions.create(...)
      const path = chain.slice(1).join('.');
      for (const m of OPENAI_METHODS) {
        if (path !== m.path && !path.endsWith(`.${m.path}`)) continue;
        const key = chain[0] === 'this' ? chain[1]! : chain[0]!;
        const client = clientByKey(chain, call);
        const trusted =
          (client && client.via !== 'langchain') || importsOpenAi || /openai|gpt|llm|azure/i.test(key) || m.path.startsWith('chat.completions');
        if (!trusted) return null;
        return {
          api: m.api,
          operation: m.path,
          via: client?.via ?? 'openai',
          client,
          options: call.arguments[0] ? (objectLiteralOf(call.arguments[0] as Node, index) ?? unwrap(call.arguments[0] as Node)) : null,
          promptArg: null,
        };
      }
      // openai-node v3 / openai-edge: <OpenAIApi>.createChatCompletion(...)
      const v3 = chain.length === 2 ? OPENAI_V3_METHODS[chain[1]!] : undefined;
      const v3Client = v3 ? clients.get(chain[0]!) : undefined;
      if (v3 && v3Client?.via === 'openai-legacy')
        return {
          api: v3,
          operation: chain[1]!,
          via: 'openai-legacy',
          client: null,
          options: call.arguments[0] ? (objectLiteralOf(call.arguments[0] as Node, index) ?? unwrap(call.arguments[0] as Node)) : null,
          promptArg: null,
        };
      // LangChain: <ChatOpenAI instance>.invoke(...)
      const method = chain[chain.length - 1]!;
      if (LANGCHAIN_METHODS.has(method)) {
        const client = chain.length <= 3 ? (clientByKey(chain, call) ?? undefined) : undefined;
        if (client?.via === 'langchain')
          return {
            api: client.api ?? 'chat',
            operation: `${client.fact.api.replace(/^new /, '')}.${method}`,
            via: 'langchain',
            client,
            options: null,
            promptArg: call.arguments[0] ? unwrap(call.arguments[0] as Node) : null,
          };
      }
    }
    if (callee.type === 'MemberExpression' && unwrap(callee.object).type === 'NewExpression') {
      const client = clientOfNew(callee.object as Node);
      const prop = callee.property.type === 'Identifier' ? callee.property.name : '';
      if (client?.via === 'langchain' && LANGCHAIN_METHODS.has(prop))
        return {
          api: client.api ?? 'chat',
          operation: `${client.fact.api.replace(/^new /, '')}.${prop}`,
          via: 'langchain',
          client,
          options: null,
          promptArg: call.arguments[0] ? unwrap(call.arguments[0] as Node) : null,
        };
    }
    if (callee.type === 'Identifier') {
      // Vercel AI SDK: generateText({ model: openai('gpt-4o'), ... })
      if (callee.name in AI_SDK_FUNCTIONS && fromModule(callee.name, (s) => s === 'ai')) {
        const options = call.arguments[0] ? unwrap(call.arguments[0] as Node) : null;
        const model = objectProps(options).get('model');
        const modelRoot = model ? rootKey(model) : null;
        // The function is the AI SDK's own, so this is a call whatever the model: a provider instance imported here
        // (`openai('gpt-4o')`), a gateway model id (`'openai/gpt-4o'`, `gateway('anthropic/claude-…')`,
        // `gateway.languageModel(…)`: the provider is the id's prefix), or a model made elsewhere (a project function,
        // a provider registry): its provider is not known here.
        const gatewayId = model ? gatewayModelId(model) : null;
        const provider: LlmProvider | null =
          modelRoot && aiProviders.has(modelRoot) ? aiProviders.get(modelRoot)! : gatewayId ? providerOfModel(gatewayId).provider : null;
        return {
          api: AI_SDK_FUNCTIONS[callee.name]!,
          operation: callee.name,
          via: 'ai-sdk',
          client: null,
          options,
          promptArg: null,
          ...(provider !== 'openai' && provider !== 'azure-openai' ? { provider } : {}),
        };
      }
      if (callee.name === 'fetch')
        return httpSite(call, 'fetch', call.arguments[0] as Node | undefined, call.arguments[1] as Node | undefined, 'fetch');
    }
    if (
      chain &&
      chain.length === 2 &&
      (chain[0] === 'axios' || fromModule(chain[0]!, (s) => s === 'axios')) &&
      ['post', 'get', 'request'].includes(chain[1]!)
    ) {
      return httpSite(call, `axios.${chain[1]}`, call.arguments[0] as Node | undefined, call.arguments[1] as Node | undefined, 'axios');
    }
    return null;
  }

  /**
   * A call of another provider's client (llm-providers.ts): a site, null (that client's call but not a generation),
   * or undefined (not another provider's client: the OpenAI classification goes on).
   */
  function otherProviderSite(chain: string[], call: TSESTree.CallExpression): Site | null | undefined {
    const client = clientByKey(chain, call);
    if (!client || (!client.sdk && !client.bedrock)) return undefined;
    const arg = call.arguments[0] ? unwrap(call.arguments[0] as Node) : null;
    if (client.sdk) {
      const m = sdkMethod(client.sdk, chain.slice(chain[0] === 'this' ? 2 : 1).join('.'));
      if (!m) return null;
      return {
        api: m.api,
        operation: m.path,
        via: client.sdk.via,
        client,
        options: arg ? (objectLiteralOf(arg, index) ?? arg) : null,
        promptArg: null,
        provider: client.sdk.provider,
        ...(m.api === 'chat' ? { bound: client.sdk.bound } : {}),
      };
    }
    // Bedrock Runtime: client.send(new ConverseCommand({...})).
    if (chain[chain.length - 1] !== 'send' || arg?.type !== 'NewExpression') return null;
    const cmd = memberChain(arg.callee)?.pop() ?? '';
    const api = BEDROCK.jsCommands[cmd];
    if (!api) return null;
    const input = arg.arguments[0] ? unwrap(arg.arguments[0] as Node) : null;
    return {
      api,
      operation: cmd,
      via: 'bedrock',
      client,
      options: input ? (objectLiteralOf(input, index) ?? input) : null,
      promptArg: null,
      provider: 'bedrock',
      bound: BEDROCK.bound,
      ...(cmd.startsWith('InvokeModel') ? { opaque: BEDROCK.opaqueBody } : {}),
    };
  }

  function httpSite(
    call: TSESTree.CallExpression,
    operation: string,
    urlArg: Node | undefined,
    second: Node | undefined,
    lib: 'fetch' | 'axios',
  ): Site | null {
    if (!urlArg) return null;
    // Every value the URL can take, through reused `endpoint`/`url` names (httpApiOfUrls decides).
    const candidates = stringCandidates(urlArg, index);
    const urlText = candidates[0]!;
    const api = httpApiOfUrls(candidates);
    if (!api) return null;
    const init = second ? unwrap(second) : null;
    let options: Node | null = null;
    let timeout: Site['timeout'];
    if (lib === 'fetch') {
      const props = objectProps(init);
      const body = props.get('body');
      const b = body ? unwrap(body) : null;
      if (b?.type === 'CallExpression' && memberChain(b.callee)?.join('.') === 'JSON.stringify')
        options = b.arguments[0] ? unwrap(b.arguments[0] as Node) : null;
      const signal = props.get('signal');
      const ms =
        signal &&
        unwrap(signal).type === 'CallExpression' &&
        memberChain((unwrap(signal) as TSESTree.CallExpression).callee)?.join('.') === 'AbortSignal.timeout'
          ? constNumber((unwrap(signal) as TSESTree.CallExpression).arguments[0] as Node, index)
          : null;
      timeout = { ms, set: !!signal, slot: init?.type === 'ObjectExpression' ? slotInObject(init, call, text) : null };
    } else {
      options = init;
      const config = call.arguments[2] ? unwrap(call.arguments[2] as Node) : null;
      const t = objectProps(config).get('timeout');
      timeout = {
        ms: t ? constNumber(t, index) : null,
        set: !!t,
        slot:
          config?.type === 'ObjectExpression'
            ? slotInObject(config, call, text)
            : call.arguments.length === 2
              ? { offset: call.arguments[1]!.range[1], prefix: ', { ', suffix: ' }', syntax: 'js' }
              : null,
      };
    }
    return {
      api,
      operation: `${operation} ${urlText.replace(/^https?:\/\/[^/]+/, '').replace(/\{\}/g, '…') || '/'}`,
      via: 'http',
      client: null,
      options,
      promptArg: null,
      timeout,
    };
  }

  // ---- one call ---------------------------------------------------------------------------------------------

  /** A LangChain model made with `cache: new RedisCache(...)` (or `cache: true`, the in-memory default): read first, written after. */
  function langchainCache(site: Site): { cacheLookup: CacheLookupFact; store: StoreWriteFact } | null {
    const own = site.client?.options.get('cache');
    if (!own) return null;
    const v = unwrap(own);
    const cls = v.type === 'NewExpression' ? (memberChain(v.callee)?.pop() ?? '') : constBoolean(v) === true ? 'InMemoryCache' : '';
    const row = LLM_CACHES[cls];
    if (!row) return null;
    let ttl: StoreWriteFact['ttl'] = null;
    if (row.ttlOption && v.type === 'NewExpression') {
      for (const a of v.arguments) {
        const t = objectProps(unwrap(a as Node)).get(row.ttlOption.name);
        if (t) ttl = { seconds: constNumber(t, index), how: `${cls} { ${row.ttlOption.name} }` };
      }
    }
    return llmCacheFacts(cls, row, range(v), ttl);
  }

  /** An options object's properties, through spreads of objects seen here; `spread` names the first one not seen. */
  function optionsOf(options: Node | null): { props: Map<string, Node>; spread: string | null; spreadNode?: Node; spreads: number } {
    const props = new Map<string, Node>();
    let spread: string | null = null;
    let spreadNode: Node | undefined;
    let spreads = 0;
    const visit = (node: Node, depth: number) => {
      const obj = objectLiteralOf(node, index);
      if (!obj || depth > 3) {
        spreads++;
        spreadNode ??= node;
        spread ??= shortText(text, node);
        return;
      }
      for (const p of obj.properties) {
        if (p.type === 'SpreadElement') visit(p.argument, depth + 1);
        else if (p.type === 'Property' && p.computed) {
          // `{ [key]: 500 }`: a constant key is that key; one computed at run time may be the bound.
          const name = constString(p.key as Node, index);
          if (name !== null) props.set(name, p.value as Node);
          else {
            spreads++;
            spread ??= shortText(text, p.key as Node);
          }
        } else {
          const name = propertyName(p);
          if (name) props.set(name, p.value as Node);
        }
      }
    };
    if (options) visit(options, 0);
    return { props, spread, spreadNode, spreads };
  }

  /**
   * `{ ...options }` of a parameter whose every caller passes an object literal (callers in this file and, through the
   * project model, in other files): where they are and the names they pass. Null when a caller passes anything else,
   * or no caller is known (an exported function may be called from outside the project).
   */
  function callerOptions(call: TSESTree.CallExpression, spreadNode: Node | undefined): CallerOptions | null {
    const id = spreadNode ? unwrap(spreadNode) : null;
    const fn = id?.type === 'Identifier' ? index.enclosingFunction(call) : null;
    if (!fn || id?.type !== 'Identifier') return null;
    const position = fn.params.findIndex((p) => {
      const q = p.type === 'AssignmentPattern' ? p.left : p;
      return q.type === 'Identifier' && q.name === id.name;
    });
    const name = position >= 0 ? functionName(fn, index) : null;
    if (!name) return null;
    // Rebound before the call (`options = {...}`): not what the callers pass.
    if (index.within(fn, 'AssignmentExpression').some((a) => a.left.type === 'Identifier' && a.left.name === id.name)) return null;
    const literalKeys = (arg: Node | undefined): string[] | null => {
      const o = arg ? unwrap(arg) : null;
      if (o?.type !== 'ObjectExpression') return null;
      const keys: string[] = [];
      for (const p of o.properties) {
        const k = p.type === 'Property' ? propertyName(p) : null;
        if (!k) return null;
        keys.push(k);
      }
      return keys;
    };
    return optionsFromCallers([
      ...flow.callSitesOf(name, fn).map((site) => ({
        at: `${path}:${lines.position(site.range[0]).line}`,
        keys: literalKeys(site.arguments[position] as Node | undefined),
      })),
      ...(imported?.callers?.(name, lines.position(fn.range[0]).line) ?? []).map((c) => ({
        at: `${c.path}:${c.line}`,
        keys: c.argKeys?.[String(position)] ?? null,
      })),
    ]);
  }

  /** Whether the messages are a history carried from turn to turn (`[...history, msg]`, a list pushed to). */
  function historyIn(m: Node): LlmCallFact['conversation'] {
    const shown = (n: Node) => ({ expr: shortText(text, n), line: range(n).startLine });
    const visit = (node: Node, depth: number): LlmCallFact['conversation'] => {
      const n = unwrap(node);
      if (n.type === 'ArrayExpression') {
        for (const el of n.elements) if (el?.type === 'SpreadElement' && HISTORY_NAME.test(shortText(text, el.argument))) return shown(el);
        return null;
      }
      if (n.type === 'Identifier' && depth < 3) {
        const values = bindingValues(n, index);
        if (values?.length) {
          for (const v of values) {
            const c = visit(v, depth + 1);
            if (c) return c;
          }
          // A list grown with push/concat across turns.
          return HISTORY_NAME.test(n.name) &&
            index.bindingsOf(n.name).decls.length > 0 &&
            index.nodes.some(
              (x) =>
                x.type === 'CallExpression' &&
                x.callee.type === 'MemberExpression' &&
                x.callee.property.type === 'Identifier' &&
                x.callee.property.name === 'push' &&
                x.callee.object.type === 'Identifier' &&
                x.callee.object.name === n.name,
            )
            ? shown(n)
            : null;
        }
      }
      if (n.type === 'CallExpression' && depth < 3)
        for (const a of n.arguments) {
          const c = visit(a as Node, depth + 1);
          if (c) return c;
        }
      return (n.type === 'Identifier' || n.type === 'MemberExpression' || n.type === 'CallExpression') && HISTORY_NAME.test(shortText(text, n))
        ? shown(n)
        : null;
    };
    return visit(m, 0);
  }

  /** The literal text and the run-time parts of a prompt-bearing value (template literals, `+`, messages, constants). */
  function promptParts(root: Node, parts: PromptParts): void {
    const visit = (node: Node, depth: number): void => {
      const x = unwrap(node);
      if (depth > 6) {
        parts.unknowns.push(shortText(text, x));
        return;
      }
      const s = constString(x, index);
      if (s !== null) {
        parts.literals.push(s);
        return;
      }
      switch (x.type) {
        case 'TemplateLiteral':
          parts.literals.push(x.quasis.map((q) => q.value.cooked ?? '').join(''));
          for (const e of x.expressions) visit(e, depth + 1);
          return;
        case 'BinaryExpression':
          if (x.operator === '+') {
            visit(x.left as Node, depth + 1);
            visit(x.right, depth + 1);
            return;
          }
          break;
        case 'ArrayExpression':
          for (const el of x.elements)
            if (el && el.type !== 'SpreadElement') visit(el, depth + 1);
            else if (el) parts.unknowns.push(shortText(text, el));
          return;
        case 'ObjectExpression': {
          const p = objectProps(x);
          if (p.has('role')) parts.messages++;
          const content = p.get('content') ?? p.get('text');
          if (content) visit(content, depth + 1);
          return;
        }
        case 'NewExpression':
        case 'CallExpression':
          // new HumanMessage('...'), new SystemMessage('...')
          if (x.type === 'NewExpression' && /Message$/.test(memberChain(x.callee)?.pop() ?? '')) parts.messages++;
          if (x.arguments.length && x.arguments.every((a) => a.type !== 'SpreadElement')) {
            for (const a of x.arguments) visit(a as Node, depth + 1);
            return;
          }
          break;
        case 'Identifier': {
          const init = index.constInits.get(x.name);
          if (init && depth < 3) {
            visit(init, depth + 1);
            return;
          }
          break;
        }
        default:
          break;
      }
      parts.unknowns.push(shortText(text, x));
    };
    visit(root, 0);
  }

  // ---- context: loops and request handlers -------------------------------------------------------------------

  function loopOf(call: Node): LlmLoop | null {
    return contextOf(call, (node) => loopAround(node) ?? iteratedBy(node), firstCaller);
  }

  /** The loop (or iterating callback, `Promise.all`) around a node inside its function. */
  function loopAround(node: Node): LlmLoop | null {
    for (const a of index.ancestors(node)) {
      if (LOOP_TYPES.has(a.type) && !retryLoop(a) && !untilCallYields(a, node))
        return {
          kind: a.type === 'ForOfStatement' ? 'for-of' : a.type === 'ForInStatement' ? 'for-in' : a.type === 'ForStatement' ? 'for' : 'while',
          line: range(a).startLine,
          trips: tripsOf(loopHead(a)),
        };
      if (FUNCTION_TYPES.has(a.type)) {
        const p = index.parent(a);
        if (p?.type === 'CallExpression' && p.arguments.includes(a as TSESTree.CallExpressionArgument)) {
          const m = memberChain(p.callee);
          const method = m?.[m.length - 1];
          if (method && ITERATING_METHODS.has(method)) {
            const arr = p.callee.type === 'MemberExpression' ? unwrap(p.callee.object) : null;
            return { kind: method, line: range(p).startLine, trips: arr?.type === 'ArrayExpression' ? arr.elements.length : null };
          }
        }
        return null;
      }
      if (
        a.type === 'CallExpression' &&
        memberChain(a.callee)
          ?.join('.')
          .match(/^Promise\.(all|allSettled|race|any)$/)
      )
        return { kind: 'Promise.all', line: range(a).startLine, trips: null };
    }
    return null;
  }

  /** A function passed by name to an iterating method (`items.map(summarise)`) runs once per element. */
  function iteratedBy(node: Node): LlmLoop | null {
    const fn = index.enclosingFunction(node);
    const name = fn ? functionName(fn, index) : null;
    if (!fn || !name) return null;
    for (const n of flow.passedAsValue(name)) {
      if (n.range[0] >= fn.range[0] && n.range[1] <= fn.range[1]) continue;
      const m = memberChain(n.callee);
      const method = m?.[m.length - 1];
      if (method && ITERATING_METHODS.has(method) && n.arguments.some((a) => a.type === 'Identifier' && a.name === name))
        return { kind: method, line: range(n).startLine, trips: null };
    }
    return null;
  }

  /** The first same-file call of the function around `node`: one level of callers for loop and handler context. */
  function firstCaller(node: Node): Node | undefined {
    const fn = index.enclosingFunction(node);
    const name = fn ? functionName(fn, index) : null;
    return fn && name ? flow.callSitesOf(name, fn)[0] : undefined;
  }

  /** `while (!answer) { … answer = r.choices[0].message.content }` (llm-site-core.ts untilResult). */
  function untilCallYields(loop: Node, call: Node): boolean {
    if (loop.type !== 'WhileStatement' && loop.type !== 'DoWhileStatement') return false;
    let cur: Node = call;
    for (let p = index.parent(cur); p; cur = p, p = index.parent(p)) {
      if (
        p.type === 'AwaitExpression' ||
        p.type === 'ChainExpression' ||
        p.type === 'TSAsExpression' ||
        (p.type === 'MemberExpression' && p.object === cur)
      )
        continue;
      break;
    }
    const p = index.parent(cur);
    const bound =
      p?.type === 'VariableDeclarator' && p.init === cur
        ? boundNames(p.id)
        : p?.type === 'AssignmentExpression' && p.right === cur
          ? boundNames(p.left as Node)
          : [];
    const bindings = [
      ...index.within(loop, 'VariableDeclarator').map((d) => ({ to: boundNames(d.id), from: d.init ? index.namesIn(d.init) : [] })),
      ...index.within(loop, 'AssignmentExpression').map((x) => ({ to: boundNames(x.left as Node), from: index.namesIn(x.right) })),
      // `for await (const chunk of stream)` binds `chunk` from the stream.
      ...index.within(loop, 'ForOfStatement').map((x) => ({
        to: x.left.type === 'VariableDeclaration' ? x.left.declarations.flatMap((d) => boundNames(d.id)) : boundNames(x.left as Node),
        from: index.namesIn(x.right),
      })),
    ];
    return untilResult(index.namesIn(loop.test), bound, bindings);
  }

  function retryLoop(loop: Node): boolean {
    const body = 'body' in loop ? (loop as TSESTree.ForStatement).body : null;
    return isRetryLoop(
      body?.type === 'BlockStatement' ? body.body : [],
      (s) => (s.type === 'TryStatement' ? s.block.body : null),
      (s) => s.type === 'BreakStatement' || s.type === 'ReturnStatement',
    );
  }

  function loopHead(loop: Node): LoopHead | null {
    if (loop.type === 'ForOfStatement') {
      const r = unwrap(loop.right);
      return r.type === 'ArrayExpression' ? { items: r.elements.length } : null;
    }
    if (loop.type === 'ForStatement' && loop.test?.type === 'BinaryExpression' && (loop.test.operator === '<' || loop.test.operator === '<=')) {
      const init = loop.init?.type === 'VariableDeclaration' ? loop.init.declarations[0]?.init : null;
      const start = init ? constNumber(init, index) : null;
      const end = constNumber(loop.test.right, index);
      if (start !== null && end !== null) return { start, end, inclusive: loop.test.operator === '<=' };
    }
    return null;
  }

  function handlerOf(call: Node): { framework: string; line: number } | null {
    return contextOf(
      call,
      (node) => {
        for (const a of index.ancestors(node)) {
          if (!FUNCTION_TYPES.has(a.type)) continue;
          const h = handlerFunction(a as FunctionNode);
          if (h) return h;
        }
        return null;
      },
      firstCaller,
    );
  }

  function handlerFunction(fn: FunctionNode): { framework: string; line: number } | null {
    const p = index.parent(fn);
    const line = range(fn).startLine;
    if (p?.type === 'CallExpression' && p.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
      const chain = memberChain(p.callee);
      const method = chain?.[chain.length - 1];
      if (
        chain &&
        chain.length >= 2 &&
        method &&
        HANDLER_METHODS.has(method) &&
        p.arguments[0] &&
        constString(p.arguments[0] as Node, index)?.startsWith('/')
      ) {
        return { framework: /fastify/i.test(chain[0]!) ? 'fastify' : 'express', line };
      }
    }
    // Next.js: app router `export async function POST(req)`, pages router `export default function handler(req, res)`.
    const name = functionName(fn, index);
    const exported =
      p?.type === 'ExportNamedDeclaration' ||
      p?.type === 'ExportDefaultDeclaration' ||
      (p?.type === 'VariableDeclarator' && index.parent(index.parent(p)!)?.type === 'ExportNamedDeclaration');
    if (exported && name && NEXT_HANDLERS.has(name)) return { framework: 'next', line };
    if (p?.type === 'ExportDefaultDeclaration' && fn.params.length === 2) return { framework: 'next', line };
    return null;
  }

  // ---- secrets ----------------------------------------------------------------------------------------------

  function findSecrets(): SecretFact[] {
    const out: SecretFact[] = [];
    const seen = new Set<number>();
    for (const n of index.nodes) {
      let raw: string | null = null;
      if (n.type === 'Literal' && typeof n.value === 'string') raw = n.value;
      else if (n.type === 'TemplateElement') raw = n.value.cooked ?? n.value.raw;
      if (!raw) continue;
      const key = keyIn(raw, () => isKeyProperty(n), path);
      if (!key || seen.has(n.range[0])) continue;
      seen.add(n.range[0]);
      const { env, kind, who } = keyOwner(key, text.slice(Math.max(0, n.range[0] - 200), n.range[0]));
      let replacement = `process.env.${env}`;
      if (n.type === 'Literal' && raw !== key) {
        // Every key in the literal is replaced, so a second one does not stay behind in the fixed code.
        const literal = raw;
        const cuts: Array<[number, number]> = [];
        for (const m of literal.matchAll(new RegExp(OPENAI_KEY.source, 'g'))) cuts.push([m.index!, m.index! + m[0].length]);
        if (!cuts.some(([a]) => a === literal.indexOf(key))) cuts.push([literal.indexOf(key), literal.indexOf(key) + key.length]);
        cuts.sort((a, b) => a[0] - b[0]);
        let body = '';
        let from = 0;
        for (const [a, b] of cuts) {
          if (a < from) continue;
          body += `${escapeTemplate(literal.slice(from, a))}\${process.env.${env}}`;
          from = b;
        }
        replacement = `\`${body}${escapeTemplate(literal.slice(from))}\``;
      }
      if (n.type === 'TemplateElement') {
        // Inside a template: splice `${process.env.X}` in place of the key only.
        const at = text.indexOf(key, n.range[0]);
        if (at < 0 || at > n.range[1]) continue;
        out.push({
          masked: maskKey(key),
          kind,
          ...who,
          line: lines.position(at).line,
          range: lines.range(at, at + key.length),
          startOffset: at,
          endOffset: at + key.length,
          replacement: `\${process.env.${env}}`,
          importEdit: null,
        });
        continue;
      }
      out.push({
        masked: maskKey(key),
        kind,
        ...who,
        line: range(n).startLine,
        range: range(n),
        startOffset: n.range[0],
        endOffset: n.range[1],
        replacement,
        importEdit: null,
      });
    }
    return out;
  }

  function isKeyProperty(n: Node): boolean {
    const p = index.parent(n);
    if (p?.type === 'Property' && p.value === n) {
      const name = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : '';
      return /^(apiKey|api_key|openAIApiKey|azureOpenAIApiKey|anthropicApiKey|api-key|x-api-key|x-goog-api-key)$/i.test(name);
    }
    if (p?.type === 'VariableDeclarator' && p.init === n && p.id.type === 'Identifier')
      return /^(OPENAI_API_KEY|AZURE_OPENAI_API_KEY|OPENAI_KEY|ANTHROPIC_API_KEY|GEMINI_API_KEY|GOOGLE_API_KEY|apiKey|openaiApiKey|openAiKey)$/i.test(
        p.id.name,
      );
    return false;
  }
}

function escapeTemplate(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

/** Where a property can be added to an options object (or an object inserted into an empty call). */
export function slotInObject(obj: Node | null | undefined, call: Node | null, text: string): InsertSlot | null {
  if (obj?.type === 'ObjectExpression') {
    const last = obj.properties[obj.properties.length - 1];
    if (last) {
      const multiline = text.slice(obj.range[0], obj.range[1]).includes('\n');
      const indent = multiline ? (indentBefore(text, last.range[0]) ?? '  ') : '';
      const trailingComma = /^\s*,/.test(text.slice(last.range[1], obj.range[1] - 1));
      if (trailingComma) {
        const comma = text.indexOf(',', last.range[1]);
        return { offset: comma + 1, prefix: multiline ? `\n${indent}` : ' ', suffix: multiline ? ',' : ',', syntax: 'js' };
      }
      return { offset: last.range[1], prefix: multiline ? `,\n${indent}` : ', ', suffix: '', syntax: 'js' };
    }
    return { offset: obj.range[0] + 1, prefix: ' ', suffix: ' ', syntax: 'js' };
  }
  if (!obj && call && (call.type === 'NewExpression' || call.type === 'CallExpression') && call.arguments.length === 0) {
    const open = text.indexOf('(', (call.type === 'NewExpression' ? call.callee : call.callee).range[1]);
    if (open >= 0 && open < call.range[1]) return { offset: open + 1, prefix: '{ ', suffix: ' }', syntax: 'js' };
  }
  return null;
}
