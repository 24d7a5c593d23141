// OpenAI call sites in Python: openai >= 1 (OpenAI, AsyncOpenAI, AzureOpenAI), the legacy module-level API
// (openai.ChatCompletion.create), langchain_openai, and raw requests/httpx/aiohttp posts to the API host. The same
// facts as the JS/TS extractor: kind, model, output bound, loop/handler context, prompt tokens, and where the
// result goes (llm-py-flow.ts).
import type { ParsedSource, SyntaxNode } from '../parse/tree-sitter';
import type { InsertSlot, LlmApiKind, LlmCallFact, LlmClientFact, LlmFileFacts, LlmLoop, LlmVia, SecretFact, TextEdit } from '../model/types';
import { promptTokens } from '../sizing/llm-models';
import { HTTP_PATHS, LANGCHAIN_CLASSES, LANGCHAIN_METHODS, MAX_TOKENS_NAME, MAX_TOKENS_PARAMS, OPENAI_HOST, OPENAI_KEY, OPENAI_LEGACY_METHODS, OPENAI_METHODS, PLACEHOLDER_KEY, maskKey } from './llm-api-table';
import { PyFlow } from './llm-py-flow';
import { callArgs, importAliases, IMPORT_TYPES } from './py-syntax';
import { LineMap, NodeIndex, children, collapse, field, indentBefore } from './syntax';
import type { ImportedLookup } from '../project/types';

const INDEX_TYPES: ReadonlySet<string> = new Set([...IMPORT_TYPES, 'call', 'assignment', 'augmented_assignment', 'function_definition', 'string', 'concatenated_string']);
const PY_LOOPS: ReadonlySet<string> = new Set(['for_statement', 'while_statement', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const HANDLER_DECORATOR = /^@\s*[\w.]+\.(get|post|put|patch|delete|route|api_route|websocket)\s*\(/;

interface ClientInfo {
  via: LlmVia;
  api: LlmApiKind | null;
  fact: LlmClientFact;
  keywords: Map<string, SyntaxNode>;
  node: SyntaxNode;
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

  // Module- and function-level `NAME = "literal"` bindings, for prompts and models held in constants.
  const constants = new Map<string, SyntaxNode>();
  for (const a of assignments) {
    const left = field(a, 'left');
    const right = field(a, 'right');
    if (left?.type === 'identifier' && right && !constants.has(left.text)) constants.set(left.text, right);
  }
  const str = (node: SyntaxNode | null | undefined, depth = 0): string | null => {
    if (!node || depth > 4) return null;
    if (node.type === 'string') {
      if (children(node).some((c) => c.type === 'interpolation')) return null;
      return children(node).filter((c) => c.type === 'string_content' || c.type === 'escape_sequence').map((c) => c.text).join('');
    }
    if (node.type === 'concatenated_string') {
      const parts = children(node).map((c) => str(c, depth + 1));
      return parts.every((p) => p !== null) ? parts.join('') : null;
    }
    if (node.type === 'identifier') return str(constants.get(node.text), depth + 1);
    if (node.type === 'parenthesized_expression') return str(children(node)[0], depth + 1);
    return null;
  };
  const num = (node: SyntaxNode | null | undefined, depth = 0): number | null => {
    if (!node || depth > 4) return null;
    if (node.type === 'integer' || node.type === 'float') {
      const v = Number(node.text.replace(/_/g, ''));
      return Number.isFinite(v) ? v : null;
    }
    if (node.type === 'identifier') return num(constants.get(node.text), depth + 1);
    if (node.type === 'parenthesized_expression') return num(children(node)[0], depth + 1);
    if (node.type === 'unary_operator' && node.text.startsWith('-')) {
      const v = num(field(node, 'argument'), depth + 1);
      return v === null ? null : -v;
    }
    if (node.type === 'binary_operator') {
      const a = num(field(node, 'left'), depth + 1);
      const b = num(field(node, 'right'), depth + 1);
      const op = field(node, 'operator')?.text;
      if (a === null || b === null) return null;
      return op === '*' ? a * b : op === '+' ? a + b : op === '-' ? a - b : op === '/' && b !== 0 ? a / b : null;
    }
    return null;
  };
  const bool = (node: SyntaxNode | null | undefined) => (node?.type === 'true' ? true : node?.type === 'false' ? false : null);
  const keyOf = (chain: string[]) => (chain[0] === 'self' ? chain[1] ?? 'self' : chain[0]!);

  // Clients: `client = OpenAI(...)`, `self.llm = ChatOpenAI(...)`.
  const clients = new Map<string, ClientInfo>();
  const clientOfCall = (call: SyntaxNode): ClientInfo | null => {
    if (call.type !== 'call') return null;
    const fn = field(call, 'function');
    const q = fn ? qualify(fn.text) : null;
    if (!q) return null;
    const cls = q.split('.').pop()!;
    let via: LlmVia | null = null;
    let api: LlmApiKind | null = null;
    if (/^openai\.(Async)?(Azure)?OpenAI$/.test(q)) via = /Azure/.test(cls) ? 'azure-openai' : 'openai';
    else if (/^(langchain_openai|langchain\.|langchain_community\.)/.test(q) && cls in LANGCHAIN_CLASSES) { via = 'langchain'; api = LANGCHAIN_CLASSES[cls]!; }
    if (!via) return null;
    const a = callArgs(call);
    const timeout = a.keywords.get('timeout') ?? a.keywords.get('request_timeout');
    const retries = a.keywords.get('max_retries');
    const seconds = num(timeout);
    const fact: LlmClientFact = {
      via, api: fn!.text, line: range(call).startLine, range: range(call),
      timeoutMs: seconds === null ? null : seconds * 1000, timeoutSet: !!timeout, maxRetries: num(retries), maxRetriesSet: !!retries, optionsSlot: kwargSlot(call),
    };
    return { via, api, fact, keywords: a.keywords, node: call };
  };
  for (const a of assignments) {
    const left = field(a, 'left');
    const right = field(a, 'right');
    if (!left || !right) continue;
    const client = clientOfCall(right);
    if (!client) continue;
    const chain = left.text.split('.');
    clients.set(keyOf(chain), client);
    facts.clients.push(client.fact);
  }

  // Clients made in another project file: an imported instance, or `client = get_client()` of an imported factory.
  const importedClient = (dotted: string, at: SyntaxNode, factory: boolean): ClientInfo | null => {
    const parts = collapse(dotted).split('.');
    if (!imported || parts[0] === 'self' || parts.some((p) => !/^\w+$/.test(p))) return null;
    const sym = imported.symbol(parts[0]!, parts.slice(1));
    const c = sym?.facts.client;
    if (!c || c.factory !== factory) return null;
    return {
      via: c.via, api: c.api ?? null, keywords: new Map(), node: at,
      fact: { via: c.via, api: `${sym!.name} (${sym!.path})`, line: range(at).startLine, range: range(at), timeoutMs: c.timeoutMs, timeoutSet: c.timeoutSet, maxRetries: c.maxRetries, maxRetriesSet: c.maxRetriesSet, optionsSlot: null },
    };
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
  const clientOf = (chain: string[], call: SyntaxNode): ClientInfo | null => clients.get(keyOf(chain)) ?? (chain[0] === 'self' ? null : importedClient(chain[0]!, call, false) ?? (chain.length > 2 ? importedClient(chain.slice(0, 2).join('.'), call, false) : null));

  const flow = new PyFlow(root, text, lines, aliases, qualify, str, num, functions, calls, assignments, imported);
  /** Project model: a model name or limit held in a constant another project file exports (`model=MODEL`). */
  const importedConst = (node: SyntaxNode): string | number | null => {
    const parts = imported && (node.type === 'identifier' || node.type === 'attribute') ? collapse(node.text).split('.') : null;
    return parts && aliases.has(parts[0]!) ? imported!.symbol(parts[0]!, parts.slice(1))?.facts.constant ?? null : null;
  };
  const numberOrNull = (v: string | number | null) => (typeof v === 'number' ? v : null);

  for (const call of calls) {
    const site = classify(call);
    if (site) facts.calls.push(buildCall(call, site));
  }
  facts.secrets = findSecrets();
  return facts;

  // ---- classification ---------------------------------------------------------------------------------------

  interface Site {
    api: LlmApiKind;
    operation: string;
    via: LlmVia;
    client: ClientInfo | null;
    keywords: Map<string, SyntaxNode>;
    promptArg: SyntaxNode | null;
    timeout?: { seconds: number | null; set: boolean };
  }

  function classify(call: SyntaxNode): Site | null {
    const fn = field(call, 'function');
    if (!fn) return null;
    const a = callArgs(call);
    if (fn.type === 'attribute') {
      const chain = collapse(fn.text).split('.');
      const path = chain.slice(1).join('.');
      const q = qualify(chain.join('.'));
      // Legacy: openai.ChatCompletion.create(...)
      if (q?.startsWith('openai.')) {
        const legacy = OPENAI_LEGACY_METHODS[q.slice('openai.'.length)];
        if (legacy) return { api: legacy, operation: q.slice('openai.'.length), via: 'openai-legacy', client: null, keywords: a.keywords, promptArg: null };
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
        return { api: client.api ?? 'chat', operation: `${client.fact.api}.${method}`, via: 'langchain', client, keywords: client.keywords, promptArg: a.positional[0] ?? a.keywords.get('input') ?? a.keywords.get('texts') ?? a.keywords.get('text') ?? null };
      }
      // Raw HTTP: requests.post(url, json=...), httpx / aiohttp session.post(...)
      if (/^(post|request|get)$/.test(method)) {
        const url = a.positional[method === 'request' ? 1 : 0] ?? a.keywords.get('url');
        const urlText = url ? (str(url) ?? (url.type === 'string' ? url.text : '')) : '';
        if (!OPENAI_HOST.test(urlText)) return null;
        const api = HTTP_PATHS.find((p) => p.pattern.test(urlText))?.api ?? 'chat';
        const body = a.keywords.get('json') ?? a.keywords.get('data');
        const keywords = body?.type === 'dictionary' ? dictEntries(body) : new Map<string, SyntaxNode>();
        const t = a.keywords.get('timeout');
        return { api, operation: `${chain.join('.')} ${urlText.replace(/^[fFrRbB]*['"]|['"]$/g, '').replace(/^https?:\/\/[^/]+/, '') || '/'}`, via: 'http', client: null, keywords, promptArg: null, timeout: { seconds: num(t), set: !!t || flow.sessionHasTimeout(field(fn, 'object')) } };
      }
      return null;
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

  function buildCall(call: SyntaxNode, site: Site): LlmCallFact {
    const clientKw = site.via === 'langchain' ? new Map<string, SyntaxNode>() : site.client?.keywords ?? new Map<string, SyntaxNode>();
    const get = (...names: string[]) => {
      for (const nm of names) if (site.keywords.has(nm)) return { name: nm, node: site.keywords.get(nm)! };
      for (const nm of names) if (clientKw.has(nm)) return { name: nm, node: clientKw.get(nm)! };
      return null;
    };
    const modelProp = get('model', 'model_name', 'engine', 'deployment_name', 'azure_deployment');
    const modelConst = modelProp ? str(modelProp.node) ?? importedConst(modelProp.node) : null;
    const model = typeof modelConst === 'string' ? modelConst : null;
    const maxTok = get(...MAX_TOKENS_PARAMS);
    const stream = /stream$/.test(site.operation) || bool(get('stream', 'streaming')?.node) === true;
    const fnNode = enclosingFunction(call);
    const prompt = promptOf(site, model);
    const inputNode = site.api === 'embeddings' ? (site.keywords.get('input') ?? site.promptArg) : null;
    const client = site.client?.fact ?? (site.timeout ? {
      via: 'http' as const, api: site.operation.split(' ')[0]!, line: range(call).startLine, range: range(call),
      timeoutMs: site.timeout.seconds === null ? null : site.timeout.seconds * 1000, timeoutSet: site.timeout.set, maxRetries: null, maxRetriesSet: false, optionsSlot: kwargSlot(call),
    } : null);
    const { stores, cacheLookup } = flow.follow(call, site.promptArg ?? field(call, 'arguments'));
    return {
      api: site.api, operation: site.operation, via: site.via, line: range(call).startLine, range: range(call),
      function: fnNode ? field(fnNode, 'name')?.text ?? null : null,
      model, modelExpr: modelProp && model === null ? collapse(modelProp.node.text).slice(0, 40) : null,
      maxTokens: maxTok ? num(maxTok.node) ?? numberOrNull(importedConst(maxTok.node)) : null, maxTokensParam: maxTok?.name ?? null,
      maxTokensName: site.api === 'embeddings' ? null : site.via === 'langchain' ? 'max_tokens' : site.via === 'openai-legacy' ? 'max_tokens' : MAX_TOKENS_NAME[site.api] ?? null,
      stream, n: num(get('n')?.node) ?? 1, dimensions: num(get('dimensions')?.node), batchInputs: inputNode?.type === 'list' ? children(inputNode).length : null,
      client, loop: loopOf(call), handler: handlerOf(call),
      promptLiteralTokens: prompt.tokens, promptUnknowns: prompt.unknowns,
      stores, cacheLookup,
      optionsSlot: site.via === 'langchain' ? (site.client && site.client.fact.optionsSlot !== null ? kwargSlot(site.client.node) : null) : site.via === 'http' ? null : kwargSlot(call),
    };
  }

  function promptOf(site: Site, model: string | null): { tokens: number; unknowns: string[] } {
    const literals: string[] = [];
    const unknowns: string[] = [];
    let messages = 0;
    const visit = (node: SyntaxNode, depth: number): void => {
      if (depth > 6) { unknowns.push(collapse(node.text).slice(0, 40)); return; }
      const s = str(node);
      if (s !== null) { literals.push(s); return; }
      switch (node.type) {
        case 'string':
          for (const c of children(node)) {
            if (c.type === 'string_content') literals.push(c.text);
            else if (c.type === 'interpolation') unknowns.push(collapse(c.text).slice(1, -1).slice(0, 40));
          }
          return;
        case 'concatenated_string':
        case 'list':
        case 'tuple':
          for (const c of children(node)) visit(c, depth + 1);
          if (node.type === 'tuple' && depth > 0) messages++;
          return;
        case 'binary_operator':
          visit(field(node, 'left')!, depth + 1);
          visit(field(node, 'right')!, depth + 1);
          return;
        case 'dictionary': {
          const d = dictEntries(node);
          if (d.has('role')) messages++;
          const content = d.get('content') ?? d.get('text');
          if (content) visit(content, depth + 1);
          return;
        }
        case 'call': {
          const name = field(node, 'function')?.text ?? '';
          if (/Message$/.test(name)) messages++;
          const a = callArgs(node);
          const parts = [...a.positional, ...(a.keywords.has('content') ? [a.keywords.get('content')!] : [])];
          if (parts.length) { for (const p of parts) visit(p, depth + 1); return; }
          break;
        }
        case 'identifier': {
          const v = constants.get(node.text);
          if (v && depth < 3) { visit(v, depth + 1); return; }
          break;
        }
        default:
          break;
      }
      unknowns.push(collapse(node.text).slice(0, 40));
    };
    if (site.promptArg) visit(site.promptArg, 0);
    for (const key of ['messages', 'input', 'prompt', 'instructions']) {
      const v = site.keywords.get(key);
      if (v) visit(v, 0);
    }
    if (site.api === 'chat' && messages === 0 && literals.length + unknowns.length > 0) messages = 1;
    return { tokens: promptTokens(literals, messages, site.api, model), unknowns: [...new Set(unknowns)] };
  }

  // ---- context ----------------------------------------------------------------------------------------------

  function enclosingFunction(node: SyntaxNode): SyntaxNode | null {
    for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition') return p;
    return null;
  }

  function callersOf(fn: SyntaxNode): SyntaxNode[] {
    const name = field(fn, 'name')?.text;
    return name ? flow.callSitesOf(name, fn) : [];
  }

  function loopOf(call: SyntaxNode): LlmLoop | null {
    let node = call;
    for (let hops = 0; hops < 2; hops++) {
      let fn: SyntaxNode | null = null;
      for (let p = node.parent; p; p = p.parent) {
        if (p.type === 'function_definition') { fn = p; break; }
        if (PY_LOOPS.has(p.type)) return { kind: p.type === 'for_statement' ? 'for' : p.type === 'while_statement' ? 'while' : 'comprehension', line: range(p).startLine, trips: tripsOf(p) };
      }
      const caller = fn ? callersOf(fn)[0] : undefined;
      if (!caller) return null;
      node = caller;
    }
    return null;
  }

  function tripsOf(loop: SyntaxNode): number | null {
    const right = loop.type === 'for_statement' ? field(loop, 'right') : children(loop).find((c) => c.type === 'for_in_clause') ? field(children(loop).find((c) => c.type === 'for_in_clause')!, 'right') : null;
    if (!right) return null;
    if (right.type === 'list' || right.type === 'tuple') return children(right).length;
    if (right.type === 'call' && field(right, 'function')?.text === 'range') {
      const a = callArgs(right).positional.map((x) => num(x));
      if (a.length === 1 && a[0] !== null) return Math.max(0, a[0]!);
      if (a.length >= 2 && a[0] !== null && a[1] !== null) return Math.max(0, a[1]! - a[0]!);
    }
    return null;
  }

  function handlerOf(call: SyntaxNode): { framework: string; line: number } | null {
    let node = call;
    for (let hops = 0; hops < 2; hops++) {
      const fn = enclosingFunction(node);
      if (!fn) return null;
      const dec = fn.parent?.type === 'decorated_definition' ? fn.parent : null;
      for (const d of dec ? children(dec).filter((c) => c.type === 'decorator') : []) {
        const t = collapse(d.text);
        if (HANDLER_DECORATOR.test(t)) {
          const flask = /\.route\s*\(/.test(t) && [...aliases.values()].some((m) => m.startsWith('flask'));
          return { framework: flask ? 'flask' : [...aliases.values()].some((m) => m.startsWith('flask')) ? 'flask' : 'fastapi', line: range(fn).startLine };
        }
        if (/^@\s*(api_view|require_(GET|POST|http_methods)|csrf_exempt)\b/.test(t)) return { framework: 'django', line: range(fn).startLine };
      }
      const params = field(fn, 'parameters');
      const first = params ? children(params)[0] : null;
      if (first?.text === 'request' && [...aliases.values()].some((m) => m.startsWith('django'))) return { framework: 'django', line: range(fn).startLine };
      const caller = callersOf(fn)[0];
      if (!caller) return null;
      node = caller;
    }
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
        const key = raw.match(OPENAI_KEY)?.[0] ?? (isKeyBinding(s) && raw.length >= 20 && !/\s/.test(raw) ? raw : null);
        if (!key || PLACEHOLDER_KEY.test(key)) continue;
        const env = /azure/i.test(text.slice(Math.max(0, s.startIndex - 200), s.startIndex)) && !key.startsWith('sk-') ? 'AZURE_OPENAI_API_KEY' : 'OPENAI_API_KEY';
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
          out.push({ masked: maskKey(key), kind: key.match(OPENAI_KEY) ? 'openai-key' : 'api-key-literal', line: lines.position(c.startIndex + raw.indexOf(key)).line, range: lines.range(c.startIndex + raw.indexOf(key), c.startIndex + raw.indexOf(key) + key.length), startOffset: s.startIndex, endOffset: s.endIndex, replacement: bytes ? `${literal}.encode('latin-1')` : literal, importEdit });
          continue;
        }
        out.push({ masked: maskKey(key), kind: key.match(OPENAI_KEY) ? 'openai-key' : 'api-key-literal', line: lines.position(startOffset).line, range: lines.range(startOffset, endOffset), startOffset, endOffset, replacement, importEdit });
      }
    }
    return out;
  }

  function isKeyBinding(s: SyntaxNode): boolean {
    const p = s.parent;
    if (p?.type === 'keyword_argument') return /^(api_key|openai_api_key|azure_api_key)$/.test(field(p, 'name')?.text ?? '');
    if (p?.type === 'assignment' && field(p, 'right')?.startIndex === s.startIndex) return /(^|\.)(api_key|OPENAI_API_KEY|AZURE_OPENAI_API_KEY|OPENAI_KEY)$/i.test(field(p, 'left')?.text ?? '');
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
    const indent = multiline ? indentBefore(text, last.startIndex) ?? '    ' : '';
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
    if (line.startsWith('import') && /^import\s+([\w., ]*)/.exec(line)?.[1]?.split(/[\s,]+/).some((m) => m === 'os' || m.startsWith('os.'))) return true;
    start = end + 1;
  }
  return false;
}
