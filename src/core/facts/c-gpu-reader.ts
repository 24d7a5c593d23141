// The fact reader of a C-family segment (a top-level function, or the whole file in a scan): allocations,
// transfers, frees, synchronisation, launches, hints, host buffer kinds and whether each API call's status is looked
// at. It reads one segment's tree against the file's context (env); c-gpu.ts decides which segments to read and
// which to take from the editor's cache.

import { type ParsedSource, type SyntaxNode } from '../parse/tree-sitter';
import type { ApiCallFact, GpuEvent, LoopInfo, MemorySpace, SizeValue, TransferDirection, TransferFact } from '../model/types';
import { CConstantFolder, FUNCTION_TYPES, type Folded } from './c-constants';
import { lookupTable } from '../model/lookup';
import type { IncludedHeaders } from './c-includes';
import {
  C_API_TABLE,
  CUDA_NON_STATUS_CALLS,
  OPENCL_CPP_METHODS,
  OPENCL_ERRCODE_RET_CALLS,
  OPENCL_UNCHECKED_OK,
  transferDirectionFromKind,
  type CallSpec,
  type SizeSpec,
} from './c-api-table';
import { CUDA_DRIVER_CALLS, CUDA_RUNTIME_STATUS_CALLS } from './cuda-api-names';
import { MacroReaders, statusStore, storedStatusRead } from './c-status-read';
import { Enclosing, LineMap, MAX_GUARD_LEVELS, NodeIndex, children, collapse, field, loopChain, loopInfo, walk, type LoopSyntax } from './syntax';
import { HostBufferTable, type DefinitionRecord, type Segment, type SegmentFacts } from './c-segments';

/** What a segment's reader sees of its file: the tree, the folder over the file's context, what other segments wrote. */
export interface SegmentReaderEnv {
  parsed: ParsedSource;
  lines: LineMap;
  folder: CConstantFolder;
  parseExpression: (text: string, use: (expr: SyntaxNode | null) => Folded) => Folded;
  /** Host buffers as the segments before this one left them (source order); the reader logs its reads and writes. */
  hostBuffers: HostBufferTable;
  /** Functions the file defines (a cudaXxx defined here is the project's own helper). */
  definedHere: ReadonlySet<string>;
  headers: IncludedHeaders | null | undefined;
  /** Masked `<<<` launches by the offset of their configuration's open parenthesis. */
  launchOpens: ReadonlyMap<number, ParsedSource['mask']['launches'][number]>;
  /** Macros that free one of their parameters, by name, with the parameter positions. */
  freeMacros: ReadonlyMap<string, ReadonlySet<number>>;
  /** Macros that free names of their own (`#define CLEANUP() … cudaFree(d_a) …`), with those names. */
  namedFreeMacros: ReadonlyMap<string, readonly string[]>;
  /** Functions and macros of the file or its headers that read the last CUDA error (c-error-checks.ts). */
  lastErrorReaders: ReadonlySet<string>;
  /** `init_declarator` nodes of the file's context segments. */
  contextInits: readonly SyntaxNode[];
  usesClCpp: boolean;
  nodesOf: (seg: Segment) => NodeIndex;
}

/** Reads one segment's facts; it logs what it read from and wrote to the host-buffer table. */
export function readSegment(env: SegmentReaderEnv, seg: Segment, index: Enclosing, orderBase: number): SegmentFacts {
  const {
    parsed,
    lines,
    folder,
    parseExpression,
    hostBuffers,
    definedHere,
    headers,
    launchOpens,
    freeMacros,
    namedFreeMacros,
    lastErrorReaders,
    contextInits,
    usesClCpp,
    nodesOf,
  } = env;
  const nodes = nodesOf(seg);
  folder.use(index);
  hostBuffers.begin(seg.startLine);
  const functionOf = (node: SyntaxNode) => functionName(node, index);
  const loopSyntax = C_LOOP_SYNTAX(folder, /\b(cudaEventElapsedTime|cuEventElapsedTime)\b/.test(parsed.text));
  const events: GpuEvent[] = [];
  const apiCalls: ApiCallFact[] = [];
  const checkMacroUses = new Map<string, number>();
  const loopBodies = new CLoopBodies(launchOpens, lastErrorReaders);
  let order = orderBase;

  const base = (node: SyntaxNode, api: string, family: GpuEvent['family']) => {
    const range = lines.range(node.startIndex, node.endIndex);
    return {
      api,
      family,
      line: range.startLine,
      range,
      function: functionOf(node),
      loop: loopInfo(node, loopSyntax, lines, index) as LoopInfo | null,
      order: order++,
    };
  };

  const sizeOf = (spec: SizeSpec | null, args: SyntaxNode[]): SizeValue => {
    if (spec === null) return { expr: '?', bytes: null, unknowns: ['size not in the call'] };
    if (typeof spec === 'number') return folder.size(args[spec] ?? null);
    if ('product' in spec) {
      const parts = spec.product.map((i) => folder.size(args[i] ?? null));
      const expr = parts.map((p) => p.expr).join(' * ');
      if (parts.some((p) => p.bytes === null)) return { expr, bytes: null, unknowns: parts.flatMap((p) => p.unknowns) };
      return { expr, bytes: parts.reduce((a, p) => a * p.bytes!, 1), unknowns: [] };
    }
    return extentSize(args[spec.extent] ?? null);
  };

  // cudaMalloc3D(&p, make_cudaExtent(w, h, d)) or an extent variable initialised that way.
  const extentSize = (arg: SyntaxNode | null): SizeValue => {
    let call: SyntaxNode | null = arg;
    if (arg?.type === 'identifier') {
      const named = (n: SyntaxNode) => field(n, 'declarator')?.text === arg.text;
      const decl = nodes.of(INIT_DECLARATOR).find(named) ?? contextInits.find(named);
      call = decl ? field(decl, 'value') : null;
    }
    if (call?.type === 'call_expression' && calleeName(call) === 'make_cudaExtent') {
      const a = children(field(call, 'arguments')!);
      const parts = a.map((x) => folder.size(x));
      const expr = collapse(call.text);
      if (parts.length === 3 && parts.every((p) => p.bytes !== null)) return { expr, bytes: parts.reduce((s, p) => s * p.bytes!, 1), unknowns: [] };
      return { expr, bytes: null, unknowns: parts.flatMap((p) => p.unknowns) };
    }
    return { expr: arg ? collapse(arg.text) : '?', bytes: null, unknowns: [arg ? collapse(arg.text) : '?'] };
  };

  const assignedName = (call: SyntaxNode): string | null => {
    let p = call.parent;
    while (p && (p.type === 'parenthesized_expression' || p.type === 'cast_expression')) p = p.parent;
    if (p?.type === 'init_declarator') return bufferName(field(p, 'declarator')).name;
    if (p?.type === 'assignment_expression') return bufferName(field(p, 'left')).name;
    return null;
  };

  const recordHostBuffer = (name: string | null, kind: 'pageable' | 'pinned', api: string, node: SyntaxNode, size?: SizeValue) =>
    hostBuffers.record(name, kind, api, lines.position(node.startIndex).line, size);

  const originOf = (name: string) => {
    const h = hostBuffers.get(name);
    return h ? { kind: h.kind, api: h.api, line: h.line } : null;
  };

  /** The size argument names the loop's variables or a name the loop assigns (`bytes = sizes[i]`): a sweep. */
  const sizeFollowsLoop = (loop: SyntaxNode, sizeArg: SyntaxNode | undefined): boolean => {
    if (!sizeArg) return false;
    const body = loopBodies.of(loop);
    const vars = loopSyntax.variables(loop);
    let follows = false;
    walk(
      sizeArg,
      (id) => {
        follows ||= vars.includes(id.text) || body.assigned.has(id.text);
      },
      IDENTIFIER,
    );
    return follows;
  };

  const deviceFunctions = new Map<number, boolean>();
  /** Inside a __global__ / __device__ function (not __host__ __device__): device-side calls, not the host API. */
  const inDeviceCode = (node: SyntaxNode): boolean => {
    const fn = index.innermost(node, FUNCTION_DEFINITION);
    if (!fn) return false;
    let known = deviceFunctions.get(fn.startIndex);
    if (known === undefined) {
      // The qualifiers are blanked in the tree (cuda-mask): look them up between the previous declaration and the body.
      const bodyStart = field(fn, 'body')?.startIndex ?? fn.startIndex;
      const head = parsed.text.slice(Math.max(0, fn.startIndex - 64), bodyStart);
      const from = bodyStart - head.length + Math.max(head.lastIndexOf(';'), head.lastIndexOf('}')) + 1;
      const own = parsed.mask.qualifiers.filter((q) => q.offset >= from && q.offset < bodyStart).map((q) => q.text);
      known = own.some((q) => q === '__global__' || q === '__device__') && !own.includes('__host__');
      deviceFunctions.set(fn.startIndex, known);
    }
    return known;
  };

  /** `cl::Buffer(ctx, flags, size)` / `cl::Buffer(ctx, begin(h), end(h), ro)` as an expression, and `cl::copy(...)`. */
  const visitClCpp = (call: SyntaxNode, fnNode: SyntaxNode, name: string, args: SyntaxNode[]): boolean => {
    const callee = collapse(fnNode.text).replace(/\s/g, '');
    if (callee === 'cl::Buffer') {
      clBufferCreation(call, assignedName(call), args);
      return true;
    }
    if (callee !== 'cl::copy' || args.length < 3 || name !== 'copy') return false;
    // copy([queue,] first, last, buffer) uploads; copy([queue,] buffer, first, last) downloads.
    const up = !/\bend\s*\(|\.end\s*\(\s*\)|\bcend\s*\(/.test(args[args.length - 1]!.text);
    const buffer = up ? args[args.length - 1]! : args[args.length - 3]!;
    const first = up ? args[args.length - 3]! : args[args.length - 2]!;
    const host = iteratorHost(first);
    const device = bufferName(buffer).name;
    const known = host ? hostBuffers.get(host)?.size : undefined;
    const size = known ?? { expr: `size of ${host ?? collapse(first.text)}`, bytes: null, unknowns: [host ?? collapse(first.text)] };
    events.push({
      kind: 'transfer',
      ...base(call, 'cl::copy', 'opencl'),
      direction: up ? 'host-to-device' : 'device-to-host',
      size,
      async: false,
      stream: null,
      blocking: true,
      hostBuffer: host,
      deviceBuffer: device,
      offset: false,
      hostOrigin: host ? originOf(host) : null,
    });
    return true;
  };

  /** `begin(h)`, `h.begin()`, `std::begin(h)`, `h.data()`: the host container an iterator walks. */
  const iteratorHost = (node: SyntaxNode): string | null => {
    const m = /^(?:std::)?c?begin\s*\(\s*([A-Za-z_]\w*)\s*\)$|^([A-Za-z_]\w*)\s*\.\s*c?begin\s*\(\s*\)$/.exec(collapse(node.text));
    return m ? (m[1] ?? m[2]!) : bufferName(node).name;
  };

  /** cl::Buffer(context, flags, size[, host_ptr]) or the iterator form cl::Buffer(context, first, last, readOnly): an upload. */
  const clBufferCreation = (node: SyntaxNode, target: string | null, ctorArgs: SyntaxNode[]) => {
    if (ctorArgs.length < 3) return;
    const iterator = /\bc?begin\s*\(/.test(ctorArgs[1]!.text);
    if (iterator) {
      const host = iteratorHost(ctorArgs[1]!);
      const known = host ? hostBuffers.get(host)?.size : undefined;
      const size = known ?? {
        expr: `size of ${host ?? collapse(ctorArgs[1]!.text)}`,
        bytes: null,
        unknowns: [host ?? collapse(ctorArgs[1]!.text)],
      };
      events.push({
        kind: 'allocation',
        ...base(node, 'cl::Buffer', 'opencl'),
        target,
        targetExpr: target,
        size,
        space: 'device',
        ...(host ? { hostSource: host, uploadsFrom: host } : {}),
      });
      events.push({
        kind: 'transfer',
        ...base(node, 'cl::Buffer', 'opencl'),
        direction: 'host-to-device',
        size,
        async: false,
        stream: null,
        blocking: true,
        hostBuffer: host,
        deviceBuffer: target,
        offset: false,
        hostOrigin: host ? originOf(host) : null,
      });
      return;
    }
    const size = folder.size(ctorArgs[2]!);
    const flags = collapse(ctorArgs[1]!.text);
    const hostArg = ctorArgs[3];
    const copiesHost = /CL_MEM_COPY_HOST_PTR/.test(flags) && hostArg && !NULL_ARG.test(hostArg.text.trim());
    const host = copiesHost ? bufferName(hostArg).name : null;
    events.push({
      kind: 'allocation',
      ...base(node, 'cl::Buffer', 'opencl'),
      target,
      targetExpr: target,
      size,
      space: /CL_MEM_(ALLOC|USE)_HOST_PTR/.test(flags) ? 'mapped' : 'device',
      flags: flags.split('|').map((f) => f.trim()),
      ...(copiesHost ? { hostSource: host, uploadsFrom: host } : {}),
    });
    if (copiesHost)
      events.push({
        kind: 'transfer',
        ...base(node, 'cl::Buffer', 'opencl'),
        direction: 'host-to-device',
        size,
        async: false,
        stream: null,
        blocking: true,
        hostBuffer: host,
        deviceBuffer: target,
        offset: false,
        hostOrigin: host ? originOf(host) : null,
      });
  };

  const visitCall = (call: SyntaxNode) => {
    if (parsed.mask.qualifiers.length && inDeviceCode(call)) return;
    const fnNode = field(call, 'function');
    const argsNode = field(call, 'arguments');
    const args = argsNode ? children(argsNode).filter((c) => c.type !== 'comment') : [];
    // A launch: the masked `kernel<<<cfg>>>` is the callee call, this call holds the kernel arguments.
    if (fnNode?.type === 'call_expression') {
      const innerArgs = field(fnNode, 'arguments');
      const launch = innerArgs ? launchOpens.get(innerArgs.startIndex) : undefined;
      if (launch) {
        const kernel = calleeName(fnNode) ?? collapse(field(fnNode, 'function')?.text ?? '?');
        events.push({
          kind: 'launch',
          ...base(call, `${kernel}<<<>>>`, 'cuda'),
          kernel,
          config: collapse(parsed.text.slice(launch.open, launch.close))
            .replace(/^\(\s*/, '<<<')
            .replace(/\s*\)$/, '>>>'),
        });
        const range = lines.range(call.startIndex, call.endIndex);
        apiCalls.push({
          api: 'kernel launch',
          family: 'cuda',
          range,
          line: range.startLine,
          checked: false,
          function: functionOf(call),
          via: 'launch',
          startOffset: call.startIndex,
          endOffset: call.endIndex,
        });
        return;
      }
    }
    const name = calleeName(call);
    if (!name) return;
    // `getLastCudaError("k failed")`: a helper that asks cudaGetLastError checks what came before it, as the call would.
    if (!C_API_TABLE[name] && lastErrorReaders.has(name))
      events.push({ kind: 'hint', ...base(call, name, 'cuda'), hint: 'error-check', target: null });
    // `CLEANUP();` frees the names its body frees, where it is called.
    for (const target of namedFreeMacros.get(name) ?? []) events.push({ kind: 'free', ...base(call, name, 'cuda'), target });
    if (!C_API_TABLE[name] && (definedHere.has(name) || freeMacros.has(name))) {
      // A helper of this file may free what it is given (`cleanup(d_a)`, `SAFE_FREE(d_b)`): candidates, kept after
      // the whole file is read only where the helper frees that parameter (resolveHelperFrees).
      args.forEach((a, arg) => {
        const target = bufferName(a).name;
        if (target && !/->|\./.test(target)) events.push({ kind: 'free', ...base(call, name, 'cuda'), target, helper: { name, arg } });
      });
      return;
    }
    if (name === 'reset' && fnNode?.type === 'field_expression' && args[0]?.type === 'identifier') {
      // `owner.reset(p)`: a smart pointer takes p and releases it with its deleter.
      events.push({ kind: 'free', ...base(call, 'reset', 'cuda'), target: args[0].text });
      return;
    }
    if (name === 'malloc' || name === 'calloc' || name === 'aligned_alloc' || name === 'realloc') {
      const size =
        name === 'calloc' && args.length === 2
          ? productSize(folder, args[0]!, args[1]!)
          : folder.size(args[name === 'aligned_alloc' || name === 'realloc' ? 1 : 0] ?? null);
      recordHostBuffer(assignedName(call), 'pageable', name, call, size);
      return;
    }
    if (usesClCpp && fnNode && visitClCpp(call, fnNode, name, args)) return;
    const family = name.startsWith('cl') ? 'opencl' : name.startsWith('cu') && !name.startsWith('cuda') ? 'cuda-driver' : 'cuda';
    // CUDA: the toolkit's own functions only; `cudaGenerateSpectrumKernel` of another project file is a helper.
    const isGpuApi =
      family === 'opencl'
        ? /^cl[A-Z]/.test(name)
        : Boolean(C_API_TABLE[name]) || (family === 'cuda' ? CUDA_RUNTIME_STATUS_CALLS : CUDA_DRIVER_CALLS).has(name);
    if (isGpuApi) recordApiCall(call, name, family, args);
    const spec: CallSpec | undefined = C_API_TABLE[name] ?? (usesClCpp && fnNode?.type === 'field_expression' ? OPENCL_CPP_METHODS[name] : undefined);
    if (!spec) return;
    switch (spec.kind) {
      case 'alloc': {
        const size = sizeOf(spec.size, args);
        const flags = spec.flagsArg !== undefined && args[spec.flagsArg] ? collapse(args[spec.flagsArg]!.text) : '';
        let space: MemorySpace = spec.space;
        if (spec.mappedFlags?.test(flags)) space = 'mapped';
        const target = spec.target === 'result' ? assignedName(call) : bufferName(args[spec.target]).name;
        const hostArg = spec.hostPtrArg !== undefined ? args[spec.hostPtrArg] : undefined;
        const copiesHost = /CL_MEM_COPY_HOST_PTR/.test(flags) && hostArg && !NULL_ARG.test(hostArg.text.trim());
        const targetNode = spec.target === 'result' ? null : args[spec.target];
        const allocLoop = loopChain(call, loopSyntax, index)[0];
        events.push({
          kind: 'allocation',
          ...base(call, name, spec.family),
          target,
          targetExpr: targetNode ? collapse(targetNode.text) : target,
          ...(spec.async ? { pooled: true } : {}),
          ...(allocLoop && target && loopBodies.of(allocLoop).kept.has(target)
            ? { keptPerIteration: true, keptIn: [...loopBodies.of(allocLoop).kept.get(target)!] }
            : {}),
          ...(allocLoop && sizeFollowsLoop(allocLoop, args[typeof spec.size === 'number' ? spec.size : 1]) ? { sizeVaries: true } : {}),
          ...(target && folder.isLocal(target, call) ? { localTarget: true } : {}),
          // Written through a parameter (`cudaMalloc(devPtr, n)` in a wrapper) or into a name this file does not
          // declare: the caller owns the memory.
          ...(target && !folder.isLocal(target, call) && !folder.isFileGlobal(target) ? { escapes: true } : {}),
          size,
          space,
          ...(flags
            ? {
                flags: flags
                  .split('|')
                  .map((f) => f.trim())
                  .filter(Boolean),
              }
            : {}),
          ...(copiesHost ? { hostSource: bufferName(hostArg).name, uploadsFrom: bufferName(hostArg).name } : {}),
        });
        if (copiesHost) {
          // CL_MEM_COPY_HOST_PTR fills the whole buffer from the host at creation: an upload of the buffer's size.
          const host = bufferName(hostArg).name;
          events.push(
            withUploadUses(
              {
                kind: 'transfer',
                ...base(call, name, spec.family),
                direction: 'host-to-device',
                size,
                async: false,
                stream: null,
                blocking: true,
                hostBuffer: host,
                deviceBuffer: target,
                offset: false,
                hostOrigin: host ? (hostBuffers.get(host) ?? null) : null,
              },
              call,
            ),
          );
        }
        if (space === 'pinned-host' || (space === 'mapped' && spec.family !== 'opencl')) recordHostBuffer(target, 'pinned', name, call, size);
        break;
      }
      case 'transfer': {
        const size = sizeOf(spec.size, args);
        let direction: TransferDirection = spec.direction ?? 'unknown';
        if (spec.kindArg !== undefined) direction = args[spec.kindArg] ? transferDirectionFromKind(args[spec.kindArg]!.text) : 'unknown';
        const dst = spec.dst !== null ? bufferName(args[spec.dst]) : { name: null, offset: false };
        const src = spec.src !== null ? bufferName(args[spec.src]) : { name: null, offset: false };
        const hostSide = direction === 'host-to-device' ? src : direction === 'device-to-host' ? dst : null;
        const deviceSide = direction === 'host-to-device' ? dst : direction === 'device-to-host' ? src : dst;
        const offsetArg = spec.offsetArg !== undefined ? args[spec.offsetArg] : undefined;
        const offsetNonZero = offsetArg ? folder.evaluate(offsetArg).value !== 0 : false;
        const blockingText = spec.blockingArg !== undefined ? args[spec.blockingArg]?.text.trim() : undefined;
        const blocking =
          blockingText === undefined
            ? null
            : /^(CL_TRUE|1|true)$/.test(blockingText)
              ? true
              : /^(CL_FALSE|0|false)$/.test(blockingText)
                ? false
                : null;
        const stream = spec.streamArg !== undefined && args[spec.streamArg] ? collapse(args[spec.streamArg]!.text) : null;
        const fact: TransferFact = {
          kind: 'transfer',
          ...base(call, name, spec.family),
          direction,
          size,
          async: /Async$/.test(name) || blocking === false,
          stream,
          blocking,
          hostBuffer: hostSide?.name ?? null,
          deviceBuffer: deviceSide?.name ?? null,
          offset: Boolean(offsetNonZero || src.offset || dst.offset),
          hostOrigin: hostSide?.name ? originOf(hostSide.name) : null,
        };
        const loop = fact.loop ? loopChain(call, loopSyntax, index)[0] : undefined;
        const hostArgRoot =
          direction === 'host-to-device'
            ? rootName(spec.src !== null ? args[spec.src] : null)
            : direction === 'device-to-host'
              ? rootName(spec.dst !== null ? args[spec.dst] : null)
              : null;
        const deviceArgRoot = rootName(
          direction === 'device-to-host' ? (spec.src !== null ? args[spec.src] : null) : spec.dst !== null ? args[spec.dst] : null,
        );
        const changes = loop ? loopBodies.changes(loop, call, direction, hostArgRoot, deviceArgRoot) : undefined;
        const sizeArg = typeof spec.size === 'number' ? args[spec.size] : undefined;
        const cap = size.bytes === null && sizeArg?.type === 'identifier' ? int32Cap(sizeArg.text, call) : undefined;
        const defaults = size.bytes === null && sizeArg ? bytesAtDefaults(sizeArg, call) : undefined;
        events.push(
          withUploadUses(
            {
              ...fact,
              ...(changes ? { changesInLoop: changes } : {}),
              ...(cap !== undefined ? { sizeCapBytes: cap } : {}),
              ...(defaults !== undefined ? { defaultBytes: defaults } : {}),
            },
            call,
          ),
        );
        break;
      }
      case 'free':
        events.push({ kind: 'free', ...base(call, name, spec.family), target: bufferName(args[spec.target]).name });
        break;
      case 'sync': {
        const syncLoop = loopChain(call, loopSyntax, index)[0];
        events.push({
          kind: 'sync',
          ...base(call, name, spec.family),
          ...(syncLoop && loopBodies.of(syncLoop).work === 0 ? { waitsOnly: true } : {}),
          ...(syncLoop && inDebugBuild(call) ? { debugOnly: true } : {}),
          ...(syncLoop ? guardedHostBuffer(call, syncLoop) : {}),
          ...(syncLoop && handsOffAfter(call) ? { handsOff: true } : {}),
          ...(syncLoop && commentedForTiming(call) ? { forTiming: true } : {}),
          ...(syncLoop ? loopNeighbours(syncLoop) : {}),
        });
        break;
      }
      case 'launch': {
        const kernelNode = args[spec.kernelArg ?? 0];
        events.push({ kind: 'launch', ...base(call, name, spec.family), kernel: kernelNode ? collapse(kernelNode.text) : '?', config: '' });
        break;
      }
      case 'hint': {
        const target = spec.target !== undefined ? bufferName(args[spec.target]).name : null;
        events.push({ kind: 'hint', ...base(call, name, spec.family), hint: spec.hint!, target });
        if (spec.hint === 'host-register') recordHostBuffer(target, 'pinned', name, call);
        break;
      }
    }
  };

  const functionTextBefore = (node: SyntaxNode): string => {
    const fn = index.innermost(node, FUNCTION_DEFINITION);
    return fn ? parsed.text.slice(fn.startIndex, node.startIndex) : '';
  };

  /** `int bytes = ...` / `unsigned int size` (a parameter or a local declared before the call): the type caps the count. */
  const int32Cap = (name: string, call: SyntaxNode): number | undefined => {
    if (!/^[A-Za-z_]\w*$/.test(name)) return undefined;
    const decl = new RegExp(
      `\\b(unsigned\\s+int|unsigned|int|int32_t|uint32_t|cl_int|cl_uint)\\s+(?:[*&]?\\s*\\w+\\s*(?:=[^,;(){}]*)?,\\s*)*${name}\\s*(=|;|,|\\))`,
    ).exec(functionTextBefore(call));
    if (!decl) return undefined;
    return /unsigned|uint32_t|cl_uint/.test(decl[1]!) ? 2 ** 32 - 1 : 2 ** 31 - 1;
  };

  /**
   * The size with each command-line-tunable name (`n = argc > 1 ? atoi(argv[1]) : 1024`, or `int p = 10; ...
   * if (argc > 1) p = atoi(argv[1]);`) at its default, through the locals the size is computed from
   * (`nBytes = nElem * sizeof(float)`, `nElem = 1 << p`).
   */
  const bytesAtDefaults = (sizeArg: SyntaxNode, call: SyntaxNode): number | undefined => {
    if (!/\bargv\b/.test(parsed.text)) return undefined;
    const before = functionTextBefore(call);
    let tunable = false;
    const expand = (text: string, depth: number): string =>
      text.replace(/\b[A-Za-z_]\w*\b/g, (name) => {
        if (name === 'sizeof' || depth > 4) return name;
        const m =
          new RegExp(`\\b${name}\\s*=(?!=)\\s*\\(?\\s*argc\\b[^?;]*\\?[^:;]*:\\s*\\(?\\s*(\\d+)`).exec(before) ??
          new RegExp(`\\b${name}\\s*=(?!=)\\s*([^;=]+);[\\s\\S]*\\bif\\s*\\(\\s*argc\\b[^;]*?\\b${name}\\s*=(?!=)[^;]*argv`).exec(before);
        if (m) {
          if (/\bargv\b/.test(m[1]!)) return name;
          tunable = true;
          return `(${expand(m[1]!, depth + 1)})`;
        }
        // A local computed once from other names (the last plain assignment before the call), unless argv is in it.
        const defs = [...before.matchAll(new RegExp(`(?:^|[^\\w.>])${name}\\s*=(?!=)\\s*([^;]+);`, 'g'))];
        const def = defs[defs.length - 1]?.[1];
        if (!def || /\bargv\b|\?/.test(def)) return name;
        return `(${expand(def, depth + 1)})`;
      });
    const text = expand(sizeArg.text, 0);
    if (!tunable) return undefined;
    const folded = parseExpression(text, (expr) => (expr ? folder.evaluate(expr) : { value: null, unknowns: ['?'] }));
    return folded.value ?? undefined;
  };

  /**
   * Where a run-time size comes from, when every name it depends on is read from input: a file's length (`ftell`,
   * `st_size`, `tellg`), a count read from a file into a local (`fscanf(f, "%d", &n)`, `fread(&n, ...)`, `in >> n`),
   * or the result of a call to a function of the project (`n = loadData(path, ...)`; whether that function reads
   * a file is the rule's question). Undefined when any name is a parameter, a struct field, a command-line value or
   * an out-argument of an unknown call: the size is someone else's choice, not the input's.
   */
  const sizeProvenance = (size: SizeValue, call: SyntaxNode): TransferFact['sizeReadFrom'] => {
    const fn = index.innermost(call, FUNCTION_DEFINITION);
    if (!fn || size.unknowns.length === 0) return undefined;
    const params = new Set(definitionRecord(fn).declarator?.params ?? []);
    const before = parsed.text.slice(fn.startIndex, call.startIndex);
    let direct = false;
    const calls: string[] = [];
    for (const term of size.unknowns) {
      if (/\b(argv|optarg|getenv)\b/.test(term)) return undefined;
      if (FILE_LENGTH.test(term)) {
        direct = true;
        continue;
      }
      const callee = /^([A-Za-z_]\w*)\s*\(/.exec(term)?.[1];
      if (callee) {
        if (C_API_TABLE[callee] || NOT_INPUT_CALL.test(callee)) return undefined;
        calls.push(callee);
        continue;
      }
      if (!/^[A-Za-z_]\w*$/.test(term) || params.has(term)) return undefined;
      const readInto = new RegExp(
        `\\b(?:fscanf|scanf|sscanf|fread)\\s*\\([^;]*&\\s*${term}\\b|>>\\s*${term}\\b|\\b${term}\\s*=\\s*(?:${FILE_LENGTH.source})`,
      );
      const m = readInto.exec(before);
      // `sscanf(argv[1], "%d", &n)` is a command-line value, not input data.
      if (!m || /\bargv\b/.test(m[0])) return undefined;
      direct = true;
    }
    return direct || calls.length > 0 ? { direct, calls } : undefined;
  };

  /** A one-shot upload (outside loops) with where its run-time size came from and what its buffer is handed to. */
  const withUploadUses = (t: TransferFact, node: SyntaxNode): TransferFact => {
    if (t.direction !== 'host-to-device' || t.loop) return t;
    const readFrom = t.size.bytes === null ? sizeProvenance(t.size, node) : undefined;
    const handedTo = t.deviceBuffer ? callsTaking(t.deviceBuffer, node) : [];
    return { ...t, ...(readFrom ? { sizeReadFrom: readFrom } : {}), ...(handedTo.length > 0 ? { handedTo } : {}) };
  };

  /** Functions (not the GPU API) that get `buffer` as an argument after `call`, in its function. */
  // The program's calls of each function, read once per function: where they start, whom and which names they pass.
  let callNodes: SyntaxNode[] | undefined;
  const programCalls = new Map<number, Array<{ start: number; name: string; roots: Set<string> }>>();
  const callsOfFunction = (fn: SyntaxNode) => {
    let list = programCalls.get(fn.startIndex);
    if (list) return list;
    list = [];
    for (const c of (callNodes ??= nodes.of(CALL_EXPRESSION))) {
      if (c.startIndex < fn.startIndex || c.endIndex > fn.endIndex) continue;
      const name = calleeName(c);
      if (!name || C_API_TABLE[name] || GPU_LIBRARY_CALL.test(name)) continue;
      const args = field(c, 'arguments');
      const roots = new Set(
        args
          ? children(args)
              .map((a) => rootName(a))
              .filter((r): r is string => r !== null)
          : [],
      );
      if (roots.size > 0) list.push({ start: c.startIndex, name, roots });
    }
    programCalls.set(fn.startIndex, list);
    return list;
  };
  const callsTaking = (buffer: string, call: SyntaxNode): Array<{ name: string; definedHere: boolean }> => {
    const fn = index.innermost(call, FUNCTION_DEFINITION);
    if (!fn) return [];
    const out: Array<{ name: string; definedHere: boolean }> = [];
    for (const c of callsOfFunction(fn)) {
      if (c.start < call.endIndex || !c.roots.has(buffer) || out.some((o) => o.name === c.name)) continue;
      out.push({ name: c.name, definedHere: definedHere.has(c.name) });
      // Enough to decide: one function of another file already makes the upload's fate unknown.
      if (out.length >= 8) break;
    }
    return out;
  };

  /** `b = clCreateBuffer(...)` followed in its function by `if (!b)`, `b == NULL`, `assert(b)`. */
  const nullTested = (call: SyntaxNode): boolean => {
    const name = assignedName(call);
    const fn = index.innermost(call, FUNCTION_DEFINITION);
    if (!name || !fn || !/^[A-Za-z_]\w*$/.test(name)) return false;
    const after = parsed.text.slice(call.endIndex, Math.min(fn.endIndex, call.endIndex + 4000));
    return new RegExp(
      `!\\s*${name}\\b|\\b${name}\\s*[!=]=\\s*(NULL|nullptr|0)\\b|\\b(NULL|nullptr)\\s*[!=]=\\s*${name}\\b|assert\\s*\\(\\s*${name}\\b|if\\s*\\(\\s*${name}\\s*\\)`,
    ).test(after);
  };

  let macroSet: Set<string> | undefined;
  const macroNames = () =>
    (macroSet ??= new Set(
      [...parsed.text.matchAll(/^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)/gm)].map((m) => m[1]!).concat([...(headers?.macros.keys() ?? [])]),
    ));
  let readers: MacroReaders | undefined;
  const macroReaders = () => (readers ??= new MacroReaders(parsed.text, headers?.macros));
  /** The errcode_ret argument of an OpenCL object creator call, else null. */
  const errcodeArgOf = (c: SyntaxNode): SyntaxNode | null => {
    const n = calleeName(c);
    if (!n || !OPENCL_ERRCODE_RET_CALLS.has(n)) return null;
    const a = children(field(c, 'arguments') ?? c);
    return a[a.length - 1] ?? null;
  };

  const recordApiCall = (call: SyntaxNode, name: string, family: 'opencl' | 'cuda' | 'cuda-driver', args: SyntaxNode[]) => {
    if (family === 'opencl' ? OPENCL_UNCHECKED_OK.test(name) : CUDA_NON_STATUS_CALLS.has(name)) return;
    // A cudaXxx / clXxx function or macro defined in this file or a project header is the project's own helper (a
    // check macro such as `#define cudaCheck(err) (cuda_check(err, __FILE__, __LINE__))`), not the vendor API.
    if ((definedHere.has(name) || macroNames().has(name)) && !C_API_TABLE[name]) return;
    let checked: boolean;
    let storedIn: string | undefined;
    // A CUDA launch API's status may be read later through cudaGetLastError, like a <<<>>> launch.
    const isCudaLaunch = C_API_TABLE[name]?.kind === 'launch' && family !== 'opencl';
    const via = family === 'opencl' && OPENCL_ERRCODE_RET_CALLS.has(name) ? 'errcode_ret' : isCudaLaunch ? 'launch' : 'return';
    if (via === 'errcode_ret') {
      const last = args[args.length - 1];
      // With a NULL errcode_ret, a NULL test of the returned object (`if (!buf)`) is the check.
      checked = Boolean(last && !NULL_ARG.test(last.text.trim())) || nullTested(call);
      // `&err` given: checked only if err is read before it is overwritten (nullTested still counts).
      const store = checked && last ? statusStore(call, last) : null;
      if (store && !storedStatusRead(store, macroReaders(), errcodeArgOf)) {
        checked = nullTested(call);
        storedIn = store.name;
      }
    } else {
      checked = resultUsed(call);
      // `err = clFinish(q);` / `cudaError_t e = cudaMalloc(...)`: checked only if e is read before it is overwritten.
      const store = checked ? statusStore(call, null) : null;
      if (store && !storedStatusRead(store, macroReaders(), errcodeArgOf)) {
        checked = false;
        storedIn = store.name;
      }
    }
    // Cleanup on a path that already failed (`if (err != CL_SUCCESS) { clReleaseMemObject(b); return 1; }`).
    if (!checked && inErrorPath(call)) checked = true;
    const range = lines.range(call.startIndex, call.endIndex);
    apiCalls.push({
      api: name,
      family,
      range,
      line: range.startLine,
      checked,
      function: functionOf(call),
      via,
      ...(storedIn && !checked ? { storedIn } : {}),
      startOffset: call.startIndex,
      endOffset: call.endIndex,
    });
    const wrapper = call.parent?.type === 'argument_list' ? call.parent.parent : null;
    if (wrapper?.type === 'call_expression' && family !== 'opencl') {
      const w = calleeName(wrapper);
      if (w && /check|safe_call|cuda_call/i.test(w)) checkMacroUses.set(w, (checkMacroUses.get(w) ?? 0) + 1);
    }
  };

  const visitDeclaration = (decl: SyntaxNode) => {
    const type = field(decl, 'type');
    if (!type) return;
    const typeText = collapse(type.text);
    // Template arguments by a scan, not `<\s*(.+?)\s*(,.*)?>$` (quadratic on a long `std::vector<a,a,…`).
    const thrust = templateOf(typeText, /^thrust::(device_vector|host_vector)\s*</);
    const stdVector = templateOf(typeText, /^std::vector\s*</);
    const clBuffer = /^cl::Buffer$/.test(typeText);
    // RAII: `std::unique_ptr<float, decltype(&cudaFree)> p(raw, cudaFree)`, `std::shared_ptr<T> s(raw, Deleter{})`.
    const smartPointer = /\b(unique_ptr|shared_ptr)\s*</.test(typeText);
    for (const d of decl.childrenForFieldName('declarator')) {
      if (!d) continue;
      // `T v(n)` with a name n parses as a function declarator (the most vexing parse): read it as a constructor.
      const vexing = d.type === 'function_declarator';
      const nameNode = d.type === 'init_declarator' || vexing ? field(d, 'declarator') : d;
      const name = bufferName(nameNode).name;
      const init = d.type === 'init_declarator' ? field(d, 'value') : null;
      const ctorArgs = vexing
        ? children(field(d, 'parameters') ?? d)
        : init?.type === 'argument_list' || init?.type === 'initializer_list'
          ? children(init)
          : [];
      if (smartPointer && ctorArgs[0]) {
        const owned = ctorArgs[0].type === 'parameter_declaration' ? rootName(ctorArgs[0]) : bufferName(ctorArgs[0]).name;
        if (owned) events.push({ kind: 'free', ...base(decl, typeText, 'cuda'), target: owned });
      } else if (thrust && thrust[1] === 'device_vector') {
        const elemType = thrust[2]!;
        const first = ctorArgs[0];
        // Copy-constructed from host data: `= h`, `(h)` with h a known host container, or `(h.begin(), h.end())`.
        const source =
          init && init.type !== 'argument_list' && init.type !== 'initializer_list'
            ? init
            : (first?.type === 'identifier' || first?.type === 'parameter_declaration') && hostBuffers.get(first.text)
              ? first
              : first && ctorArgs.length === 2 && /\.begin\(\)$/.test(first.text)
                ? first
                : null;
        // `h.begin()` names h: the callee is the field expression `h.begin`, whose argument is h.
        const hostName = source
          ? bufferName(source.type === 'call_expression' ? field(field(source, 'function') ?? source, 'argument') : source).name
          : null;
        let size: SizeValue;
        if (source) {
          const known = hostName ? hostBuffers.get(hostName)?.size : undefined;
          size = known ?? { expr: `size of ${collapse(source.text)}`, bytes: null, unknowns: [collapse(source.text)] };
        } else if (first) {
          const count = folder.size(first);
          const elem = folder.typeSize(elemType);
          const expr = `${count.expr} * sizeof(${elemType})`;
          size =
            count.bytes !== null && elem !== null
              ? { expr, bytes: count.bytes * elem, unknowns: [] }
              : { expr, bytes: null, unknowns: [...count.unknowns, ...(elem === null ? [`sizeof(${elemType})`] : [])] };
        } else {
          size = { expr: '0', bytes: 0, unknowns: [] };
        }
        events.push({
          kind: 'allocation',
          ...base(decl, 'thrust::device_vector', 'thrust'),
          target: name,
          targetExpr: name,
          size,
          space: 'device',
          ...(source ? { uploadsFrom: hostName ?? collapse(source.text) } : {}),
        });
        if (source) {
          events.push({
            kind: 'transfer',
            ...base(decl, 'thrust::device_vector', 'thrust'),
            direction: 'host-to-device',
            size,
            async: false,
            stream: null,
            blocking: null,
            hostBuffer: hostName,
            deviceBuffer: name,
            offset: false,
            hostOrigin: hostName ? originOf(hostName) : null,
          });
        }
      } else if (clBuffer && ctorArgs.length >= 3) {
        clBufferCreation(decl, name, ctorArgs);
      } else if ((stdVector || (thrust && thrust[1] === 'host_vector')) && name) {
        const elemType = stdVector ? stdVector[1]! : thrust![2]!;
        const elem = folder.typeSize(elemType);
        const count = ctorArgs[0] ? folder.size(ctorArgs[0]) : null;
        const size =
          count && count.bytes !== null && elem !== null
            ? { expr: `${count.expr} * sizeof(${elemType})`, bytes: count.bytes * elem, unknowns: [] }
            : undefined;
        recordHostBuffer(name, 'pageable', stdVector ? 'std::vector' : 'thrust::host_vector', decl, size);
      }
    }
  };

  const visitNew = (node: SyntaxNode) => {
    let p = node.parent;
    while (p && (p.type === 'parenthesized_expression' || p.type === 'cast_expression')) p = p.parent;
    const target =
      p?.type === 'init_declarator'
        ? bufferName(field(p, 'declarator')).name
        : p?.type === 'assignment_expression'
          ? bufferName(field(p, 'left')).name
          : null;
    const declarator = field(node, 'declarator');
    const type = field(node, 'type');
    let size: SizeValue | undefined;
    if (declarator?.type === 'new_declarator' && type) {
      const count = children(declarator)[0];
      const elem = folder.typeSize(type.text);
      if (count && elem !== null) {
        const c = folder.size(count);
        if (c.bytes !== null) size = { expr: `${c.expr} * sizeof(${type.text})`, bytes: c.bytes * elem, unknowns: [] };
      }
    }
    recordHostBuffer(target, 'pageable', 'new', node, size);
  };

  const definitions = (seg.definitions ??= nodes.of(FUNCTION_DEFINITION).map(definitionRecord));
  for (const node of nodes.of(MAIN_TYPES)) {
    switch (node.type) {
      case 'call_expression':
        visitCall(node);
        break;
      case 'declaration':
      case 'parameter_declaration':
        visitDeclaration(node);
        break;
      case 'new_expression':
        visitNew(node);
        break;
      case 'identifier':
      case 'type_identifier':
        if (node.text === 'CL_DEVICE_MAX_MEM_ALLOC_SIZE' || node.text === 'CL_DEVICE_GLOBAL_MEM_SIZE') {
          events.push({
            kind: 'hint',
            ...base(node, node.text, 'opencl'),
            hint: node.text.endsWith('ALLOC_SIZE') ? 'max-alloc-query' : 'global-mem-query',
            target: null,
          });
        }
        break;
      default:
        break;
    }
  }

  const escaping = escapingPointers(nodes, functionOf);
  const host = hostBuffers.end();
  return {
    shape: seg.shape,
    startLine: seg.startLine,
    start: seg.start,
    orderBase,
    orderCount: order - orderBase,
    events,
    apiCalls,
    definitions,
    hostReads: host.reads,
    hostWrites: host.writes,
    checkMacroUses: [...checkMacroUses],
    escaping,
    typeSizes: folder.takeTypeSizeLog(),
  };
}

const IDENTIFIER: ReadonlySet<string> = new Set(['identifier']);

const C_LOOP_SYNTAX = (folder: CConstantFolder, timesEvents: boolean): LoopSyntax => ({
  loopTypes: C_LOOP_TYPES,
  functionTypes: FUNCTION_TYPES,
  ifType: 'if_statement',
  blockTypes: new Set(['compound_statement']),
  breakType: 'break_statement',
  exitTypes: new Set(['return_statement', 'throw_statement', 'goto_statement']),
  timer: timesEvents ? C_TIMER_WITH_EVENTS : C_TIMER,
  tripCount: (loop) => (loop.type === 'for_statement' ? forTripCount(loop, folder) : null),
  variables: (loop) => {
    // Names bound by the loop header: `int i = 0`, `i = 0`, `auto& [k, v] : m`. Only identifiers, never text.
    const init = field(loop, loop.type === 'for_range_loop' ? 'declarator' : 'initializer');
    if (!init) return [];
    const target = init.type === 'assignment_expression' ? field(init, 'left') : init;
    const names: string[] = [];
    if (target?.type === 'identifier') names.push(target.text);
    else if (target) {
      for (const d of target.type === 'declaration' ? target.childrenForFieldName('declarator') : [target]) {
        const decl = d?.type === 'init_declarator' ? field(d, 'declarator') : d;
        if (decl) walk(decl, (n) => names.push(n.text), IDENTIFIER);
      }
    }
    return names;
  },
});

/** The name an argument refers to: `(void**)&d_a` -> d_a, `h.data()` -> h, `&h[i]` -> h (offset), `h + off` -> h (offset). */
export function bufferName(node: SyntaxNode | null | undefined): { name: string | null; offset: boolean } {
  let n: SyntaxNode | null | undefined = node;
  let offset = false;
  for (let guard = 0; n && guard < 16; guard++) {
    switch (n.type) {
      case 'cast_expression':
        n = field(n, 'value');
        continue;
      case 'parenthesized_expression':
        n = n.namedChild(0);
        continue;
      case 'pointer_expression':
        n = field(n, 'argument');
        continue;
      case 'pointer_declarator':
      case 'reference_declarator':
        n = field(n, 'declarator') ?? n.namedChild(0);
        continue;
      case 'subscript_expression': {
        const idx = field(n, 'indices') ?? field(n, 'index');
        if (idx && !/^\[?\s*0\s*\]?$/.test(idx.text)) offset = true;
        n = field(n, 'argument');
        continue;
      }
      case 'binary_expression':
        offset = true;
        n = field(n, 'left');
        continue;
      case 'call_expression': {
        const fn = field(n, 'function');
        const args = children(field(n, 'arguments') ?? n);
        if (fn?.type === 'field_expression' && /^(data|get)$/.test(field(fn, 'field')?.text ?? '')) {
          n = field(fn, 'argument');
          continue;
        }
        if (/raw_pointer_cast|reinterpret_cast|static_cast/.test(fn?.text ?? '') && args.length === 1) {
          n = args[0];
          continue;
        }
        return { name: null, offset };
      }
      case 'identifier':
      case 'field_expression':
      case 'qualified_identifier':
        return { name: collapse(n.text).replace(/\s/g, ''), offset };
      default:
        return { name: null, offset };
    }
  }
  return { name: null, offset };
}

export const FUNCTION_DEFINITION: ReadonlySet<string> = new Set(['function_definition']);

function functionName(node: SyntaxNode, index: Enclosing): string | null {
  const fn = index.innermost(node, FUNCTION_DEFINITION);
  return fn ? definitionName(fn) : null;
}

function calleeName(call: SyntaxNode): string | null {
  let fn = field(call, 'function');
  if (fn?.type === 'template_function') fn = field(fn, 'name');
  if (!fn) return null;
  if (fn.type === 'identifier') return fn.text;
  if (fn.type === 'qualified_identifier') return fn.text.split('::').pop() ?? null;
  if (fn.type === 'field_expression') return field(fn, 'field')?.text ?? null;
  return null;
}

/** Is the value a call returns looked at (assigned, tested, passed to a checking macro, returned)? */
function resultUsed(call: SyntaxNode): boolean {
  let p = call.parent;
  while (p && p.type === 'parenthesized_expression') p = p.parent;
  if (!p) return false;
  if (p.type === 'expression_statement') return false;
  if (p.type === 'comma_expression') return field(p, 'right')?.startIndex === call.startIndex && resultUsed(p);
  return true;
}

export const INIT_DECLARATOR = new Set(['init_declarator']);
const CALL_EXPRESSION: ReadonlySet<string> = new Set(['call_expression']);
const NULL_ARG = /^(NULL|nullptr|0|\(\s*cl_int\s*\*\s*\)\s*(NULL|0))$/;
/** The nodes the extraction visits; identifiers only matter as OpenCL device queries (see segmentTypes). */
export const MAIN_TYPES: ReadonlySet<string> = new Set([
  'call_expression',
  'declaration',
  'parameter_declaration',
  'new_expression',
  'identifier',
  'type_identifier',
]);
/** The variable an expression starts from: `h` of `h[i]`, `*h`, `(float*)h + k`, `p.pos[i].x`, `&h[0]`, `h.data()`. */
/**
 * The host buffer of an asynchronous copy in the loop that host code of the same loop also touches (fills, reads,
 * writes to a file, swaps for double buffering): the wait is what makes that safe, so it cannot move after the loop.
 */
function guardedHostBuffer(sync: SyntaxNode, loop: SyntaxNode): { guardsHostBuffer: string } | Record<string, never> {
  const hosts: Array<{ name: string; copy: SyntaxNode }> = [];
  walk(
    loop,
    (n) => {
      const name = calleeName(n);
      const handover = name ? HOST_HANDOVER[name] : undefined;
      if (handover) {
        const args = children(field(n, 'arguments') ?? n).filter((c) => c.type !== 'comment');
        const ptr = args[handover.ptrArg];
        if (ptr && handover.toHost.test(args[handover.whereArg]?.text ?? '')) {
          // `t.data` is matched as written (`t` alone is every field of the task), a plain name as itself.
          const written = ptr.text.replace(/\s+/g, '').replace(/^\(void\*\)/, '');
          const host = /^[A-Za-z_]\w*((\.|->)[A-Za-z_]\w*)*$/.test(written) ? written : rootName(ptr);
          if (host) hosts.push({ name: host, copy: n });
        }
        return;
      }
      const spec = name ? C_API_TABLE[name] : undefined;
      if (!name || spec?.kind !== 'transfer' || !/Async$/.test(name)) return;
      const args = children(field(n, 'arguments') ?? n).filter((c) => c.type !== 'comment');
      const kind = spec.kindArg !== undefined ? (args[spec.kindArg]?.text ?? '') : '';
      const side =
        /DeviceToHost|DtoH/.test(kind) || /DtoH/.test(name) ? spec.dst : /HostToDevice|HtoD/.test(kind) || /HtoD/.test(name) ? spec.src : null;
      const host = side !== null && side !== undefined ? rootName(args[side]) : null;
      if (host) hosts.push({ name: host, copy: n });
    },
    new Set(['call_expression']),
  );
  if (!hosts.length) return {};
  const body = loop.text;
  const base = loop.startIndex;
  for (const h of hosts) {
    // Every other mention of the buffer in the loop (outside the copy's own text) is host code using it.
    const re = new RegExp(`\\b${h.name.replace(/\./g, '\\.')}\\b`, 'g');
    for (const m of body.matchAll(re)) {
      const at = base + m.index!;
      if (at >= h.copy.startIndex && at < h.copy.endIndex) continue;
      if (at >= sync.startIndex && at < sync.endIndex) continue;
      return { guardsHostBuffer: h.name };
    }
  }
  return {};
}

/**
 * Stream-ordered calls that give managed memory to the host: attaching it to the host (CUDA Runtime API,
 * cudaStreamAttachMemAsync: with cudaMemAttachHost "the memory may be accessed by the host" once the stream's prior
 * work is done) or prefetching it to the CPU. The host may touch the pointer only after a wait on that stream.
 */
const HOST_HANDOVER: Readonly<Record<string, { ptrArg: number; whereArg: number; toHost: RegExp }>> = lookupTable({
  cudaStreamAttachMemAsync: { ptrArg: 1, whereArg: 3, toHost: /\bcudaMemAttachHost\b/ },
  cuStreamAttachMemAsync: { ptrArg: 1, whereArg: 3, toHost: /\bCU_MEM_ATTACH_HOST\b/ },
  cudaMemPrefetchAsync: { ptrArg: 0, whereArg: 2, toHost: /\b(cudaCpuDeviceId|cudaMemLocationTypeHost\w*)\b/ },
  cuMemPrefetchAsync: { ptrArg: 0, whereArg: 2, toHost: /\b(CU_DEVICE_CPU|CU_MEM_LOCATION_TYPE_HOST\w*)\b/ },
});

/** A hand-off to another process, thread or device: a barrier, a semaphore or event signal, an MPI call. */
const HAND_OFF = /\b(\w*[Bb]arrier\w*|sem_post|MPI_\w+|pthread_cond_(signal|broadcast)|\w*[Ss]ignal\w*Semaphore\w*|\w*[Nn]otify\w*)\s*\(/;

/**
 * The statement after the wait (or the one after that) hands the results to someone else (`barrierWait(...)`,
 * `MPI_Send`, `signalExternalSemaphore()`): the wait makes them complete first, so it cannot move after the loop.
 */
function handsOffAfter(sync: SyntaxNode): boolean {
  let stmt: SyntaxNode = sync;
  for (let levels = 0; stmt.parent && stmt.parent.type !== 'compound_statement' && levels < MAX_GUARD_LEVELS; levels++) stmt = stmt.parent;
  if (stmt.parent?.type !== 'compound_statement') return false;
  let next = stmt.nextNamedSibling;
  for (let k = 0; next && k < 2; k++, next = next.nextNamedSibling) {
    if (next.type === 'comment') {
      k--;
      continue;
    }
    if (HAND_OFF.test(next.text.slice(0, 400))) return true;
  }
  return false;
}

/**
 * A graphics API call (OpenGL, GLUT, EGL, Vulkan) in the same loop: CUDA and that API use the same memory (interop), and
 * the wait orders the kernel's writes before the other API reads them in the next trip (or the reverse).
 */
const GRAPHICS_CALL = /\b(?:gl[A-Z]\w*|glut[A-Z]\w*|egl[A-Z]\w*|vk[A-Z]\w*)\s*\(/;

/**
 * A cuBLAS reduction that returns its result to a host address (`cublasSdot(h, n, x, 1, y, 1, &dot)`): in the default
 * host pointer mode it returns only once the result is in host memory (cuBLAS guide, "cublasSetPointerMode"), so the trip
 * waits for the device there anyway, and the host needs the value (a convergence test) before the next trip.
 */
const BLOCKING_BLAS_RESULT =
  /\bcublas(?:[SDCZ]dot[uc]?|[SD]nrm2|Scnrm2|Dznrm2|[SD]asum|Scasum|Dzasum|I[sdcz]am(?:ax|in)|Dotc?Ex|Nrm2Ex)(?:_v2)?(?:_64)?\s*\([^;]*,\s*&\s*[A-Za-z_]\w*\s*\)/;

/** Per tree: whether the file switches cuBLAS to device pointer mode (a result pointer may then be a device address), and per loop what else it calls. */
const neighbourMemo = new WeakMap<object, { deviceMode: boolean; loops: Map<number, { sharedWithGraphics?: true; blockingLibraryResult?: true }> }>();

/** What a loop's other calls say about a wait in it: graphics interop, a cuBLAS reduction that blocks for its result (once per loop). */
function loopNeighbours(loop: SyntaxNode): { sharedWithGraphics?: true; blockingLibraryResult?: true } {
  let memo = neighbourMemo.get(loop.tree);
  if (!memo) neighbourMemo.set(loop.tree, (memo = { deviceMode: /CUBLAS_POINTER_MODE_DEVICE/.test(loop.tree.rootNode.text), loops: new Map() }));
  let flags = memo.loops.get(loop.startIndex);
  if (!flags) {
    const text = loop.text;
    flags = {
      ...(GRAPHICS_CALL.test(text) ? { sharedWithGraphics: true as const } : {}),
      ...(!memo.deviceMode && BLOCKING_BLAS_RESULT.test(text) ? { blockingLibraryResult: true as const } : {}),
    };
    memo.loops.set(loop.startIndex, flags);
  }
  return flags;
}

/** Words that say a wait is there for a measurement (`// for the measurement fairness`, `// sync before timing`). */
const TIMING_INTENT = /\b(measur\w*|timing|timers?|timed|benchmark\w*|fairness|profil\w*)\b/i;

/**
 * The comment on the line above the wait's statement, or after it on its line, says the wait serves a measurement:
 * in a benchmark loop the author asks for the per-iteration wait (as `// falls through` marks a deliberate case).
 */
function commentedForTiming(sync: SyntaxNode): boolean {
  let stmt: SyntaxNode = sync;
  for (let levels = 0; stmt.parent && stmt.parent.type !== 'compound_statement' && levels < MAX_GUARD_LEVELS; levels++) stmt = stmt.parent;
  if (stmt.parent?.type !== 'compound_statement') return false;
  const before = stmt.previousNamedSibling;
  const after = stmt.nextNamedSibling;
  const row = stmt.startPosition.row;
  return Boolean(
    (before?.type === 'comment' && before.endPosition.row >= row - 1 && TIMING_INTENT.test(before.text.slice(0, 400))) ||
    (after?.type === 'comment' && after.startPosition.row === stmt.endPosition.row && TIMING_INTENT.test(after.text.slice(0, 400))),
  );
}

/** `(void *)d`, `(float **)&d`, `((char*)p + off)`, `*q`: the name a pointer expression starts from, past casts. */
const LEADING_CAST = /^\s*\(\s*(?:const\s+|volatile\s+|struct\s+|unsigned\s+)*[A-Za-z_][\w:]*(?:\s*<[^<>()]*>)?[\s*&]*\)/;

function rootName(node: SyntaxNode | null | undefined): string | null {
  if (!node) return null;
  let text = node.text.slice(0, 400);
  for (let steps = 0; steps < 64 && text; steps++) {
    const cast = LEADING_CAST.exec(text);
    // A cast has an operand after it: `(n)` alone, or `(n) * 4`, is a parenthesised name, not a cast.
    const rest = cast ? text.slice(cast[0].length) : '';
    // `(n) * 4` / `(n) & mask`: a bare name in parentheses before `*` or `&` is an operand, not a type.
    const bare = cast && /^\s*\(\s*[A-Za-z_]\w*\s*\)$/.test(cast[0]);
    if (cast && (bare ? /^\s*[A-Za-z_(]/ : /^\s*[A-Za-z_(*&]/).test(rest)) {
      text = rest;
      continue;
    }
    if (!/^[\s(*&]/.test(text)) break;
    text = text.slice(1);
  }
  const m = /^([A-Za-z_]\w*)/.exec(text);
  return m ? m[1]! : null;
}

/** A file's length: `ftell(f)`, `lseek(fd, 0, SEEK_END)`, `st.st_size`, `in.tellg()`, `std::filesystem::file_size(p)`. */
const FILE_LENGTH = /\b(?:ftell|ftello|_ftelli64|lseek|filelength|file_size|filesize)\s*\(|\bst_size\b|\.tellg\s*\(/;
/** The GPU APIs and libraries (and host calls that cannot launch): handing a buffer to them is not handing it to the program. */
const GPU_LIBRARY_CALL =
  /^(?:cl|cuda|cu|nvrtc|cublas|cufft|curand|cusparse|cusolver|cudnn|nccl)[A-Z_]|^(?:printf|fprintf|free|memset|memcpy|assert|sizeof)$/;
/** Calls whose result is a count of something other than input data (a library's own query, a conversion of a value). */
const NOT_INPUT_CALL =
  /^(atoi|atol|atoll|atof|strtol|strtoul|strtoll|strtoull|stoi|stol|stoul|stoll|stoull|min|max|fmin|fmax|ceil|floor|sqrt|pow|abs|labs|rand|sizeof|fread|fwrite|fgets|printf|malloc|calloc|clGet\w*|cl\w+|cuda\w+|cu[A-Z]\w*)$/;
/** Reads loop bodies of a C-family segment on demand (a copy in a loop asks whether its data changes there). */
class CLoopBodies {
  private readonly bodies = new Map<number, LoopBody>();
  constructor(
    private readonly launchOpens: ReadonlyMap<number, unknown>,
    /** Helpers that read the last CUDA error (`getLastCudaError("…")`): error handling, not GPU work. */
    private readonly lastErrorReaders: ReadonlySet<string>,
  ) {}

  of(loop: SyntaxNode): LoopBody {
    let body = this.bodies.get(loop.startIndex);
    if (body) return body;
    body = { hostWrites: new Map(), deviceWrites: new Map(), launches: [], work: 0, kept: new Map(), assigned: new Set() };
    const kept = body.kept;
    const keep = (item: string, container: string | null) => {
      const into = kept.get(item) ?? kept.set(item, new Set()).get(item)!;
      if (container) into.add(container);
    };
    const add = (map: Map<string, number[]>, name: string | null, at: number) => {
      if (name) (map.get(name) ?? map.set(name, []).get(name)!).push(at);
    };
    walk(
      loop,
      (n) => {
        if (n.type === 'init_declarator') {
          const name = rootName(field(n, 'declarator'));
          if (name && field(n, 'value')) body!.assigned.add(name);
          return;
        }
        if (n.type === 'assignment_expression') {
          const right = field(n, 'right');
          const left = field(n, 'left');
          if (right?.type === 'identifier' && /\[|->|\./.test(left?.text ?? '')) keep(right.text, rootName(left));
          if (left?.type === 'identifier') body!.assigned.add(left.text);
        }
        if (n.type === 'assignment_expression' || n.type === 'update_expression') {
          add(body!.hostWrites, rootName(field(n, n.type === 'assignment_expression' ? 'left' : 'argument')), n.startIndex);
          return;
        }
        const fn = field(n, 'function');
        const args = children(field(n, 'arguments') ?? n).filter((c) => c.type !== 'comment');
        if (fn?.type === 'call_expression') {
          const inner = field(fn, 'arguments');
          if (inner && this.launchOpens.has(inner.startIndex)) {
            body!.launches.push(n.startIndex);
            body!.work++;
            for (const a of args) add(body!.deviceWrites, rootName(a), n.startIndex);
            return;
          }
        }
        const name = calleeName(n);
        if (!name) return;
        const spec = C_API_TABLE[name];
        if (!NON_WORK_CALL.test(name) && !this.lastErrorReaders.has(name)) body!.work++;
        if (/^(push_back|emplace_back|push|insert|append)$/.test(name))
          for (const a of args) if (a.type === 'identifier') keep(a.text, fn?.type === 'field_expression' ? rootName(field(fn, 'argument')) : null);
        if (spec?.kind === 'transfer') {
          const direction = spec.kindArg !== undefined && args[spec.kindArg] ? transferDirectionFromKind(args[spec.kindArg]!.text) : spec.direction;
          const dst = spec.dst !== null ? rootName(args[spec.dst]) : null;
          add(direction === 'device-to-host' || direction === 'host-to-host' ? body!.hostWrites : body!.deviceWrites, dst, n.startIndex);
          return;
        }
        if (spec?.kind === 'launch') {
          body!.launches.push(n.startIndex);
          return;
        }
        if (spec) return;
        // Any other call may fill what it is given: fread(h, ...), memcpy(h, ...), fill(h), cublasSgemm(..., d_c, ...).
        const gpuLibrary = /^(cublas|cusparse|cusolver|cufft|curand|cudnn|nccl|thrust|cub|cudaMemset|cuMemset|clEnqueue|cutlass)/i.test(name);
        for (const a of args) if (!/^\s*[\w.]+\s*\[/.test(a.text)) add(gpuLibrary ? body!.deviceWrites : body!.hostWrites, rootName(a), n.startIndex);
        if (fn?.type === 'field_expression') add(body!.hostWrites, rootName(field(fn, 'argument')), n.startIndex);
        if (gpuLibrary) for (const a of args) add(body!.hostWrites, rootName(a), n.startIndex);
      },
      LOOP_BODY_TYPES,
    );
    this.bodies.set(loop.startIndex, body);
    return body;
  }

  /** Why a copy in `loop` moves different bytes on each iteration, or undefined when nothing there changes them. */
  changes(
    loop: SyntaxNode,
    copy: SyntaxNode,
    direction: TransferDirection,
    host: string | null,
    device: string | null,
  ): TransferFact['changesInLoop'] {
    const body = this.of(loop);
    const elsewhere = (at: number[] | undefined) => Boolean(at?.some((o) => o < copy.startIndex || o >= copy.endIndex));
    if (direction === 'host-to-device' && host && elsewhere(body.hostWrites.get(host))) return 'host-written';
    if (direction === 'device-to-host') {
      if (body.launches.length || (device && (elsewhere(body.deviceWrites.get(device)) || elsewhere(body.hostWrites.get(device)))))
        return 'device-written';
    }
    // A pointer declared or set inside the loop (`float* row = out + t * n;`, `d += pitch * rows;`), on either side:
    // each trip copies from or into another place (one frame replicated into a batch of device slots).
    if ((host && body.assigned.has(host)) || (device && body.assigned.has(device))) return 'moved';
    return undefined;
  }
}

/** Inside the first branch of `#if DEBUG…` / `#ifdef _DEBUG` / `#if 0` (not its `#else`). */
function inDebugBuild(node: SyntaxNode): boolean {
  let levels = 0;
  for (let p = node.parent; p && levels++ < MAX_GUARD_LEVELS; p = p.parent) {
    if (p.type !== 'preproc_if' && p.type !== 'preproc_ifdef') continue;
    const alt = field(p, 'alternative');
    if (alt && node.startIndex >= alt.startIndex) continue;
    const cond = field(p, p.type === 'preproc_if' ? 'condition' : 'name');
    const negated = p.type === 'preproc_ifdef' && /^#\s*ifndef/.test(p.text);
    if (cond && !negated && DEBUG_CONDITION.test(collapse(cond.text))) return true;
  }
  return false;
}

const MAX_ERROR_PATH_LEVELS = 64;

/** The call is cleanup on a failure path: in the body of an `if` that tests a status or a NULL and leaves the function. */
export function inErrorPath(call: SyntaxNode): boolean {
  // Each `.parent` of the WASM tree walks down from the root, so a walk up is quadratic in the depth: past this many
  // levels (10,000 nested blocks of a hostile file) the call is simply not taken as cleanup, and stays reported.
  let levels = 0;
  for (let p = call.parent; p && !FUNCTION_TYPES.has(p.type) && levels++ < MAX_ERROR_PATH_LEVELS; p = p.parent) {
    if (p.type === 'catch_clause') return true;
    if (p.type !== 'if_statement') continue;
    const consequence = field(p, 'consequence');
    const cond = field(p, 'condition');
    if (!consequence || !cond || call.startIndex < consequence.startIndex || call.endIndex > consequence.endIndex) continue;
    if (ERROR_TEST.test(collapse(cond.text).replace(/^\(\s*|\s*\)$/g, '')) && FAILURE_EXIT.test(consequence.text)) return true;
  }
  return false;
}

/** `fn:name` of every pointer that is returned or stored through `*out = p` / `obj->p = p` in this part of the file. */
function escapingPointers(nodes: NodeIndex, functionName: (n: SyntaxNode) => string | null): string[] {
  const escaping = new Set<string>();
  for (const n of nodes.of(ESCAPE_TYPES)) {
    if (n.type === 'return_statement') {
      // `return p;`, `return pointer<T>(p);`, `return {p, n};`: the pointer goes back to the caller.
      const fn = functionName(n);
      for (const child of children(n)) walk(child, (id) => escaping.add(`${fn}:${id.text}`), IDENTIFIER);
    } else if (n.type === 'assignment_expression') {
      const left = field(n, 'left');
      const right = field(n, 'right');
      if (right?.type === 'identifier' && left && left.type !== 'identifier') escaping.add(`${functionName(n)}:${right.text}`);
    }
  }
  return [...escaping];
}

function productSize(folder: CConstantFolder, a: SyntaxNode, b: SyntaxNode): SizeValue {
  const x = folder.size(a);
  const y = folder.size(b);
  const expr = `${x.expr} * ${y.expr}`;
  return x.bytes !== null && y.bytes !== null
    ? { expr, bytes: x.bytes * y.bytes, unknowns: [] }
    : { expr, bytes: null, unknowns: [...x.unknowns, ...y.unknowns] };
}

/** What the kernel list needs of a function definition, read while its tree is alive. */
export function definitionRecord(def: SyntaxNode): DefinitionRecord {
  const definedName = definitionName(def)?.split('::').pop() ?? '';
  let d = field(def, 'declarator');
  while (d && d.type !== 'function_declarator') d = field(d, 'declarator');
  if (!d) return { start: def.startIndex, definedName, declarator: null };
  const all = children(field(d, 'parameters') ?? d).filter((p) => p.type === 'parameter_declaration' || p.type === 'optional_parameter_declaration');
  const params = all.filter((p) => p.text.includes('*'));
  return {
    start: def.startIndex,
    definedName,
    declarator: {
      name: collapse(field(d, 'declarator')?.text ?? '?'),
      end: d.endIndex,
      bufferParams: params.map((p) => bufferName(field(p, 'declarator')).name ?? collapse(p.text)),
      params: all.map((p) => rootName(field(p, 'declarator')) ?? ''),
    },
  };
}

/**
 * `[whole, group 1 of head, first template argument]` when `typeText` is `head … >` (the regex match's shape the
 * callers read), found by one scan: the first top-level comma ends the element type.
 */
function templateOf(typeText: string, head: RegExp): [string, string, string] | null {
  const m = head.exec(typeText);
  if (!m || !typeText.endsWith('>')) return null;
  const inner = typeText.slice(m[0].length, -1);
  let depth = 0;
  let end = inner.length;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '<' || c === '(') depth++;
    else if (c === '>' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      end = i;
      break;
    }
  }
  const element = inner.slice(0, end).trim();
  return element ? [typeText, m[1] ?? element, element] : null;
}

export const C_LOOP_TYPES: ReadonlySet<string> = new Set(['for_statement', 'while_statement', 'do_statement', 'for_range_loop']);
/** Clock reads of C and C++ host code; CUDA events count as a clock where the file reads an elapsed time. */
export const C_TIMER =
  /\b(clock_gettime|gettimeofday|QueryPerformanceCounter|omp_get_wtime|MPI_Wtime|clock|\w*wtime|\w*[tT]imer\w*|get_?[tT]ime\w*|\w*Seconds|cpuSecond|seconds)\s*\(|\bsecond\s*\(\s*\)|\bchrono::|high_resolution_clock|steady_clock|system_clock/;
export const C_TIMER_WITH_EVENTS = new RegExp(`${C_TIMER.source}|\\b(cudaEventRecord|cudaEventElapsedTime|cuEventRecord|cuEventElapsedTime)\\s*\\(`);

/** `for (i = A; i < B; i += S)` with constant A, B, S. */
function forTripCount(loop: SyntaxNode, folder: CConstantFolder): number | null {
  const init = field(loop, 'initializer');
  const cond = field(loop, 'condition');
  const update = field(loop, 'update');
  if (!init || !cond || !update || cond.type !== 'binary_expression') return null;
  let varName: string | null = null;
  let start: Folded | null = null;
  if (init.type === 'declaration') {
    const d = field(init, 'declarator');
    if (d?.type === 'init_declarator') {
      varName = field(d, 'declarator')?.text ?? null;
      const v = field(d, 'value');
      start = v ? folder.evaluate(v) : null;
    }
  } else if (init.type === 'assignment_expression') {
    varName = field(init, 'left')?.text ?? null;
    const v = field(init, 'right');
    start = v ? folder.evaluate(v) : null;
  }
  const left = field(cond, 'left');
  const right = field(cond, 'right');
  const op = field(cond, 'operator')?.text ?? cond.child(1)?.text;
  if (!varName || !start || start.value === null || left?.text !== varName || !right) return null;
  const end = folder.evaluate(right).value;
  if (end === null) return null;
  let step = 0;
  if (update.type === 'update_expression') step = update.text.includes('++') ? 1 : -1;
  else if (update.type === 'assignment_expression') {
    const s = field(update, 'right');
    const sv = s ? folder.evaluate(s).value : null;
    const aop = field(update, 'operator')?.text ?? update.child(1)?.text;
    if (sv === null) return null;
    step = aop === '+=' ? sv : aop === '-=' ? -sv : 0;
  }
  if (step <= 0) return null;
  const span = op === '<' || op === '!=' ? end - start.value : op === '<=' ? end - start.value + 1 : null;
  return span === null ? null : Math.max(0, Math.ceil(span / step));
}

/** The declared name of a function definition (`Buf::init`, `cudaMalloc`). */
function definitionName(fn: SyntaxNode): string | null {
  let d = field(fn, 'declarator');
  while (d && d.type !== 'function_declarator') d = field(d, 'declarator');
  return d ? collapse(field(d, 'declarator')?.text ?? d.text) : null;
}

const ESCAPE_TYPES = new Set(['return_statement', 'assignment_expression']);

/**
 * Calls that queue no GPU work: choosing a device, waiting, queries, events, teardown (frees, `*Destroy`), printing,
 * checks, a container's iterator and size (`it != devices.end()`). A loop of only these after the work is queued
 * waits for it (one device or stream per trip, then tears down); any other call may launch.
 */
const NON_WORK_CALL =
  /^(cuda|cu)(SetDevice|GetDevice|CtxSetCurrent|CtxPushCurrent|CtxPopCurrent|CtxSynchronize|DeviceSynchronize|ThreadSynchronize|StreamSynchronize|EventSynchronize|StreamQuery|EventQuery|EventElapsedTime|EventRecord|EventDestroy|StreamDestroy|GetLastError|PeekAtLastError|GetErrorString|GetErrorName|Free\w*|DeviceReset|ProfilerStop)(_v2)?$|^cl(Finish|Flush|WaitForEvents|Release\w*|GetEventProfilingInfo)$|^(cuda|cu)\w*Destroy\w*$|^(printf|fprintf|puts|exit|assert|fflush|cout|cerr|endl|begin|end|cbegin|cend|size|empty|front|back)$|check|safe_?call|cuda_?call/i;

const LOOP_BODY_TYPES: ReadonlySet<string> = new Set(['assignment_expression', 'update_expression', 'call_expression', 'init_declarator']);

/** What one loop's body does to names, read once per loop: where each is written by the host, a kernel or a copy. */
interface LoopBody {
  /** Host-side writes by name: assignments, increments, calls it is passed to (fread, memcpy, a fill helper). */
  hostWrites: Map<string, number[]>;
  /** Device-side writes by name: kernel arguments, copies into it, library calls it is passed to. */
  deviceWrites: Map<string, number[]>;
  /** Start offsets of the kernel launches in the loop (any launch may write what is read back). */
  launches: number[];
  /** Calls that queue GPU work: launches, copies, library calls, calls of this file's own functions. */
  work: number;
  /** Names stored into an array or container in the loop (`bufs[i] = p`, `v.push_back(p)`), with the containers. */
  kept: Map<string, Set<string>>;
  /** Plain names assigned in the loop (`n = sizes[i]`, `bytes *= 2`). */
  assigned: Set<string>;
}

/** A test of a failed status or a NULL result: `err != CL_SUCCESS`, `status`, `!buf`, `res == NULL`. */
const ERROR_TEST =
  /(!=|==)\s*(CL_SUCCESS|cudaSuccess|CUDA_SUCCESS)\b|\b(CL_SUCCESS|cudaSuccess|CUDA_SUCCESS)\s*(!=|==)|\b(err|error|errNum|ciErr\w*|status|ret|rc|res|result)\b|^\(?\s*!|[!=]=\s*(NULL|nullptr)\b/;
const FAILURE_EXIT = /\b(return|goto|exit|abort|throw|break)\b/;

const DEBUG_CONDITION = /\bDEBUG|_DEBUG\b|\bVERBOSE|\bTRACE|^\(?\s*0\s*\)?$/i;
