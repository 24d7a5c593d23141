// Plain data shared by every layer. One position convention everywhere: 1-based lines and columns,
// end column exclusive (as SARIF and the CLI print them); offsets are 0-based UTF-16 indexes.

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITY_ORDER: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

import type { EstimateNote } from './estimate-notes';

export type Language = 'cuda' | 'opencl-c' | 'c' | 'cpp' | 'python' | 'javascript' | 'typescript';

export interface SourceRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A text edit as offsets into the original file: the same fix serves VS Code, SARIF and the CLI. */
export interface TextEdit {
  startOffset: number;
  endOffset: number;
  newText: string;
}

export interface Fix {
  description: string;
  edits: TextEdit[];
}

export interface Finding {
  ruleId: string;
  messageId: string;
  severity: Severity;
  message: string;
  path: string;
  range: SourceRange;
  fixes?: Fix[];
  /** Other places in the same file that explain the finding (the API call a store write belongs to). */
  related?: RelatedLocation[];
}

export interface RelatedLocation {
  range: SourceRange;
  message: string;
}

export interface SkippedFile {
  path: string;
  reason: string;
  /**
   * The file was meant to be analysed and was not (a parser trap, the time budget, an unreadable file or name), as
   * opposed to left out by a rule (size limit, binary, minified, not a regular file). It counts against the CLI's gate.
   */
  failed?: boolean;
}

export interface FileEntry {
  path: string;
  language?: Language;
  bytes?: number;
  skipped?: string;
  /** `skipped` is a failure, not a rule's choice (SkippedFile.failed). */
  failed?: boolean;
  /** True when the keyword prefilter found no GPU/LLM identifier, so the file was never parsed. */
  prefiltered?: boolean;
  /** The parser recovered from syntax errors: facts may be partial. */
  parseErrors?: number;
  /** Problems in the file's own directives (an unknown rule id in a suppression comment), one sentence each. */
  warnings?: string[];
  /** Rules that failed on this file (an analyzer bug); the other rules' findings stand. */
  ruleErrors?: string[];
}

/** A byte count found by constant folding, or a symbolic remainder that names what is unknown. */
export interface SizeValue {
  expr: string;
  bytes: number | null;
  unknowns: string[];
  /** Set when the expression folds but gives no byte count: outside [0, 2^64), or past a folding bound. */
  reason?: 'out of range' | 'too deep';
}

export type MemorySpace = 'device' | 'managed' | 'pinned-host' | 'mapped';
export type TransferDirection = 'host-to-device' | 'device-to-host' | 'device-to-device' | 'host-to-host' | 'default' | 'unknown';
export type MemoryStrategy = 'whole-dataset' | 'chunked' | 'unified' | 'mapped' | 'mixed' | 'none';
export type GpuApi = 'cuda' | 'cuda-driver' | 'opencl' | 'cupy' | 'pycuda' | 'pyopencl' | 'numba' | 'torch' | 'thrust';

export interface LoopInfo {
  /** Trip count of the innermost enclosing loop when it is a constant, else null. */
  tripCount: number | null;
  /** Product of constant trip counts of all enclosing loops, null when any is unknown. */
  totalTrips: number | null;
  line: number;
  /** Names bound by the enclosing loops (`i` of `for (int i...)`, `x` of `for x in loader`). */
  variables: string[];
  /**
   * What this node does is measured by a benchmark: clock reads bracket an enclosing loop, or come before and after
   * the node inside it. A copy made before the timer starts in the loop body is not measured.
   */
  timed?: boolean;
  /** An enclosing loop reads a clock anywhere (a benchmark loop): a sync there may be what makes the timing valid. */
  clocked?: boolean;
  /**
   * The innermost loop itself reads a clock (each trip is timed): a wait there can end or start a timed region. A loop
   * timed only from outside (clocks around it, or around every call of its function) is not.
   */
  clockedPerIteration?: boolean;
}

export interface FactBase {
  api: string;
  family: GpuApi;
  line: number;
  range: SourceRange;
  function: string | null;
  loop: LoopInfo | null;
  /** Order of the call in the file, used for program-order accounting. */
  order: number;
}

export interface AllocationFact extends FactBase {
  kind: 'allocation';
  target: string | null;
  /** The target as written (`device[s]`, `&d_x`), to tell one buffer per iteration from a reallocation. */
  targetExpr: string | null;
  size: SizeValue;
  space: MemorySpace;
  flags?: string[];
  /** Host pointer argument of an OpenCL buffer created with CL_MEM_COPY_HOST_PTR / USE_HOST_PTR. */
  hostSource?: string | null;
  /** For Python: the data came from a host array (cp.asarray(x), to_device(x)): this is also an upload. */
  uploadsFrom?: string | null;
  /** The target is a local of the allocating function: only a free in that function releases it. */
  localTarget?: boolean;
  /** The pointer leaves the function (returned, or stored through an out-parameter or into a member). */
  escapes?: boolean;
  /** Served by a stream-ordered or caching pool (cudaMallocAsync, CuPy's and PyTorch's allocators, a PyCUDA pool). */
  pooled?: boolean;
  /** In a loop: each iteration's buffer is kept (stored into an array or list), one per device/stream/item. */
  keptPerIteration?: boolean;
  /** The containers it is kept in (`ptrs.push_back(p)`, `bufs[i] = p`): a free of their elements releases it. */
  keptIn?: string[];
  /** In a loop: the size, shape or element type follows the loop (a sweep over sizes or dtypes): no one buffer fits all. */
  sizeVaries?: boolean;
}

export interface TransferFact extends FactBase {
  kind: 'transfer';
  direction: TransferDirection;
  size: SizeValue;
  async: boolean;
  stream: string | null;
  /** OpenCL blocking flag / PyOpenCL is_blocking; null when not applicable or unknown. */
  blocking: boolean | null;
  hostBuffer: string | null;
  deviceBuffer: string | null;
  /** The copy starts at an offset into the buffer (pointer arithmetic, slicing): evidence of chunking. */
  offset: boolean;
  /** How the host buffer was obtained, as known at this point of the file (source order). */
  hostOrigin: { kind: HostBufferKind; api: string; line: number } | null;
  /**
   * In a loop: why the copied data differs on every iteration, when it does (the host writes the buffer there, a
   * kernel or another copy writes the device buffer, the host pointer moves). Absent: the same bytes each time.
   */
  changesInLoop?: 'host-written' | 'device-written' | 'moved';
  /** A size known only at run time but held in a 32-bit integer: at most this many bytes (2 GiB for int). */
  sizeCapBytes?: number;
  /** A size set from the command line with a literal default (`argc > 1 ? atoi(argv[1]) : 1024`): bytes at the defaults. */
  defaultBytes?: number;
  /**
   * A run-time size read from input (facts/c-gpu.ts): `direct`, a file's length or a count read from a file;
   * `calls`, functions of the project the value was returned by (`n = loadData(path)`). Absent when the size depends
   * on a parameter, a struct field, the command line or an unknown out-argument.
   */
  sizeReadFrom?: { direct: boolean; calls: string[] };
  /** After a one-pass upload: functions of the program (not the GPU API) the device buffer is passed to, in its function. */
  handedTo?: Array<{ name: string; definedHere: boolean }>;
}

export interface FreeFact extends FactBase {
  kind: 'free';
  target: string | null;
  /** Freed through a helper of this file (a macro or function that frees its parameter `arg`); see c-gpu.ts. */
  helper?: { name: string; arg: number };
}

export interface SyncFact extends FactBase {
  kind: 'sync';
  /** In a loop that queues no GPU work itself: it waits for work queued before it (one device or stream per trip). */
  waitsOnly?: boolean;
  /** Compiled only in debug builds (`#if DEBUG_FORWARD`, `#ifdef _DEBUG`, `#if 0`): a deliberate wait to see errors early. */
  debugOnly?: boolean;
  /** In a benchmark loop: more GPU work follows in the same iteration before any clock read, so the timing does not need it. */
  beforeMoreWork?: boolean;
  /** The host buffer of an async copy in the loop that host code in the loop also uses: the wait makes reuse safe. */
  guardsHostBuffer?: string;
  /** The next statement hands the results to another process, thread or device (a barrier, a semaphore signal, MPI). */
  handsOff?: boolean;
  /** A comment beside the wait says it serves a measurement (`// for the measurement fairness`). */
  forTiming?: boolean;
  /** The loop also calls a graphics API (OpenGL, EGL, Vulkan) that shares memory with CUDA: the wait orders the two. */
  sharedWithGraphics?: boolean;
  /** The loop calls a cuBLAS reduction into a host address, which blocks until its result is on the host. */
  blockingLibraryResult?: boolean;
}

export interface LaunchFact extends FactBase {
  kind: 'launch';
  kernel: string;
  config: string;
}

export interface HintFact extends FactBase {
  kind: 'hint';
  /** prefetch / advise / stream creation / pool / max-alloc query / register */
  hint: 'prefetch' | 'advise' | 'stream' | 'pool' | 'max-alloc-query' | 'global-mem-query' | 'host-register' | 'map' | 'error-check';
  target: string | null;
}

export interface ApiCallFact {
  api: string;
  family: GpuApi;
  range: SourceRange;
  line: number;
  /** The return value (or error out-parameter) is looked at. */
  checked: boolean;
  /** How the API reports errors: its return value, or an errcode_ret out-parameter (OpenCL object creators). */
  via: 'return' | 'errcode_ret' | 'launch';
  /** Unchecked although stored: the local the status went into, overwritten (or left) before anything read it. */
  storedIn?: string;
  startOffset: number;
  endOffset: number;
  function: string | null;
  /**
   * An unchecked launch in a launcher function (`void launch_k(…) { k<<<…>>>(…); }`) that nothing in this file calls:
   * the launcher's name, for a look at its callers in the files beside it (facts/c-callers.ts).
   */
  launcher?: string;
}

export type GpuEvent = AllocationFact | TransferFact | FreeFact | SyncFact | LaunchFact | HintFact;

export type HostBufferKind = 'pageable' | 'pinned';

export interface KernelFact {
  name: string;
  line: number;
  range: SourceRange;
  /** Pointer parameters in the __global / global address space (OpenCL C) or all pointers (CUDA). */
  bufferParams: string[];
}

export interface GpuFileFacts {
  path: string;
  language: Language;
  events: GpuEvent[];
  apiCalls: ApiCallFact[];
  kernels: KernelFact[];
  /** How each host buffer was obtained, by variable name. */
  hostBuffers: Record<string, { kind: HostBufferKind; api: string; line: number; size?: SizeValue }>;
  /** Macros or helpers the file wraps CUDA calls in (CUDA_CHECK, checkCudaErrors), most used first. */
  checkMacros: string[];
  /** Type sizes assumed while folding sizeof(), for the report's assumptions. */
  assumedTypeSizes: Record<string, number>;
  /**
   * The project headers the file includes (`#include "…"`, facts/c-includes.ts): their macros and functions by name
   * (check macros, allocation wrappers) and what could not be read. Absent when the file includes none found.
   */
  headers?: IncludedHeaderFacts;
}

/** A macro a project header defines: object-like (params null) or function-like, with its body as written. */
export interface HeaderMacro {
  name: string;
  params: string[] | null;
  body: string;
  /** Absolute path of the header and 1-based line of the #define. */
  file: string;
  line: number;
}

/** A function a project header defines (an inline wrapper: allocate, free, check). */
export interface HeaderFunction {
  name: string;
  params: string[];
  /** The definition's text (cut at 8,000 characters). */
  text: string;
  file: string;
  line: number;
}

export interface IncludedHeaderFacts {
  /** Macros by name across the headers (a later #define wins, as in the preprocessor). */
  macros: ReadonlyMap<string, HeaderMacro>;
  /** Functions defined in the headers, by name (the first definition). */
  functions: ReadonlyMap<string, HeaderFunction>;
  /** Absolute paths of the headers read, in include order. */
  files: string[];
  /** Includes that were not read, with why: not found, too large, outside the root, include bound. */
  notRead: Array<{ include: string; from: string; reason: string }>;
}

export interface EvidenceLine {
  line: number;
  note: string;
}

export interface PeakDeviceBytes {
  /** Known part of the peak (a lower bound when unknownExprs is not empty); null when nothing is known. */
  bytes: number | null;
  lowerBound: boolean;
  unknownExprs: string[];
}

/** A point of a function where the live device memory can peak: known bytes plus the run-time sizes live there. */
export interface PeakPoint {
  function: string | null;
  line: number;
  knownBytes: number;
  /** One entry per live allocation of unknown size (repeated when two buffers share an expression). */
  unknownExprs: string[];
  /** Sizes of the live allocations of known size, largest first. */
  knownSizes: number[];
}

export interface GpuFileSummary {
  path: string;
  language: Language;
  /** `sizeReason`: why a size that folds has no byte count (SizeValue.reason); absent for sizes known only at run time. */
  allocations: Array<{
    api: string;
    line: number;
    sizeExpr: string;
    bytes: number | null;
    sizeReason?: SizeValue['reason'];
    space: MemorySpace;
    inLoop: boolean;
  }>;
  transfers: Array<{
    api: string;
    line: number;
    direction: TransferDirection;
    sizeExpr: string;
    bytes: number | null;
    sizeReason?: SizeValue['reason'];
    async: boolean;
    inLoop: boolean;
  }>;
  strategy: MemoryStrategy;
  kernels: Array<{ name: string; line: number; bufferParams: string[] }>;
  peakDeviceBytes: number | null;
  peakIsLowerBound: boolean;
  peakUnknownExprs: string[];
  /** Candidate peak points, per function (functions are not added together); absent in summaries built by hand. */
  peakPoints?: PeakPoint[];
  evidence: EvidenceLine[];
}

// ---- OpenAI API usage (LLM) facts -------------------------------------------------------------------------

export type LlmApiKind = 'chat' | 'responses' | 'completions' | 'embeddings' | 'images' | 'audio' | 'batch';
/** How the call reaches OpenAI: the official SDK, LangChain, the Vercel AI SDK or raw HTTP. */
export type LlmVia =
  'openai' | 'openai-legacy' | 'azure-openai' | 'langchain' | 'ai-sdk' | 'http' | 'anthropic' | 'google-genai' | 'bedrock' | 'litellm';
/** Whose API a call reaches (the model's vendor; LangChain, the AI SDK and LiteLLM are ways to reach one). */
export type LlmProvider = 'openai' | 'azure-openai' | 'anthropic' | 'google' | 'bedrock';
/** How a prompt's tokens were counted: the model's own BPE encoding, or characters per token (approximate). */
export interface TokenCountMethod {
  method: 'bpe' | 'chars-per-token';
  /** Characters per token for an approximate count. */
  charsPerToken?: number;
  source: string;
}
export type StoreKind = 'mongodb' | 'redis' | 'dynamodb' | 'cassandra' | 'elasticsearch' | 'rdbms' | 'file' | 'vector' | 'memory';

/** Where a fix can add an option: `prefix + text + suffix` is inserted at `offset`. */
export interface InsertSlot {
  offset: number;
  prefix: string;
  suffix: string;
  syntax: 'js' | 'py';
}

export interface LlmClientFact {
  via: LlmVia;
  /** The constructor as written (`new OpenAI`, `AzureOpenAI`, `requests.post`). */
  api: string;
  line: number;
  range: SourceRange;
  /** Timeout in milliseconds when it is a constant; `timeoutSet` says whether one is given at all. */
  timeoutMs: number | null;
  timeoutSet: boolean;
  maxRetries: number | null;
  maxRetriesSet: boolean;
  /** Where `timeout` can be added; null when the options are not a literal object / keyword list. */
  optionsSlot: InsertSlot | null;
}

export interface StoreWriteFact {
  kind: StoreKind;
  /** postgresql, mysql, sqlite, prisma, pinecone, ioredis... */
  engine: string;
  api: string;
  line: number;
  range: SourceRange;
  ttl: { seconds: number | null; how: string } | null;
  /** The write happens in a same-file helper the result is passed to (or returned through). */
  viaHelper: string | null;
  /** The result is one attribute of a record (`agent.name`, a conversation's `title`): the app's own data, not a cached answer. */
  entityField?: string;
  /** The row is a turn of a conversation the app keeps (its `chat_id`, `session_id` or `role` column): relational data. */
  conversationKey?: string;
  /** The write is in another project file (an imported helper; `range` is then the call of it in this file). */
  at?: { path: string; line: number };
}

export interface CacheLookupFact {
  kind: StoreKind;
  api: string;
  line: number;
  /** The read is in another project file (an imported helper called at `line`). */
  at?: { path: string; line: number };
}

export interface LlmLoop {
  /** for, while, comprehension, map, forEach, Promise.all... */
  kind: string;
  line: number;
  trips: number | null;
}

export interface LlmCallFact {
  api: LlmApiKind;
  /** The operation as the code names it: `chat.completions.create`, `ChatOpenAI.invoke`, `POST /v1/embeddings`. */
  operation: string;
  via: LlmVia;
  /** Whose API it is; null when it cannot be told (a LiteLLM model string of an unknown family). */
  provider?: LlmProvider | null;
  line: number;
  range: SourceRange;
  function: string | null;
  model: string | null;
  /** The model argument as written when it is not a constant. */
  modelExpr: string | null;
  maxTokens: number | null;
  /** The max-tokens parameter's name when one is passed (its value may still be unknown). */
  maxTokensParam: string | null;
  /** The parameter name the fix adds for this API (`max_completion_tokens`, `max_output_tokens`, `maxTokens`). */
  maxTokensName: string | null;
  /** The options object the bound goes in when it is nested (`config` of Google GenAI, `inferenceConfig` of Bedrock). */
  maxTokensIn?: string | null;
  /** The API rejects a request without the bound (Anthropic's `max_tokens`). */
  maxTokensRequired?: boolean;
  /** The library fills a bound itself when none is given (LangChain's ChatAnthropic). */
  maxTokensDefaulted?: boolean;
  /** The bound is set on one path only (`cond ? 4096 : null`): the condition as written; the other path sends none. */
  maxTokensOnlyWhen?: string;
  /** How the prompt tokens were counted (absent: the OpenAI model's own BPE encoding). */
  tokenCount?: TokenCountMethod;
  stream: boolean;
  n: number;
  dimensions: number | null;
  /** Number of inputs of an embeddings call when it is an array literal; null when unknown or not an array. */
  batchInputs: number | null;
  /** The array literal spreads another array (`[...texts]`, `[*texts]`): it holds more inputs than it lists. */
  inputSpread?: boolean;
  client: LlmClientFact | null;
  loop: LlmLoop | null;
  handler: { framework: string; line: number } | null;
  /** Token count of the literal parts of the prompt; `promptUnknowns` names the parts only known at run time. */
  promptLiteralTokens: number;
  promptUnknowns: string[];
  stores: StoreWriteFact[];
  cacheLookup: CacheLookupFact | null;
  optionsSlot: InsertSlot | null;
  /** The options come partly from a value not seen here (`...options`, `**kwargs`): a max-tokens bound may be in it. */
  optionsSpread: string | null;
  /**
   * The options are a parameter spread into the call (`...options`) and every caller passes an object literal: where
   * they are and the names they pass (none of them an output bound; a caller that passes one leaves `optionsSpread`).
   */
  optionsFromCallers?: { at: string[]; keys: string[] };
  /** The result is passed at once to a similarity search or store read (a query-time embedding): what, where. */
  searchUse: { api: string; line: number } | null;
  /** The result leaves through `return` to callers this file does not show (they may store it). */
  returnedTo: { function: string; line: number } | null;
  /** The messages are a conversation history (multi-turn chat): each reply is unique, a prompt-keyed cache never hits. */
  conversation: { expr: string; line: number } | null;
}

/** A literal credential. The key itself is never kept: only its masked form and where it is. */
export interface SecretFact {
  masked: string;
  kind: 'openai-key' | 'anthropic-key' | 'google-key' | 'api-key-literal';
  /** Whose key it is (the fix reads the provider's own environment variable). */
  provider?: LlmProvider;
  line: number;
  range: SourceRange;
  startOffset: number;
  endOffset: number;
  /** The replacement the fix writes (an environment variable read) and any import it needs. */
  replacement: string;
  importEdit: TextEdit | null;
}

export interface LlmFileFacts {
  path: string;
  language: Language;
  calls: LlmCallFact[];
  clients: LlmClientFact[];
  secrets: SecretFact[];
}

export interface LlmCallSummary {
  api: LlmApiKind;
  operation: string;
  via: LlmVia;
  provider?: LlmProvider | null;
  /** How `estInputTokens` was counted (absent: the model's own BPE encoding). */
  tokenCount?: TokenCountMethod;
  /** The model's context window from the price data, when it has one. */
  contextWindow?: number | null;
  model: string | null;
  line: number;
  /** The enclosing function (workload overrides match it as a label). */
  function: string | null;
  inLoop: boolean;
  inHandler: boolean;
  streaming: boolean;
  maxTokens: number | null;
  estInputTokens: number;
  estInputIsLowerBound: boolean;
  estOutputTokens: number | null;
  outputBound: 'max-tokens' | 'model-maximum' | 'embedding' | 'unknown';
  /** Embedding width (the `dimensions` argument, else the model's); null when not an embedding or unknown. */
  dimensions: number | null;
  /** Inputs per embeddings call when the input is an array literal. */
  batchInputs: number | null;
  estResponseBytes: number | null;
  estCostUsd: number | null;
  estBatchCostUsd: number | null;
  /** Why a figure is missing or a lower bound: named, never silently zero (English; `notes` has them as ids with data). */
  unknowns: string[];
  /** The same notes as message ids with data: what every surface renders in its language (model/estimate-notes.ts). */
  notes: EstimateNote[];
  persisted: boolean;
  store: StoreWriteFact | null;
  cacheBeforeCall: boolean;
  ttl: { seconds: number | null; how: string } | null;
}

export interface LlmFileSummary {
  path: string;
  language: Language;
  calls: LlmCallSummary[];
  persisted: boolean;
  store: StoreKind | null;
  stores: StoreKind[];
  cacheBeforeCall: boolean;
  ttl: boolean;
  secrets: Array<{ line: number; masked: string }>;
}
