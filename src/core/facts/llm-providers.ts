// LLM providers other than OpenAI, as data: which SDK client classes, methods and parameters each one has, so the
// JS/TS and Python extractors recognise an Anthropic, Google GenAI, AWS Bedrock or LiteLLM call as a row here and
// reuse the OpenAI call-site analysis (model, output bound, prompt, loop, handler, stores) for it.
// SDK surfaces as documented in each SDK's README / API reference (read 2026-12-03): anthropic-sdk-typescript and
// anthropic-sdk-python (`messages.create`, `messages.stream`, `messages.batches.create`), googleapis/js-genai and
// python-genai (`models.generateContent` / `models.generate_content`, `config.maxOutputTokens`), AWS SDK for
// JavaScript v3 client-bedrock-runtime and boto3 bedrock-runtime (`converse`, `invoke_model`,
// `inferenceConfig.maxTokens`), LiteLLM (`completion`, `acompletion`, `embedding`, `provider/model` strings).
import type { LlmApiKind, LlmProvider, LlmVia } from '../model/types';
import { lookupTable } from '../model/lookup';

/** How each provider is named in messages and reports. */
export const PROVIDER_NAMES: Readonly<Record<LlmProvider, string>> = {
  openai: 'OpenAI',
  'azure-openai': 'Azure OpenAI',
  anthropic: 'Anthropic',
  google: 'Google Gemini',
  bedrock: 'AWS Bedrock',
};

/** The provider id @pydantic/genai-prices files each provider's prices under (Azure OpenAI is priced as OpenAI). */
export const PRICE_PROVIDER_IDS: Readonly<Record<LlmProvider, string>> = {
  openai: 'openai',
  'azure-openai': 'openai',
  anthropic: 'anthropic',
  google: 'google',
  bedrock: 'aws',
};

/** The environment variable each provider's SDK reads its key from (the key fix writes this). */
export const KEY_ENV: Readonly<Record<LlmProvider, string>> = {
  openai: 'OPENAI_API_KEY',
  'azure-openai': 'AZURE_OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  google: 'GEMINI_API_KEY',
  bedrock: 'AWS_BEARER_TOKEN_BEDROCK',
};

/**
 * Where a provider's output bound goes. `in` names the options object it is nested in (`config` for Google GenAI,
 * `inferenceConfig` for Bedrock Converse). `required`: the API rejects a request without it (Anthropic Messages:
 * "max_tokens: required", docs.anthropic.com/en/api/messages, read 2026-12-03; the TypeScript SDK's
 * MessageCreateParams types it as required too).
 */
export interface OutputBound {
  name: string;
  in?: string;
  required?: boolean;
}

export interface ProviderSdk {
  provider: LlmProvider;
  via: LlmVia;
  /** npm packages (JS) or Python modules, by exact name or prefix + '/' or '.'. */
  modules: readonly string[];
  /** Client classes (JS constructors; Python classes, qualified as imported). */
  classes: readonly string[];
  /** Method paths after the client, longest first. */
  methods: ReadonlyArray<{ path: string; api: LlmApiKind }>;
  /** Option names that hold the model. */
  model: readonly string[];
  bound: OutputBound;
  /** Prompt-bearing options. */
  prompt: readonly string[];
  /** Whether the SDK's default timeout is the OpenAI-style 10 minutes with 2 retries (the timeout rule's wording). */
  openAiStyleTimeout: boolean;
}

/**
 * Anthropic: timeout 10 minutes and 2 retries by default, as OpenAI (anthropic-sdk-typescript / -python README,
 * "Timeouts", "Retries"). Google GenAI and Bedrock have other defaults (no client timeout / botocore's 60 s read
 * timeout), so the timeout rule, whose message states the OpenAI defaults, does not speak for them.
 */
/**
 * The Messages API is the same in Anthropic's TypeScript and Python SDKs (and their Bedrock/Vertex clients): one row of
 * methods, model and bound, with each SDK's modules and classes beside it.
 */
const ANTHROPIC_API: Omit<ProviderSdk, 'modules' | 'classes'> = {
  provider: 'anthropic',
  via: 'anthropic',
  methods: [
    { path: 'beta.messages.batches.create', api: 'batch' },
    { path: 'messages.batches.create', api: 'batch' },
    { path: 'beta.messages.create', api: 'chat' },
    { path: 'beta.messages.stream', api: 'chat' },
    { path: 'messages.create', api: 'chat' },
    { path: 'messages.stream', api: 'chat' },
  ],
  model: ['model'],
  bound: { name: 'max_tokens', required: true },
  prompt: ['messages', 'system'],
  openAiStyleTimeout: true,
};

export const JS_SDKS: readonly ProviderSdk[] = [
  {
    ...ANTHROPIC_API,
    modules: ['@anthropic-ai/sdk', '@anthropic-ai/bedrock-sdk', '@anthropic-ai/vertex-sdk'],
    classes: ['Anthropic', 'AnthropicBedrock', 'AnthropicVertex'],
  },
  {
    provider: 'google',
    via: 'google-genai',
    modules: ['@google/genai'],
    classes: ['GoogleGenAI'],
    methods: [
      { path: 'models.generateContentStream', api: 'chat' },
      { path: 'models.generateContent', api: 'chat' },
      { path: 'models.embedContent', api: 'embeddings' },
    ],
    model: ['model'],
    bound: { name: 'maxOutputTokens', in: 'config' },
    prompt: ['contents'],
    openAiStyleTimeout: false,
  },
];

export const PY_SDKS: readonly ProviderSdk[] = [
  {
    ...ANTHROPIC_API,
    modules: ['anthropic'],
    classes: ['Anthropic', 'AsyncAnthropic', 'AnthropicBedrock', 'AsyncAnthropicBedrock', 'AnthropicVertex', 'AsyncAnthropicVertex'],
  },
  {
    provider: 'google',
    via: 'google-genai',
    modules: ['google.genai'],
    classes: ['Client'],
    methods: [
      { path: 'models.generate_content_stream', api: 'chat' },
      { path: 'models.generate_content', api: 'chat' },
      { path: 'models.embed_content', api: 'embeddings' },
    ],
    model: ['model'],
    bound: { name: 'max_output_tokens', in: 'config' },
    prompt: ['contents'],
    openAiStyleTimeout: false,
  },
];

/** Bedrock Runtime: `client.send(new ConverseCommand({...}))` in JS, `boto3.client('bedrock-runtime').converse(...)` in Python. */
export const BEDROCK = {
  jsModule: '@aws-sdk/client-bedrock-runtime',
  jsClient: 'BedrockRuntimeClient',
  jsCommands: lookupTable({
    ConverseCommand: 'chat',
    ConverseStreamCommand: 'chat',
    InvokeModelCommand: 'chat',
    InvokeModelWithResponseStreamCommand: 'chat',
  } as Record<string, LlmApiKind>),
  pyService: 'bedrock-runtime',
  pyMethods: lookupTable({ converse: 'chat', converse_stream: 'chat', invoke_model: 'chat', invoke_model_with_response_stream: 'chat' } as Record<
    string,
    LlmApiKind
  >),
  model: ['modelId'],
  bound: { name: 'maxTokens', in: 'inferenceConfig' } as OutputBound,
  /** InvokeModel's body is the model's own JSON (each family names its bound differently): opaque here. */
  opaqueBody: 'body',
  prompt: ['messages', 'system'],
} as const;

/** LiteLLM's module-level calls (docs.litellm.ai/docs/completion/input): OpenAI-shaped parameters for every provider. */
export const LITELLM_FUNCTIONS: Readonly<Record<string, LlmApiKind>> = lookupTable({
  completion: 'chat',
  acompletion: 'chat',
  embedding: 'embeddings',
  aembedding: 'embeddings',
  text_completion: 'completions',
  atext_completion: 'completions',
});

/** LangChain chat/embedding classes of other providers: the package they come from, what they call, their bound. */
export interface LangChainProviderClass {
  provider: LlmProvider;
  api: LlmApiKind;
  /** Max-tokens option: Python keyword and JS option names. */
  bound: { py: string; js: string };
  /**
   * The class fills the bound itself when none is given, so a call without one is not unbounded (langchain_anthropic
   * ChatAnthropic `max_tokens` defaults per model, @langchain/anthropic `maxTokens` defaults to 2048; read 2026-12-03).
   */
  defaultBound?: boolean;
  modules: readonly string[];
}
export const LANGCHAIN_PROVIDER_CLASSES: Readonly<Record<string, LangChainProviderClass>> = lookupTable({
  ChatAnthropic: {
    provider: 'anthropic',
    api: 'chat',
    bound: { py: 'max_tokens', js: 'maxTokens' },
    defaultBound: true,
    modules: ['langchain_anthropic', '@langchain/anthropic'],
  },
  ChatGoogleGenerativeAI: {
    provider: 'google',
    api: 'chat',
    bound: { py: 'max_output_tokens', js: 'maxOutputTokens' },
    modules: ['langchain_google_genai', '@langchain/google-genai'],
  },
  ChatVertexAI: {
    provider: 'google',
    api: 'chat',
    bound: { py: 'max_output_tokens', js: 'maxOutputTokens' },
    modules: ['langchain_google_vertexai', '@langchain/google-vertexai'],
  },
  GoogleGenerativeAIEmbeddings: {
    provider: 'google',
    api: 'embeddings',
    bound: { py: '', js: '' },
    modules: ['langchain_google_genai', '@langchain/google-genai'],
  },
  ChatBedrockConverse: {
    provider: 'bedrock',
    api: 'chat',
    bound: { py: 'max_tokens', js: 'maxTokens' },
    modules: ['langchain_aws', '@langchain/aws'],
  },
  ChatBedrock: {
    provider: 'bedrock',
    api: 'chat',
    bound: { py: 'max_tokens', js: 'maxTokens' },
    modules: ['langchain_aws', '@langchain/aws', 'langchain_community'],
  },
  BedrockEmbeddings: {
    provider: 'bedrock',
    api: 'embeddings',
    bound: { py: '', js: '' },
    modules: ['langchain_aws', '@langchain/aws', 'langchain_community'],
  },
});
/** `init_chat_model("claude-…", model_provider="anthropic")` / `initChatModel(...)` (langchain.chat_models, langchain/chat_models/universal). */
export const INIT_CHAT_MODEL = new Set(['init_chat_model', 'initChatModel']);

/** Vercel AI SDK provider packages and their default instances / factories. */
export const AI_SDK_PROVIDERS: Readonly<Record<string, { provider: LlmProvider; instances: readonly string[] }>> = lookupTable({
  '@ai-sdk/openai': { provider: 'openai', instances: ['openai', 'createOpenAI'] },
  '@ai-sdk/azure': { provider: 'azure-openai', instances: ['azure', 'createAzure'] },
  '@ai-sdk/anthropic': { provider: 'anthropic', instances: ['anthropic', 'createAnthropic'] },
  '@ai-sdk/google': { provider: 'google', instances: ['google', 'createGoogleGenerativeAI'] },
  '@ai-sdk/google-vertex': { provider: 'google', instances: ['vertex', 'createVertex'] },
  '@ai-sdk/amazon-bedrock': { provider: 'bedrock', instances: ['bedrock', 'createAmazonBedrock'] },
});

/** Whether an import source is one of `modules` (exactly, or a subpath). */
export function fromModules(source: string, modules: readonly string[]): boolean {
  return modules.some((m) => source === m || source.startsWith(`${m}/`) || source.startsWith(`${m}.`));
}

/** The SDK a client class imported from `source` belongs to. */
export function sdkOfClass(sdks: readonly ProviderSdk[], cls: string, source: string): ProviderSdk | null {
  return sdks.find((s) => s.classes.includes(cls) && fromModules(source, s.modules)) ?? null;
}

/** The SDK method a path after the client is (`messages.create`, `aio.models.generate_content`). */
export function sdkMethod(sdk: ProviderSdk, path: string): { path: string; api: LlmApiKind } | null {
  return sdk.methods.find((m) => path === m.path || path.endsWith(`.${m.path}`)) ?? null;
}

/** LangChain / LiteLLM / init_chat_model provider names (`model_provider=`, the `provider/` or `provider:` prefix). */
const PROVIDER_ALIASES: Readonly<Record<string, LlmProvider>> = lookupTable({
  openai: 'openai',
  azure: 'azure-openai',
  azure_openai: 'azure-openai',
  anthropic: 'anthropic',
  // The Vercel AI Gateway's model ids (`google/gemini-2.5-flash`, `amazon-bedrock`'s are `bedrock/…`).
  google: 'google',
  google_genai: 'google',
  google_vertexai: 'google',
  gemini: 'google',
  vertex_ai: 'google',
  'vertex_ai-language-models': 'google',
  bedrock: 'bedrock',
  bedrock_converse: 'bedrock',
  aws: 'bedrock',
});

/**
 * The provider and the provider's own model id of a model string: `anthropic/claude-3-5-sonnet` (LiteLLM),
 * `anthropic:claude-…` (init_chat_model), or a bare name told by its family (claude-* is Anthropic's, gemini-*
 * Google's, gpt-*, o1/o3/o4, text-embedding-* OpenAI's, as LiteLLM and init_chat_model infer them).
 */
export function providerOfModel(model: string, explicit?: string | null): { provider: LlmProvider | null; model: string } {
  if (explicit) {
    const p = PROVIDER_ALIASES[explicit.toLowerCase()];
    return { provider: p ?? null, model };
  }
  const m = /^([a-z_-]+)[/:](.+)$/i.exec(model);
  if (m && PROVIDER_ALIASES[m[1]!.toLowerCase()]) return { provider: PROVIDER_ALIASES[m[1]!.toLowerCase()]!, model: m[2]! };
  if (/^claude/i.test(model)) return { provider: 'anthropic', model };
  if (/^gemini|^text-embedding-00|^gemini-embedding/i.test(model)) return { provider: 'google', model };
  if (/^(gpt-|o[134](-|$)|text-embedding-|chatgpt-|davinci|babbage)/i.test(model)) return { provider: 'openai', model };
  if (/^(anthropic|amazon|meta|mistral|cohere|ai21|us|eu|apac|global)\.[a-z]/i.test(model)) return { provider: 'bedrock', model };
  return { provider: null, model };
}

/** Real key formats per provider (gitleaks' rules anthropic-api-key and gcp-api-key; OpenAI's sk- family). */
export const PROVIDER_KEYS: ReadonlyArray<{ provider: LlmProvider; pattern: RegExp; prefix: RegExp; kind: 'anthropic-key' | 'google-key' }> = [
  { provider: 'anthropic', pattern: /\bsk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{20,}/, prefix: /^sk-ant-(?:api03|admin01)-/, kind: 'anthropic-key' },
  { provider: 'google', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/, prefix: /^AIza/, kind: 'google-key' },
];

/** The provider a key-shaped literal belongs to, when it has a provider's format. */
export function keyProvider(key: string): (typeof PROVIDER_KEYS)[number] | null {
  return PROVIDER_KEYS.find((k) => k.prefix.test(key)) ?? null;
}

/**
 * Each provider's batch interface for offline work: -50% on input and output, results within the window. OpenAI
 * Batch API: 24 h, ≤ 50,000 requests (platform.openai.com/docs/guides/batch); Anthropic Message Batches: 24 h,
 * ≤ 100,000 requests or 256 MB (docs.anthropic.com/en/docs/build-with-claude/batch-processing); Gemini Batch Mode:
 * 24 h target, no request count stated (ai.google.dev/gemini-api/docs/batch-mode); all read 2026-12-03. Bedrock's
 * batch inference depends on the model and region (job quotas per account), so no figure is claimed for it.
 */
export const BATCH_APIS: Readonly<Partial<Record<LlmProvider, { name: string; hours: number; maxRequests: number | null }>>> = {
  openai: { name: 'Batch API', hours: 24, maxRequests: 50_000 },
  'azure-openai': { name: 'Batch API', hours: 24, maxRequests: 50_000 },
  anthropic: { name: 'Message Batches API', hours: 24, maxRequests: 100_000 },
  google: { name: 'Gemini Batch Mode', hours: 24, maxRequests: null },
};
