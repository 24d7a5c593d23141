// GPU facts from Python: CuPy, PyCUDA, PyOpenCL, Numba CUDA and PyTorch. Calls are resolved through the file's
// imports (`import cupy as cp`, `from numba import cuda`, `import pycuda.driver as drv`), so `cuda.to_device`
// means Numba's or PyCUDA's depending on what the file imported.
import type { ParsedSource, SyntaxNode } from '../parse/tree-sitter';
import type { GpuApi, GpuEvent, GpuFileFacts, MemorySpace, SizeValue, TransferDirection, TransferFact } from '../model/types';
import { BINDING_TYPES, PyConstantFolder, SCOPE_TYPES } from './py-constants';
import { CREATORS, PyArrayReader, describedExpr, randomArray } from './py-arrays';
import { IMPORT_TYPES, callArgs, importAliases, type CallArgs } from './py-syntax';
import { DEFAULT_DTYPE } from './type-sizes';
import { transferDirectionFromKind } from './c-api-table';
import { Enclosing, LineMap, NodeIndex, children, collapse, field, loopChain, loopInfo, walk, type LoopSyntax } from './syntax';
import { emptyTable, lookupTable } from '../model/lookup';

const MAIN_TYPES = new Set(['call', 'attribute', 'for_statement']);
const IDENTIFIER = new Set(['identifier']);
const ASSIGNMENT: ReadonlySet<string> = new Set(['assignment']);

const PY_LOOP_TYPES: ReadonlySet<string> = new Set([
  'for_statement',
  'while_statement',
  'list_comprehension',
  'set_comprehension',
  'dictionary_comprehension',
  'generator_expression',
]);
const FUNCTION_DEFINITION: ReadonlySet<string> = new Set(['function_definition']);
/** Clock reads in Python: time.*, timeit, CUDA events of PyTorch, CuPy, PyCUDA and Numba (`e.record()`, `elapsed_time`). */
const PY_TIMER =
  /\b(perf_counter|perf_counter_ns|monotonic|process_time|default_timer)\s*\(|\b(time|timer|clock)\s*\(\s*\)|\btime\.time\s*\(|\btimeit\b|\.record\s*\(|\belapsed_time\s*\(|\.time_till\s*\(|\.time_since\s*\(|get_elapsed_time\s*\(/;

const PY_EVENT_TIMER = /\.record\s*\(|\belapsed_time\s*\(|\.time_till\s*\(|\.time_since\s*\(/;

const PY_LOOP_SYNTAX = (folder: PyConstantFolder): LoopSyntax => ({
  loopTypes: PY_LOOP_TYPES,
  functionTypes: SCOPE_TYPES,
  ifType: 'if_statement',
  blockTypes: new Set(['block']),
  breakType: 'break_statement',
  exitTypes: new Set(['return_statement', 'raise_statement']),
  timer: PY_TIMER,
  // A wall clock around a walk over a data set (`for x in loader`) logs an epoch's time; a benchmark repeats a count
  // (`for _ in range(n)`, `while`) or reads CUDA events, whatever it loops over.
  countedLoop: (loop) =>
    loop.type === 'while_statement' || PY_EVENT_TIMER.test(loop.text) || (loop.type === 'for_statement' && countedIterable(field(loop, 'right'))),
  tripCount: (loop) => {
    if (loop.type !== 'for_statement') return null;
    const right = field(loop, 'right');
    if (right?.type !== 'call' || field(right, 'function')?.text !== 'range') return null;
    const a = callArgs(right).positional.map((x) => folder.evaluate(x).value);
    if (a.some((v) => v === null) || a.length === 0) return null;
    const [start, stop, step] = a.length === 1 ? [0, a[0]!, 1] : [a[0]!, a[1]!, a[2] ?? 1];
    return step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : null;
  },
  variables: (loop) => {
    const names: string[] = [];
    const targets =
      loop.type === 'for_statement'
        ? [field(loop, 'left')]
        : children(loop)
            .filter((c) => c.type === 'for_in_clause')
            .map((c) => field(c, 'left'));
    for (const t of targets) if (t) walk(t, (n) => names.push(n.text), IDENTIFIER);
    return names;
  },
});

const FAMILY_BY_ROOT: Readonly<Record<string, GpuApi>> = lookupTable({
  cupy: 'cupy',
  cupyx: 'cupy',
  pycuda: 'pycuda',
  pyopencl: 'pyopencl',
  numba: 'numba',
  torch: 'torch',
});
/** The variable an expression starts from: `a` of `a[i]`, `a.T`, `a.get()`. */
function pyRoot(node: SyntaxNode | null | undefined): string | null {
  let n = node;
  while (n && (n.type === 'subscript' || n.type === 'attribute' || n.type === 'call'))
    n = n.type === 'call' ? field(n, 'function') : (field(n, 'value') ?? field(n, 'object'));
  return n?.type === 'identifier' ? n.text : null;
}

const PY_BODY_TYPES: ReadonlySet<string> = new Set(['assignment', 'augmented_assignment', 'call']);

/**
 * What one Python loop does to names, read once per loop: where each is assigned or mutated, passed to a call (a
 * kernel, np.copyto, a fill helper) or has a method called on it. Offsets let a copy exclude itself.
 */
class PyLoopBodies {
  private readonly bodies = new Map<number, { touched: Map<string, number[]>; kept: Set<string>; assigned: Set<string> }>();
  of(loop: SyntaxNode): { touched: Map<string, number[]>; kept: Set<string>; assigned: Set<string> } {
    const body = this.bodies.get(loop.startIndex);
    if (body) return body;
    const b = { touched: new Map<string, number[]>(), kept: new Set<string>(), assigned: new Set<string>() };
    const add = (name: string | null, at: number) => {
      if (name) (b.touched.get(name) ?? b.touched.set(name, []).get(name)!).push(at);
    };
    walk(
      loop,
      (n) => {
        if (n.type === 'call') {
          const fn = field(n, 'function');
          const a = callArgs(n);
          for (const arg of [...a.positional, ...a.keywords.values()]) add(pyRoot(arg), n.startIndex);
          if (fn?.type === 'attribute') {
            add(pyRoot(field(fn, 'object')), n.startIndex);
            if (/^(append|insert|add|extend)$/.test(field(fn, 'attribute')?.text ?? ''))
              for (const arg of a.positional) if (arg.type === 'identifier') b.kept.add(arg.text);
          }
          return;
        }
        const left = field(n, 'left');
        if (left) walk(left, (id) => add(id.text, n.startIndex), IDENTIFIER);
        if (left?.type === 'identifier') b.assigned.add(left.text);
        const right = field(n, 'right');
        if (right?.type === 'identifier' && left && left.type !== 'identifier') b.kept.add(right.text);
      },
      PY_BODY_TYPES,
    );
    this.bodies.set(loop.startIndex, b);
    return b;
  }
}

export function extractPyGpuFacts(parsed: ParsedSource, path: string): GpuFileFacts {
  const root = parsed.tree.rootNode;
  const lines = new LineMap(parsed.text);
  const nodes = new NodeIndex(root, new Set([...IMPORT_TYPES, ...SCOPE_TYPES, ...PY_LOOP_TYPES, ...BINDING_TYPES, ...MAIN_TYPES]));
  const aliases = importAliases(nodes);
  const index = new Enclosing(nodes.of(new Set([...SCOPE_TYPES, ...PY_LOOP_TYPES])));
  const folder = new PyConstantFolder(nodes, index, { root, text: parsed.text });
  const loopSyntax = PY_LOOP_SYNTAX(folder);
  const loopBodies = new PyLoopBodies();
  const events: GpuEvent[] = [];
  const hostBuffers: GpuFileFacts['hostBuffers'] = emptyTable();
  // Where a transfer's host buffer came from, by the binding its name resolves to (never another function's x).
  const hostOf = folder.table<GpuFileFacts['hostBuffers'][string]>();
  const setHost = (name: string, at: SyntaxNode, entry: GpuFileFacts['hostBuffers'][string]) => {
    hostBuffers[name] = entry;
    hostOf.set(name, at, entry);
  };
  const deviceNames = new Set<string>();
  const pinnedLoaders = new Map<string, boolean>();
  // Bytes per element of the NumPy host arrays whose dtype is known, so a cast of one (`a.astype(np.float32)`,
  // `np.asarray(a, np.float32)`) keeps its element count and takes the new dtype's size (and `a.size` folds).
  const itemOf = folder.arrayItems;
  const cudaDeviceVars = new Set<string>();
  let cupyManaged = false;
  let order = 0;
  const importsTorch = [...aliases.values()].some((m) => m.startsWith('torch'));
  const importsOpenCL = [...aliases.values()].some((m) => m.startsWith('pyopencl'));
  const importsPycuda = [...aliases.values()].some((m) => m.startsWith('pycuda'));
  // `device = "cuda"`, `self.device = "cuda:0" if torch.cuda.is_available() else "cpu"`: a device held in a plain string.
  if (importsTorch) {
    for (const n of nodes.of(ASSIGNMENT)) {
      const left = field(n, 'left');
      const right = field(n, 'right');
      if (!left || !right || (left.type !== 'identifier' && left.type !== 'attribute')) continue;
      const strings =
        right.type === 'string' ? [right] : right.type === 'conditional_expression' ? children(right).filter((c) => c.type === 'string') : [];
      if (strings.some((s) => /^[rbuf]*["']cuda(:\d+)?["']$/i.test(s.text))) cudaDeviceVars.add(collapse(left.text));
    }
  }

  const qualify = (text: string): string | null => {
    const parts = text.split('.');
    const head = aliases.get(parts[0]!);
    return head ? [head, ...parts.slice(1)].join('.') : null;
  };
  // Shapes and dtypes of array expressions, read on demand through bindings, members, parameters and lists.
  const arrays = new PyArrayReader(folder, qualify);
  folder.hooks = { describe: (node) => arrays.describe(node), qualify };

  const functionOf = (node: SyntaxNode): string | null => {
    const fn = index.innermost(node, FUNCTION_DEFINITION);
    return fn ? (field(fn, 'name')?.text ?? null) : null;
  };

  const base = (node: SyntaxNode, api: string, family: GpuApi) => {
    const range = lines.range(node.startIndex, node.endIndex);
    return { api, family, line: range.startLine, range, function: functionOf(node), loop: loopInfo(node, loopSyntax, lines, index), order: order++ };
  };

  const assignedName = (call: SyntaxNode): string | null => {
    const p = call.parent;
    if (p?.type === 'assignment' && field(p, 'right')?.startIndex === call.startIndex) {
      const left = field(p, 'left');
      return left?.type === 'identifier' ? left.text : left ? collapse(left.text) : null;
    }
    return null;
  };

  const nameOf = (node: SyntaxNode | null | undefined): { name: string | null; offset: boolean } => {
    if (!node) return { name: null, offset: false };
    if (node.type === 'identifier') return { name: node.text, offset: false };
    if (node.type === 'subscript') return { name: nameOf(field(node, 'value')).name, offset: true };
    if (node.type === 'attribute') return { name: collapse(node.text), offset: false };
    return { name: null, offset: false };
  };

  const bytesOfName = (node: SyntaxNode | null | undefined): SizeValue => {
    // A NumPy array made in the argument itself (`to_gpu(np.random.rand(n))`, `.astype(...)` of one): its own size.
    if (node?.type === 'call') {
      const inline = inlineNumpyBytes(node);
      if (inline) return inline;
    }
    const { name, offset } = nameOf(node);
    const known = name && node ? folder.recordedArray(name, node)?.size : undefined;
    if (known && !offset && known.bytes !== null) return known;
    const described = node ? arrays.describe(node) : null;
    if (node && described?.bytes != null) return { expr: describedExpr(node, described), bytes: described.bytes, unknowns: [] };
    if (known && !offset) return known;
    const expr = node ? collapse(node.text) : '?';
    return { expr: `size of ${expr}`, bytes: null, unknowns: [expr] };
  };

  const isCudaDevice = (node: SyntaxNode | undefined): boolean => {
    if (!node) return false;
    if (node.type === 'string') return /cuda/.test(node.text);
    if (node.type === 'identifier' || node.type === 'attribute') return cudaDeviceVars.has(collapse(node.text));
    return /cuda/.test(node.text);
  };

  const alloc = (call: SyntaxNode, api: string, family: GpuApi, size: SizeValue, space: MemorySpace, uploadsFrom?: string | null) => {
    const target = assignedName(call);
    if (target) {
      deviceNames.add(target);
      folder.arrayBytes.set(target, call, size);
    }
    events.push({
      kind: 'allocation',
      ...base(call, api, family),
      target,
      targetExpr: target,
      size,
      space,
      ...(uploadsFrom !== undefined ? { uploadsFrom } : {}),
      ...(isPooled(call, family) ? { pooled: true } : {}),
      ...(keptPerIteration(call, target) ? { keptPerIteration: true } : {}),
      ...(sizeVaries(call) ? { sizeVaries: true } : {}),
    });
  };

  // CuPy and PyTorch allocate from their caching pools; PyCUDA does when given a pool's allocate (`allocator=`).
  const isPooled = (call: SyntaxNode, family: GpuApi) =>
    family === 'cupy' || family === 'torch' || (family === 'pycuda' && /\ballocator\s*=|\.allocate\b/.test(field(call, 'arguments')?.text ?? ''));

  /** The allocation's arguments name the loop's variables or what the loop assigns (`size = 1 << power`, `dtype`). */
  const sizeVaries = (call: SyntaxNode) => {
    const loop = loopChain(call, loopSyntax, index)[0];
    const list = field(call, 'arguments');
    if (!loop || !list) return false;
    const names = new Set([...loopSyntax.variables(loop), ...loopBodies.of(loop).assigned]);
    let varies = false;
    walk(
      list,
      (id) => {
        varies ||= names.has(id.text);
      },
      IDENTIFIER,
    );
    return varies;
  };

  /** `bufs.append(mem_alloc(n))`, `[mem_alloc(n) for _ in ...]`, `x = ...; bufs.append(x)`: one buffer per trip, kept. */
  const keptPerIteration = (call: SyntaxNode, target: string | null) => {
    const p = call.parent?.type === 'argument_list' ? call.parent.parent : call.parent;
    if (p?.type === 'call' && /\.(append|insert|add|extend)$/.test(field(p, 'function')?.text ?? '')) return true;
    if (p && /comprehension$/.test(p.type)) return true;
    if (call.parent?.type === 'assignment' && field(call.parent, 'left')?.type === 'subscript') return true;
    const loop = loopChain(call, loopSyntax, index)[0];
    return Boolean(loop && target && loopBodies.of(loop).kept.has(target));
  };

  /** cp.asarray(x), cuda.to_device(x), x.cuda(): a device allocation filled by one host-to-device copy. */
  const upload = (
    call: SyntaxNode,
    api: string,
    family: GpuApi,
    host: SyntaxNode | null | undefined,
    space: MemorySpace = 'device',
    opts: { async?: boolean; size?: SizeValue; stream?: string | null } = {},
  ) => {
    const size = opts.size ?? bytesOfName(host);
    alloc(call, api, family, size, space, nameOf(host).name ?? (host ? collapse(host.text) : null));
    transfer(call, api, family, 'host-to-device', size, host, null, { async: opts.async ?? false, stream: opts.stream ?? null });
    const last = events[events.length - 1] as { deviceBuffer: string | null };
    last.deviceBuffer = assignedName(call);
  };

  const transfer = (
    call: SyntaxNode,
    api: string,
    family: GpuApi,
    direction: TransferDirection,
    size: SizeValue,
    host: SyntaxNode | null | undefined,
    device: SyntaxNode | null | undefined,
    opts: { async?: boolean; blocking?: boolean | null; stream?: string | null } = {},
  ) => {
    const h = nameOf(host);
    const d = nameOf(device);
    const fact: TransferFact = {
      kind: 'transfer',
      ...base(call, api, family),
      direction,
      size,
      async: opts.async ?? false,
      stream: opts.stream ?? null,
      blocking: opts.blocking ?? null,
      hostBuffer: h.name,
      deviceBuffer: d.name,
      offset: h.offset || d.offset,
      hostOrigin:
        h.name && hostOf.get(h.name, call)
          ? { kind: hostOf.get(h.name, call)!.kind, api: hostOf.get(h.name, call)!.api, line: hostOf.get(h.name, call)!.line }
          : null,
    };
    const changes = fact.loop ? changesInLoop(call, direction, host, device) : undefined;
    events.push(changes ? { ...fact, changesInLoop: changes } : fact);
  };

  /** Why a copy in a loop moves new data each trip: the host array is built or filled there, or the device one is written. */
  const changesInLoop = (
    call: SyntaxNode,
    direction: TransferDirection,
    host: SyntaxNode | null | undefined,
    device: SyntaxNode | null | undefined,
  ): TransferFact['changesInLoop'] => {
    const loop = loopChain(call, loopSyntax, index)[0];
    if (!loop) return undefined;
    const touched = loopBodies.of(loop).touched;
    // The copy's own statement (`a_gpu = to_gpu(a)`) does not count; the call itself is found through its arguments.
    const stmt = call.parent?.type === 'assignment' ? call.parent : call;
    const elsewhere = (name: string | null) => Boolean(name && touched.get(name)?.some((o) => o < stmt.startIndex || o >= stmt.endIndex));
    // A host array made by a call in the copy (`to_gpu(np.random.rand(n))`) is new each time too.
    if (
      direction === 'host-to-device' &&
      (host?.type === 'call' ? !invariantCreation(host, loop, loopBodies.of(loop).assigned) : elsewhere(pyRoot(host)))
    )
      return 'host-written';
    if (direction === 'device-to-host' && elsewhere(pyRoot(device))) return 'device-written';
    return undefined;
  };

  /**
   * `to_gpu(numpy.array(5, dtype=dtype))` in a loop: a NumPy constructor (not a random generator) of literals and names
   * the loop neither binds nor writes makes the same data on every trip, so the upload repeats the same bytes.
   */
  const invariantCreation = (host: SyntaxNode, loop: SyntaxNode, assigned: ReadonlySet<string>): boolean => {
    const fn = field(host, 'function');
    if (!fn || !/^(np|numpy)\.(array|asarray|zeros|ones|full|arange|float16|float32|float64|int32|int64)$/.test(collapse(fn.text))) return false;
    const args = field(host, 'arguments');
    if (!args) return false;
    const loopVars = new Set(loopSyntax.variables(loop));
    let invariant = true;
    walk(args, (n) => {
      if (n.type === 'call' || n.type === 'lambda') invariant = false;
      if (n.type !== 'identifier') return;
      const parent = n.parent;
      if (parent?.type === 'keyword_argument' && field(parent, 'name')?.startIndex === n.startIndex) return;
      if (parent?.type === 'attribute' && field(parent, 'attribute')?.startIndex === n.startIndex) return;
      if (loopVars.has(n.text) || assigned.has(n.text)) invariant = false;
    });
    return invariant;
  };

  /** The size of a NumPy creator call (`numpy.zeros(n)`, `numpy.random.rand(n)`) or of one cast with astype. */
  const inlineNumpyBytes = (call: SyntaxNode): SizeValue | null => {
    const fnNode = field(call, 'function');
    if (!fnNode || (fnNode.type !== 'identifier' && fnNode.type !== 'attribute')) return null;
    const a = callArgs(call);
    if (fnNode.type === 'attribute' && field(fnNode, 'attribute')?.text === 'astype') {
      const inner = field(fnNode, 'object');
      const dtype = a.positional[0] ?? a.keywords.get('dtype');
      const innerFn = inner?.type === 'call' ? field(inner, 'function') : null;
      const iq = innerFn && (innerFn.type === 'identifier' || innerFn.type === 'attribute') ? qualify(innerFn.text) : null;
      // `(np.random.randn(400) + 1j * np.random.randn(400)).astype(np.complex64)`: an element-wise expression.
      if (inner && dtype && inner.type !== 'call') {
        const count = elementCount(inner, 0);
        const to = folder.dtypeBytes(dtype, DEFAULT_DTYPE.numpy);
        if (typeof count !== 'number' || to.bytes === null) return null;
        return { expr: `${count} x ${to.name}`, bytes: count * to.bytes, unknowns: [] };
      }
      const lib = iq?.startsWith('numpy.') ? 'numpy' : iq?.startsWith('cupy.') ? 'cupy' : null;
      if (!inner || !dtype || !iq || !lib || !(CREATORS.test(iq.split('.').pop()!) || randomArray(iq, lib))) return null;
      const ia = callArgs(inner);
      return shapeAndDtype(iq, { positional: ia.positional, keywords: new Map([...ia.keywords, ['dtype', dtype]]) }, DEFAULT_DTYPE.numpy);
    }
    const q = qualify(fnNode.text);
    if (!q?.startsWith('numpy.') || !(CREATORS.test(q.split('.').pop()!) || randomArray(q, 'numpy'))) return null;
    return shapeAndDtype(q, a, DEFAULT_DTYPE.numpy);
  };

  /**
   * Elements of an element-wise NumPy expression: creator calls of one known size combined with each other or with
   * scalars (`a + 1j * b`); 'scalar' for a number; null when a part is unknown or the sizes differ (broadcasting).
   */
  const elementCount = (node: SyntaxNode, depth: number): number | 'scalar' | null => {
    if (depth > 8) return null;
    if (node.type === 'integer' || node.type === 'float') return 'scalar';
    if (node.type === 'parenthesized_expression') {
      const inner = children(node).filter((c) => c.type !== 'comment');
      return inner.length === 1 ? elementCount(inner[0]!, depth + 1) : null;
    }
    if (node.type === 'unary_operator') {
      const arg = field(node, 'argument');
      return arg ? elementCount(arg, depth + 1) : null;
    }
    if (node.type === 'binary_operator') {
      const l = field(node, 'left');
      const r = field(node, 'right');
      const a = l ? elementCount(l, depth + 1) : null;
      const b = r ? elementCount(r, depth + 1) : null;
      if (a === null || b === null) return null;
      if (a === 'scalar') return b;
      if (b === 'scalar' || a === b) return a;
      return null;
    }
    if (node.type === 'call') {
      const fnNode = field(node, 'function');
      const q = fnNode && (fnNode.type === 'identifier' || fnNode.type === 'attribute') ? qualify(fnNode.text) : null;
      if (!q?.startsWith('numpy.') || !(CREATORS.test(q.split('.').pop()!) || randomArray(q, 'numpy'))) return null;
      const a = callArgs(node);
      // One-dimensional creators only: equal counts are then equal shapes ((400,) + (400, 1) broadcasts to 400 x 400).
      const shape = a.keywords.get('shape') ?? a.positional[0];
      const multi = /^(rand|randn)$/.test(q.split('.').pop()!) ? a.positional.length !== 1 : shape?.type === 'tuple' || shape?.type === 'list';
      if (!shape || multi || /_like$/.test(q)) return null;
      const size = shapeAndDtype(q, a, DEFAULT_DTYPE.numpy);
      const item = creatorItem(q, a);
      return size.bytes !== null && item && size.bytes % item === 0 ? size.bytes / item : null;
    }
    return null;
  };

  const hostArray = (call: SyntaxNode, api: string, kind: 'pageable' | 'pinned', size: SizeValue, item?: number | null) => {
    const target = assignedName(call);
    if (!target) return;
    folder.arrayBytes.set(target, call, size);
    if (item) itemOf.set(target, call, item);
    setHost(target, call, { kind, api, line: lines.position(call.startIndex).line, size });
  };

  /** Bytes per element of a NumPy creator's result (`_like` keeps its source's unless a dtype is given). */
  const creatorItem = (q: string, a: CallArgs): number | null => {
    const fn = q.split('.').pop()!;
    const dtype = a.keywords.get('dtype') ?? null;
    if (/_like$/.test(fn)) {
      const src = a.positional[0];
      if (dtype) return folder.dtypeBytes(dtype, DEFAULT_DTYPE.numpy).bytes;
      return src?.type === 'identifier' ? (folder.recordedArray(src.text, src)?.item ?? null) : null;
    }
    // rand/randn take dimensions only (float64); randint, arange and full take their dtype from their values.
    if (/^(rand|randn|random|random_sample)$/.test(fn)) return folder.dtypeBytes(dtype, DEFAULT_DTYPE.numpy).bytes;
    if (/^(randint|arange|full)$/.test(fn)) return dtype ? folder.dtypeBytes(dtype, DEFAULT_DTYPE.numpy).bytes : null;
    return folder.dtypeBytes(dtype ?? a.positional[1] ?? null, DEFAULT_DTYPE.numpy).bytes;
  };

  /** `a.astype(dt)` / `np.asarray(a, dt)` of a host array `a` of known size and dtype: its elements at dt's size. */
  const retyped = (source: SyntaxNode | null | undefined, dtype: SyntaxNode | null | undefined): { size: SizeValue; item: number } | null => {
    if (source?.type !== 'identifier' || !dtype) return null;
    const recorded = folder.recordedArray(source.text, source);
    const bytes = recorded?.size;
    const item = recorded?.item;
    const to = folder.dtypeBytes(dtype, DEFAULT_DTYPE.numpy);
    if (!bytes || bytes.bytes === null || !item || to.bytes === null || bytes.bytes % item !== 0) return null;
    return { size: { expr: `${bytes.expr} as ${to.name}`, bytes: (bytes.bytes / item) * to.bytes, unknowns: [] }, item: to.bytes };
  };

  const shapeAndDtype = (q: string, a: CallArgs, fallback: string, skipFirst = false) => {
    const pos = skipFirst ? a.positional.slice(1) : a.positional;
    const fn = q.split('.').pop()!;
    if (/_like$/.test(fn)) return bytesOfName(pos[0]);
    // rand(3, 4) / torch.zeros(3, 4): every positional argument is a dimension.
    const multiDim =
      /^(rand|randn)$/.test(fn) || (q.startsWith('torch') && pos.length > 1 && !pos.some((p) => p.type === 'tuple' || p.type === 'list'));
    const shape = fn === 'arange' ? (pos[pos.length > 1 ? 1 : 0] ?? null) : (pos[0] ?? a.keywords.get('shape') ?? null);
    const dtype = a.keywords.get('dtype') ?? (fn === 'full' || fn === 'arange' || multiDim ? null : (pos[1] ?? null));
    if (multiDim) {
      const counts = pos.map((p) => folder.evaluate(p));
      const item = folder.dtypeBytes(dtype, fallback);
      const expr = `(${pos.map((p) => collapse(p.text)).join(', ')}) x ${item.name}`;
      if (counts.some((c) => c.value === null) || item.bytes === null) return { expr, bytes: null, unknowns: counts.flatMap((c) => c.unknowns) };
      return { expr, bytes: counts.reduce((s, c) => s * c.value!, 1) * item.bytes, unknowns: [] };
    }
    return folder.arraySize(shape, dtype, fallback, collapse(a.positional.map((p) => p.text).join(', ')));
  };

  /** cupy.cuda.runtime.memcpy(dst, src, size, kind[, stream]) and memcpy2D(dst, dpitch, src, spitch, width, height, kind[, stream]). */
  const runtimeMemcpy = (call: SyntaxNode, q: string, a: CallArgs) => {
    const twoD = q.includes('2D');
    const [dst, src, kind, stream] = twoD
      ? [a.positional[0], a.positional[2], a.positional[6], a.positional[7]]
      : [a.positional[0], a.positional[1], a.positional[3], a.positional[4]];
    const direction = kind ? transferDirectionFromKind(kind.text) : 'unknown';
    const size = twoD ? productOf(a.positional[4], a.positional[5]) : folder.size(a.positional[2] ?? null);
    // Pointers arrive as `h.ctypes.data` / `d.data.ptr`: the array is the attribute chain's root.
    const root = (n: SyntaxNode | undefined): SyntaxNode | undefined => {
      let r = n;
      while (r?.type === 'attribute') r = field(r, 'object') ?? undefined;
      return r?.type === 'identifier' ? r : n;
    };
    const [host, device] = direction === 'device-to-host' ? [root(dst), root(src)] : [root(src), root(dst)];
    transfer(call, q, 'cupy', direction, size, direction === 'device-to-device' ? null : host, device, {
      async: q.endsWith('Async'),
      stream: stream ? collapse(stream.text) : null,
    });
  };

  const productOf = (x: SyntaxNode | undefined, y: SyntaxNode | undefined): SizeValue => {
    const a = folder.size(x ?? null);
    const b = folder.size(y ?? null);
    const expr = `${a.expr} * ${b.expr}`;
    return a.bytes !== null && b.bytes !== null
      ? { expr, bytes: a.bytes * b.bytes, unknowns: [] }
      : { expr, bytes: null, unknowns: [...a.unknowns, ...b.unknowns] };
  };

  /**
   * `np.array(np.random.rand(n), dtype=np.float32)` / `np.asarray(np.random.rand(n), np.float32)`: the inner
   * creator's shape with the dtype the conversion gives (not the creator's float64).
   */
  const convertedCreation = (a: CallArgs): SizeValue | null => {
    const inner = a.positional[0];
    const dtype = a.keywords.get('dtype') ?? a.positional[1];
    if (!dtype || inner?.type !== 'call') return null;
    const innerFn = field(inner, 'function');
    const iq = innerFn && (innerFn.type === 'identifier' || innerFn.type === 'attribute') ? qualify(innerFn.text) : null;
    if (!iq?.startsWith('numpy.') || !(CREATORS.test(iq.split('.').pop()!) || randomArray(iq, 'numpy'))) return null;
    const ia = callArgs(inner);
    return shapeAndDtype(iq, { positional: ia.positional, keywords: new Map([...ia.keywords, ['dtype', dtype]]) }, DEFAULT_DTYPE.numpy);
  };
  const visitCall = (call: SyntaxNode) => {
    const fnNode = field(call, 'function');
    if (!fnNode) return;
    const a = callArgs(call);
    // Kernel launches: Numba's and CuPy's `kernel[grid, block](...)`, PyCUDA's `func.prepared_call(grid, block, ...)`
    // and `func(..., block=(...), grid=(...))`. Other rules read them as the GPU work of a loop.
    const launched = launchedKernel(fnNode, a);
    if (launched) events.push({ kind: 'launch', ...base(call, launched.api, launched.family), kernel: launched.kernel, config: '' });
    const q = fnNode.type === 'identifier' || fnNode.type === 'attribute' ? qualify(fnNode.text) : null;
    // `numpy.random.randn(n).astype(numpy.float32)`: the creator's shape with the cast's dtype, held by the name the
    // cast is assigned to (the creator's own call is not what is assigned); `a.astype(np.float32)` of a host array
    // of this file: its elements at the new dtype.
    if (fnNode.type === 'attribute' && field(fnNode, 'attribute')?.text === 'astype' && !q?.startsWith('cupy')) {
      const dtype = a.positional[0] ?? a.keywords.get('dtype');
      const inline = inlineNumpyBytes(call);
      const cast = inline
        ? { size: inline, item: dtype ? folder.dtypeBytes(dtype, DEFAULT_DTYPE.numpy).bytes : null }
        : retyped(field(fnNode, 'object'), dtype);
      if (cast) {
        hostArray(call, 'numpy.astype', 'pageable', cast.size, cast.item);
        return;
      }
    }
    if (q) {
      const root = q.split('.')[0]!;
      const fn = q.split('.').pop()!;
      // NumPy host arrays (pageable): their sizes feed later uploads.
      if (root === 'numpy') {
        if (CREATORS.test(fn) || randomArray(q, 'numpy')) hostArray(call, q, 'pageable', shapeAndDtype(q, a, DEFAULT_DTYPE.numpy), creatorItem(q, a));
        else if (/^(load|fromfile|memmap|loadtxt|genfromtxt|frombuffer|array|asarray)$/.test(fn)) {
          const src = a.positional[0] ? collapse(a.positional[0].text) : '?';
          const dtype = a.keywords.get('dtype') ?? a.positional[1];
          const cast = fn === 'array' || fn === 'asarray' ? retyped(a.positional[0], dtype) : null;
          const size =
            fn === 'array' || fn === 'asarray'
              ? (convertedCreation(a) ?? cast?.size ?? bytesOfName(a.positional[0]))
              : { expr: `numpy.${fn}(${src})`, bytes: null, unknowns: [`numpy.${fn}(${src})`] };
          hostArray(call, q, 'pageable', size, dtype ? folder.dtypeBytes(dtype, DEFAULT_DTYPE.numpy).bytes : (cast?.item ?? null));
        }
        return;
      }
      if (fn === 'DataLoader') {
        const t = assignedName(call);
        if (t) pinnedLoaders.set(t, a.keywords.get('pin_memory')?.text === 'True');
        return;
      }
      const family = FAMILY_BY_ROOT[root];
      if (!family) return;
      if (/malloc_managed|ManagedMemory/.test(q) || (/malloc_managed/.test(call.text) && /set_allocator/.test(q))) cupyManaged = true;
      if (/(^|\.)(synchronize|deviceSynchronize|finish)$/.test(q)) {
        events.push({ kind: 'sync', ...base(call, q, family) });
        return;
      }
      if (/\.(Stream|stream)$/.test(q)) {
        events.push({ kind: 'hint', ...base(call, q, family), hint: 'stream', target: assignedName(call) });
        return;
      }
      switch (family) {
        case 'cupy':
          if (/^cupyx\.(zeros|empty)_pinned$/.test(q)) hostArray(call, q, 'pinned', shapeAndDtype(q, a, DEFAULT_DTYPE.numpy));
          else if (q === 'cupy.cuda.alloc_pinned_memory') hostArray(call, q, 'pinned', folder.size(a.positional[0] ?? null));
          else if (q === 'cupy.cuda.alloc' || q === 'cupy.cuda.memory.alloc')
            alloc(call, q, 'cupy', folder.size(a.positional[0] ?? null), cupyManaged ? 'managed' : 'device');
          else if (/^cupy\.cuda\.runtime\.memcpy(2D)?(Async)?$/.test(q)) runtimeMemcpy(call, q, a);
          else if (/^cupy\.(asarray|array|ascontiguousarray)$/.test(q)) upload(call, q, 'cupy', a.positional[0], cupyManaged ? 'managed' : 'device');
          else if (q === 'cupy.asnumpy')
            transfer(call, q, 'cupy', 'device-to-host', bytesOfName(a.positional[0]), null, a.positional[0], {
              stream: a.keywords.get('stream')?.text ?? null,
            });
          else if (fn === 'astype' && fnNode.type === 'attribute') {
            // `cp.random.randn(4, 4).astype(cp.float32)`: a second device array, the creator's shape at the new dtype.
            const inline = inlineNumpyBytes(call);
            if (inline) alloc(call, 'cupy.ndarray.astype', 'cupy', inline, cupyManaged ? 'managed' : 'device');
          } else if (CREATORS.test(fn) || randomArray(q, 'cupy'))
            alloc(call, q, 'cupy', shapeAndDtype(q, a, DEFAULT_DTYPE.numpy), cupyManaged ? 'managed' : 'device');
          break;
        case 'pycuda':
          if (/\.mem_alloc$/.test(q)) alloc(call, q, 'pycuda', folder.size(a.positional[0] ?? null), 'device');
          else if (/\.(to_device|to_gpu|to_gpu_async)$/.test(q))
            upload(call, q, 'pycuda', a.positional[0], 'device', { async: q.endsWith('_async') });
          else if (/\.(pagelocked_empty|pagelocked_zeros|aligned_empty)$/.test(q))
            hostArray(call, q, 'pinned', shapeAndDtype(q, a, DEFAULT_DTYPE.numpy));
          else if (/\.(managed_empty|managed_zeros)$/.test(q)) alloc(call, q, 'pycuda', shapeAndDtype(q, a, DEFAULT_DTYPE.numpy), 'managed');
          else if (/\.memcpy_htod(_async)?$/.test(q))
            transfer(call, q, 'pycuda', 'host-to-device', bytesOfName(a.positional[1]), a.positional[1], a.positional[0], {
              async: q.endsWith('_async'),
              stream: a.positional[2]?.text ?? null,
            });
          else if (/\.memcpy_dtoh(_async)?$/.test(q))
            transfer(call, q, 'pycuda', 'device-to-host', bytesOfName(a.positional[0]), a.positional[0], a.positional[1], {
              async: q.endsWith('_async'),
              stream: a.positional[2]?.text ?? null,
            });
          else if (/\.memcpy_dtod(_async)?$/.test(q))
            transfer(call, q, 'pycuda', 'device-to-device', folder.size(a.positional[2] ?? null), null, a.positional[0]);
          else if (/gpuarray\.(zeros|empty|ones)$/.test(q)) alloc(call, q, 'pycuda', shapeAndDtype(q, a, DEFAULT_DTYPE.numpy), 'device');
          break;
        case 'pyopencl':
          if (q === 'pyopencl.Buffer') {
            const flags = collapse(a.positional[1]?.text ?? a.keywords.get('flags')?.text ?? '');
            const hostbuf = a.keywords.get('hostbuf') ?? a.positional[3];
            const sizeNode = a.keywords.get('size') ?? a.positional[2];
            const size = sizeNode ? folder.size(sizeNode) : bytesOfName(hostbuf);
            const space: MemorySpace = /(ALLOC|USE)_HOST_PTR/.test(flags) ? 'mapped' : 'device';
            if (/COPY_HOST_PTR/.test(flags) && hostbuf) upload(call, q, 'pyopencl', hostbuf, space, { size });
            else alloc(call, q, 'pyopencl', size, space);
          } else if (q === 'pyopencl.enqueue_copy') {
            const [, dst, src] = a.positional;
            const dstDevice = Boolean(dst && nameOf(dst).name && deviceNames.has(nameOf(dst).name!));
            const srcDevice = Boolean(src && nameOf(src).name && deviceNames.has(nameOf(src).name!));
            const direction: TransferDirection =
              dstDevice && srcDevice ? 'device-to-device' : dstDevice ? 'host-to-device' : srcDevice ? 'device-to-host' : 'unknown';
            const blockingNode = a.keywords.get('is_blocking');
            const blocking = blockingNode ? (blockingNode.text === 'True' ? true : blockingNode.text === 'False' ? false : null) : true; // PyOpenCL defaults to blocking
            const host = direction === 'host-to-device' ? src : dst;
            const offset = a.keywords.has('device_offset') || a.keywords.has('dst_offset') || a.keywords.has('src_offset');
            transfer(call, q, 'pyopencl', direction, bytesOfName(host), host, direction === 'host-to-device' ? dst : src, {
              blocking,
              async: blocking === false,
            });
            if (offset) (events[events.length - 1] as { offset: boolean }).offset = true;
          } else if (/pyopencl\.array\.to_device$/.test(q)) upload(call, q, 'pyopencl', a.positional[1]);
          else if (/pyopencl\.array\.(zeros|empty)$/.test(q)) alloc(call, q, 'pyopencl', shapeAndDtype(q, a, DEFAULT_DTYPE.numpy, true), 'device');
          else if (/enqueue_map_buffer$/.test(q))
            events.push({ kind: 'hint', ...base(call, q, 'pyopencl'), hint: 'map', target: nameOf(a.positional[1]).name });
          break;
        case 'numba':
          if (/cuda\.to_device$/.test(q)) {
            // to_device(ary, stream=0, copy=True, to=None): a stream, by keyword or second positional, makes it async.
            const stream = a.keywords.get('stream') ?? a.positional[1];
            upload(call, q, 'numba', a.positional[0], 'device', {
              async: Boolean(stream && stream.text !== '0'),
              stream: stream ? collapse(stream.text) : null,
            });
          } else if (/cuda\.(device_array|device_array_like)$/.test(q))
            alloc(call, q, 'numba', /_like$/.test(q) ? bytesOfName(a.positional[0]) : shapeAndDtype(q, a, DEFAULT_DTYPE.numpy), 'device');
          else if (/cuda\.managed_array$/.test(q)) alloc(call, q, 'numba', shapeAndDtype(q, a, DEFAULT_DTYPE.numpy), 'managed');
          else if (/cuda\.mapped_array$/.test(q)) alloc(call, q, 'numba', shapeAndDtype(q, a, DEFAULT_DTYPE.numpy), 'mapped');
          else if (/cuda\.pinned_array$/.test(q)) hostArray(call, q, 'pinned', shapeAndDtype(q, a, DEFAULT_DTYPE.numpy));
          else if (/cuda\.random\.create_xoroshiro128p_states$/.test(q)) {
            // A device array of n states, initialised on the host and copied to the device in one call; a state is two
            // uint64 (numba/cuda/random.py: xoroshiro128p_dtype, create_xoroshiro128p_states, read 2026-12-04).
            const n = a.positional[0] ?? a.keywords.get('n');
            const count = n ? folder.evaluate(n) : null;
            const expr = `${n ? collapse(n.text) : '?'} x xoroshiro128p state (16 bytes)`;
            const size: SizeValue =
              count?.value != null ? { expr, bytes: count.value * 16, unknowns: [] } : { expr, bytes: null, unknowns: count?.unknowns ?? ['n'] };
            const stream = a.keywords.get('stream') ?? a.positional[3];
            upload(call, q, 'numba', null, 'device', { size, stream: stream && stream.text !== '0' ? collapse(stream.text) : null });
          }
          break;
        case 'torch': {
          if (q === 'torch.device') {
            const t = assignedName(call);
            if (t && /cuda/.test(call.text)) cudaDeviceVars.add(t);
            return;
          }
          if (q === 'torch.from_numpy') {
            hostArray(call, q, 'pageable', bytesOfName(a.positional[0]));
            return;
          }
          if (CREATORS.test(fn) || fn === 'tensor') {
            const size =
              fn === 'tensor' ? { expr: collapse(call.text), bytes: null, unknowns: ['tensor literal'] } : shapeAndDtype(q, a, DEFAULT_DTYPE.torch);
            if (isCudaDevice(a.keywords.get('device'))) alloc(call, q, 'torch', size, 'device');
            else hostArray(call, q, a.keywords.get('pin_memory')?.text === 'True' ? 'pinned' : 'pageable', size);
          }
          break;
        }
        default:
          break;
      }
      return;
    }
    if (fnNode.type === 'attribute') visitMethod(call, fnNode, a);
  };

  // Method calls on arrays, tensors, buffers and queues: x.cuda(), x.to('cuda'), x.get(), d.copy_to_host(), buf.release().
  const importsNumba = [...aliases.values()].some((m) => m.startsWith('numba'));
  const importsCupy = [...aliases.values()].some((m) => m.startsWith('cupy'));
  const launchedKernel = (fnNode: SyntaxNode, a: CallArgs): { api: string; kernel: string; family: GpuApi } | null => {
    if (fnNode.type === 'subscript' && (importsNumba || importsCupy)) {
      const kernel = field(fnNode, 'value');
      // A launch configuration has a grid and a block (and maybe a stream, shared bytes): `table[key](x)` is a lookup.
      const config = fnNode.childrenForFieldName('subscript').filter((c) => c !== null);
      if (kernel && config.length >= 2 && (kernel.type === 'identifier' || kernel.type === 'attribute'))
        return { api: `${collapse(kernel.text)}[]()`, kernel: collapse(kernel.text), family: importsNumba ? 'numba' : 'cupy' };
    }
    if (!importsPycuda) return null;
    if (fnNode.type === 'attribute') {
      const method = field(fnNode, 'attribute')?.text;
      if (method === 'prepared_call' || method === 'prepared_async_call' || method === 'prepared_timed_call') {
        const kernel = collapse(field(fnNode, 'object')?.text ?? '?');
        return { api: `${kernel}.${method}`, kernel, family: 'pycuda' };
      }
    }
    if (a.keywords.has('block') && (fnNode.type === 'identifier' || fnNode.type === 'attribute')) {
      const kernel = collapse(fnNode.text);
      return { api: kernel, kernel, family: 'pycuda' };
    }
    return null;
  };

  const visitMethod = (call: SyntaxNode, fnNode: SyntaxNode, a: CallArgs) => {
    const method = field(fnNode, 'attribute')?.text;
    const receiver = field(fnNode, 'object');
    const recvName = nameOf(receiver).name;
    const nonBlocking = a.keywords.get('non_blocking')?.text === 'True';
    switch (method) {
      case 'cuda':
        if (!importsTorch) return;
        upload(call, 'Tensor.cuda', 'torch', receiver, 'device', { async: nonBlocking });
        return;
      case 'to': {
        if (!importsTorch) return;
        const dev = a.positional[0] ?? a.keywords.get('device');
        if (isCudaDevice(dev)) {
          upload(call, 'Tensor.to', 'torch', receiver, 'device', { async: nonBlocking });
        } else if (dev?.text.includes('cpu'))
          transfer(call, 'Tensor.to', 'torch', 'device-to-host', bytesOfName(receiver), null, receiver, { async: nonBlocking });
        return;
      }
      case 'cpu':
        if (importsTorch) transfer(call, 'Tensor.cpu', 'torch', 'device-to-host', bytesOfName(receiver), null, receiver);
        return;
      case 'pin_memory': {
        const t = assignedName(call);
        if (t && importsTorch) setHost(t, call, { kind: 'pinned', api: 'Tensor.pin_memory', line: lines.position(call.startIndex).line });
        if (t && recvName && folder.arrayBytes.has(recvName, call)) folder.arrayBytes.set(t, call, folder.arrayBytes.get(recvName, call)!);
        return;
      }
      case 'get':
      case 'get_async': {
        if (!recvName || !deviceNames.has(recvName)) return;
        // PyCUDA: get(ary=None, pagelocked=False, async_=False, stream=None), get_async(stream=None); CuPy: get(stream=None).
        const stream = a.keywords.get('stream') ?? (method === 'get_async' ? a.positional[0] : undefined);
        const async = method === 'get_async' || a.keywords.get('async_')?.text === 'True' || (!importsPycuda && Boolean(stream));
        transfer(call, `${recvName}.${method}`, importsPycuda ? 'pycuda' : 'cupy', 'device-to-host', bytesOfName(receiver), null, receiver, {
          async,
          stream: stream ? collapse(stream.text) : null,
        });
        return;
      }
      case 'set':
      case 'set_async': {
        if (!recvName || !deviceNames.has(recvName)) return;
        // PyCUDA: set(ary, async_=False, stream=None), set_async(ary, stream=None); CuPy: set(arr, stream=None) on any view.
        const stream = a.keywords.get('stream') ?? a.positional[1];
        const async = method === 'set_async' || a.keywords.get('async_')?.text === 'True' || (!importsPycuda && Boolean(stream));
        transfer(
          call,
          `${recvName}.${method}`,
          importsPycuda ? 'pycuda' : 'cupy',
          'host-to-device',
          bytesOfName(a.positional[0]),
          a.positional[0],
          receiver,
          { async, stream: stream ? collapse(stream.text) : null },
        );
        return;
      }
      case 'item':
        // `loss.item()` copies a scalar to the host and waits for the GPU: a synchronisation (PyTorch docs, "CUDA semantics").
        if (
          importsTorch &&
          a.positional.length === 0 &&
          events.some((e) => e.family === 'torch' && (e.kind === 'allocation' || e.kind === 'transfer'))
        ) {
          events.push({ kind: 'sync', ...base(call, 'Tensor.item', 'torch') });
        }
        return;
      case 'copy_to_host': {
        // copy_to_host(ary=None, stream=0): the stream by keyword or second positional.
        const stream = a.keywords.get('stream') ?? a.positional[1];
        transfer(call, 'DeviceNDArray.copy_to_host', 'numba', 'device-to-host', bytesOfName(receiver), a.positional[0] ?? null, receiver, {
          stream: stream ? collapse(stream.text) : null,
          async: Boolean(stream && stream.text !== '0'),
        });
        return;
      }
      case 'copy_to_device':
        transfer(call, 'DeviceNDArray.copy_to_device', 'numba', 'host-to-device', bytesOfName(a.positional[0]), a.positional[0], receiver);
        return;
      case 'synchronize':
        events.push({ kind: 'sync', ...base(call, `${collapse(receiver?.text ?? '')}.synchronize`, importsTorch ? 'torch' : 'cupy') });
        return;
      case 'finish':
        if (importsOpenCL) events.push({ kind: 'sync', ...base(call, `${collapse(receiver?.text ?? '')}.finish`, 'pyopencl') });
        return;
      case 'free':
      case 'release':
        if (recvName && deviceNames.has(recvName)) events.push({ kind: 'free', ...base(call, `${recvName}.${method}`, 'pycuda'), target: recvName });
        return;
      default:
        return;
    }
  };

  for (const node of nodes.of(MAIN_TYPES)) {
    if (node.type === 'call') visitCall(node);
    else if (node.type === 'attribute') {
      const attr = field(node, 'attribute')?.text;
      if (attr === 'max_mem_alloc_size' || attr === 'global_mem_size') {
        events.push({
          kind: 'hint',
          ...base(node, attr, 'pyopencl'),
          hint: attr === 'max_mem_alloc_size' ? 'max-alloc-query' : 'global-mem-query',
          target: null,
        });
      }
    } else if (node.type === 'for_statement') {
      // Batches from a DataLoader are pinned exactly when the loader was built with pin_memory=True.
      const right = field(node, 'right');
      const left = field(node, 'left');
      if (right?.type === 'identifier' && left && pinnedLoaders.has(right.text)) {
        const kind = pinnedLoaders.get(right.text) ? 'pinned' : 'pageable';
        walk(
          left,
          (n) => {
            setHost(n.text, node, { kind, api: 'DataLoader', line: lines.position(node.startIndex).line });
          },
          IDENTIFIER,
        );
      }
    }
  }

  return { path, language: 'python', events, apiCalls: [], kernels: [], hostBuffers, checkMacros: [], assumedTypeSizes: {} };
}

/**
 * What a counted `for` iterates: `range(...)`, a list or tuple written out (`for n in [10, 20]`, a warm-up then a
 * measured stage), or `enumerate` of one: a fixed number of repetitions, not a pass over data.
 */
function countedIterable(right: SyntaxNode | null): boolean {
  if (!right) return false;
  if (right.type === 'list' || right.type === 'tuple') return true;
  if (right.type !== 'call') return false;
  const fn = field(right, 'function')?.text;
  if (fn === 'range') return true;
  const first = callArgs(right).positional[0];
  return fn === 'enumerate' && !!first && (first.type === 'list' || first.type === 'tuple' || countedIterable(first));
}
