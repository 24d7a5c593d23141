// Plain data shared by every layer. One position convention everywhere: 1-based lines and columns,
// end column exclusive (as SARIF and the CLI print them); offsets are 0-based UTF-16 indexes.

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITY_ORDER: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

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
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface FileEntry {
  path: string;
  language?: Language;
  bytes?: number;
  skipped?: string;
  /** True when the keyword prefilter found no GPU/LLM identifier, so the file was never parsed. */
  prefiltered?: boolean;
  /** The parser recovered from syntax errors: facts may be partial. */
  parseErrors?: number;
  /** Rules that failed on this file (an analyzer bug); the other rules' findings stand. */
  ruleErrors?: string[];
}

/** A byte count found by constant folding, or a symbolic remainder that names what is unknown. */
export interface SizeValue {
  expr: string;
  bytes: number | null;
  unknowns: string[];
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
}

export interface FreeFact extends FactBase {
  kind: 'free';
  target: string | null;
}

export interface SyncFact extends FactBase {
  kind: 'sync';
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
  startOffset: number;
  endOffset: number;
  function: string | null;
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

export interface GpuFileSummary {
  path: string;
  language: Language;
  allocations: Array<{ api: string; line: number; sizeExpr: string; bytes: number | null; space: MemorySpace; inLoop: boolean }>;
  transfers: Array<{ api: string; line: number; direction: TransferDirection; sizeExpr: string; bytes: number | null; async: boolean; inLoop: boolean }>;
  strategy: MemoryStrategy;
  kernels: Array<{ name: string; line: number; bufferParams: string[] }>;
  peakDeviceBytes: number | null;
  peakIsLowerBound: boolean;
  peakUnknownExprs: string[];
  evidence: EvidenceLine[];
}
