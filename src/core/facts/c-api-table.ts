// The CUDA runtime, CUDA driver and OpenCL host calls we read, as data: which argument holds the size, the
// target, the copy direction, the stream, the blocking flag. Argument indexes are 0-based. Signatures from the
// CUDA Runtime API and Driver API references (CUDA 12.x/13.0, 2025) and the OpenCL 3.0 API specification (2024).
import type { GpuApi, MemorySpace, TransferDirection } from '../model/types';
import { lookupTable } from '../model/lookup';

export type SizeSpec = number | { product: number[] } | { extent: number };

export interface AllocSpec {
  kind: 'alloc';
  family: GpuApi;
  /** Argument holding the address of the pointer that receives the allocation, or 'result' (OpenCL). */
  target: number | 'result';
  size: SizeSpec;
  space: MemorySpace;
  /** Argument holding flags; `mappedFlags` switch the space to 'mapped'. */
  flagsArg?: number;
  mappedFlags?: RegExp;
  /** OpenCL: argument holding the host pointer copied at creation (CL_MEM_COPY_HOST_PTR). */
  hostPtrArg?: number;
  async?: boolean;
}

export interface TransferSpec {
  kind: 'transfer';
  family: GpuApi;
  dst: number | null;
  src: number | null;
  size: SizeSpec | null;
  /** Argument holding cudaMemcpyKind; or a fixed direction. */
  kindArg?: number;
  direction?: TransferDirection;
  streamArg?: number;
  blockingArg?: number;
  offsetArg?: number;
  /** OpenCL: which argument is the device buffer and which the host pointer. */
  deviceArg?: number;
  hostArg?: number;
}

export interface FreeSpec {
  kind: 'free';
  family: GpuApi;
  target: number;
}

export interface OtherSpec {
  kind: 'sync' | 'launch' | 'hint';
  family: GpuApi;
  /** Launches: the argument naming the kernel. */
  kernelArg?: number;
  hint?: 'prefetch' | 'advise' | 'stream' | 'pool' | 'host-register' | 'map' | 'error-check' | 'global-mem-query';
  target?: number;
}

export type CallSpec = AllocSpec | TransferSpec | FreeSpec | OtherSpec;

const cuda = 'cuda' as const;
const drv = 'cuda-driver' as const;
const ocl = 'opencl' as const;

export const C_API_TABLE: Readonly<Record<string, CallSpec>> = lookupTable({
  // CUDA runtime: allocation
  cudaMalloc: { kind: 'alloc', family: cuda, target: 0, size: 1, space: 'device' },
  cudaMallocAsync: { kind: 'alloc', family: cuda, target: 0, size: 1, space: 'device', async: true },
  cudaMallocFromPoolAsync: { kind: 'alloc', family: cuda, target: 0, size: 1, space: 'device', async: true },
  // Pitch allocations round each row up; width x height is the lower bound the code asks for.
  cudaMallocPitch: { kind: 'alloc', family: cuda, target: 0, size: { product: [2, 3] }, space: 'device' },
  cudaMalloc3D: { kind: 'alloc', family: cuda, target: 0, size: { extent: 1 }, space: 'device' },
  cudaMallocManaged: { kind: 'alloc', family: cuda, target: 0, size: 1, space: 'managed' },
  cudaMallocHost: { kind: 'alloc', family: cuda, target: 0, size: 1, space: 'pinned-host' },
  cudaHostAlloc: { kind: 'alloc', family: cuda, target: 0, size: 1, space: 'pinned-host', flagsArg: 2, mappedFlags: /cudaHostAllocMapped/ },
  // CUDA driver: allocation
  cuMemAlloc: { kind: 'alloc', family: drv, target: 0, size: 1, space: 'device' },
  cuMemAlloc_v2: { kind: 'alloc', family: drv, target: 0, size: 1, space: 'device' },
  cuMemAllocAsync: { kind: 'alloc', family: drv, target: 0, size: 1, space: 'device', async: true },
  cuMemAllocFromPoolAsync: { kind: 'alloc', family: drv, target: 0, size: 1, space: 'device', async: true },
  cuMemAllocPitch: { kind: 'alloc', family: drv, target: 0, size: { product: [2, 3] }, space: 'device' },
  cuMemAllocManaged: { kind: 'alloc', family: drv, target: 0, size: 1, space: 'managed' },
  cuMemAllocHost: { kind: 'alloc', family: drv, target: 0, size: 1, space: 'pinned-host' },
  cuMemHostAlloc: { kind: 'alloc', family: drv, target: 0, size: 1, space: 'pinned-host', flagsArg: 2, mappedFlags: /CU_MEMHOSTALLOC_DEVICEMAP/ },
  // OpenCL: clCreateBuffer(context, flags, size, host_ptr, errcode_ret)
  clCreateBuffer: {
    kind: 'alloc',
    family: ocl,
    target: 'result',
    size: 2,
    space: 'device',
    flagsArg: 1,
    mappedFlags: /CL_MEM_(ALLOC|USE)_HOST_PTR/,
    hostPtrArg: 3,
  },
  clCreateBufferWithProperties: {
    kind: 'alloc',
    family: ocl,
    target: 'result',
    size: 3,
    space: 'device',
    flagsArg: 2,
    mappedFlags: /CL_MEM_(ALLOC|USE)_HOST_PTR/,
    hostPtrArg: 4,
  },
  clSVMAlloc: { kind: 'alloc', family: ocl, target: 'result', size: 2, space: 'managed' },

  // Transfers
  cudaMemcpy: { kind: 'transfer', family: cuda, dst: 0, src: 1, size: 2, kindArg: 3 },
  cudaMemcpyAsync: { kind: 'transfer', family: cuda, dst: 0, src: 1, size: 2, kindArg: 3, streamArg: 4 },
  cudaMemcpy2D: { kind: 'transfer', family: cuda, dst: 0, src: 2, size: { product: [4, 5] }, kindArg: 6 },
  cudaMemcpy2DAsync: { kind: 'transfer', family: cuda, dst: 0, src: 2, size: { product: [4, 5] }, kindArg: 6, streamArg: 7 },
  // Copies to and from a CUDA array (the array is the device side; its offsets are not byte offsets into the host buffer).
  cudaMemcpy2DToArray: { kind: 'transfer', family: cuda, dst: 0, src: 3, size: { product: [5, 6] }, kindArg: 7 },
  cudaMemcpy2DToArrayAsync: { kind: 'transfer', family: cuda, dst: 0, src: 3, size: { product: [5, 6] }, kindArg: 7, streamArg: 8 },
  cudaMemcpy2DFromArray: { kind: 'transfer', family: cuda, dst: 0, src: 2, size: { product: [5, 6] }, kindArg: 7 },
  cudaMemcpy2DFromArrayAsync: { kind: 'transfer', family: cuda, dst: 0, src: 2, size: { product: [5, 6] }, kindArg: 7, streamArg: 8 },
  cudaMemcpyToArray: { kind: 'transfer', family: cuda, dst: 0, src: 3, size: 4, kindArg: 5 },
  cudaMemcpyToArrayAsync: { kind: 'transfer', family: cuda, dst: 0, src: 3, size: 4, kindArg: 5, streamArg: 6 },
  cudaMemcpyFromArray: { kind: 'transfer', family: cuda, dst: 0, src: 1, size: 4, kindArg: 5 },
  cudaMemcpyFromArrayAsync: { kind: 'transfer', family: cuda, dst: 0, src: 1, size: 4, kindArg: 5, streamArg: 6 },
  cudaMemcpy3D: { kind: 'transfer', family: cuda, dst: null, src: null, size: null, direction: 'unknown' },
  cudaMemcpy3DAsync: { kind: 'transfer', family: cuda, dst: null, src: null, size: null, direction: 'unknown', streamArg: 1 },
  cudaMemcpyToSymbol: { kind: 'transfer', family: cuda, dst: 0, src: 1, size: 2, direction: 'host-to-device' },
  cudaMemcpyToSymbolAsync: { kind: 'transfer', family: cuda, dst: 0, src: 1, size: 2, direction: 'host-to-device', streamArg: 5 },
  cudaMemcpyFromSymbol: { kind: 'transfer', family: cuda, dst: 0, src: 1, size: 2, direction: 'device-to-host' },
  cudaMemcpyPeer: { kind: 'transfer', family: cuda, dst: 0, src: 2, size: 4, direction: 'device-to-device' },
  cudaMemcpyPeerAsync: { kind: 'transfer', family: cuda, dst: 0, src: 2, size: 4, direction: 'device-to-device', streamArg: 5 },
  cuMemcpyHtoD: { kind: 'transfer', family: drv, dst: 0, src: 1, size: 2, direction: 'host-to-device' },
  cuMemcpyHtoD_v2: { kind: 'transfer', family: drv, dst: 0, src: 1, size: 2, direction: 'host-to-device' },
  cuMemcpyDtoH: { kind: 'transfer', family: drv, dst: 0, src: 1, size: 2, direction: 'device-to-host' },
  cuMemcpyDtoH_v2: { kind: 'transfer', family: drv, dst: 0, src: 1, size: 2, direction: 'device-to-host' },
  cuMemcpyDtoD: { kind: 'transfer', family: drv, dst: 0, src: 1, size: 2, direction: 'device-to-device' },
  cuMemcpyHtoDAsync: { kind: 'transfer', family: drv, dst: 0, src: 1, size: 2, direction: 'host-to-device', streamArg: 3 },
  cuMemcpyDtoHAsync: { kind: 'transfer', family: drv, dst: 0, src: 1, size: 2, direction: 'device-to-host', streamArg: 3 },
  // clEnqueueWriteBuffer(queue, buffer, blocking_write, offset, size, ptr, ...)
  clEnqueueWriteBuffer: {
    kind: 'transfer',
    family: ocl,
    dst: 1,
    src: 5,
    size: 4,
    direction: 'host-to-device',
    blockingArg: 2,
    offsetArg: 3,
    deviceArg: 1,
    hostArg: 5,
  },
  clEnqueueReadBuffer: {
    kind: 'transfer',
    family: ocl,
    dst: 5,
    src: 1,
    size: 4,
    direction: 'device-to-host',
    blockingArg: 2,
    offsetArg: 3,
    deviceArg: 1,
    hostArg: 5,
  },
  clEnqueueCopyBuffer: { kind: 'transfer', family: ocl, dst: 2, src: 1, size: 5, direction: 'device-to-device' },
  clEnqueueWriteBufferRect: {
    kind: 'transfer',
    family: ocl,
    dst: 1,
    src: 10,
    size: null,
    direction: 'host-to-device',
    blockingArg: 2,
    deviceArg: 1,
    hostArg: 10,
  },
  clEnqueueReadBufferRect: {
    kind: 'transfer',
    family: ocl,
    dst: 10,
    src: 1,
    size: null,
    direction: 'device-to-host',
    blockingArg: 2,
    deviceArg: 1,
    hostArg: 10,
  },

  // Frees
  cudaFree: { kind: 'free', family: cuda, target: 0 },
  cudaFreeAsync: { kind: 'free', family: cuda, target: 0 },
  cudaFreeHost: { kind: 'free', family: cuda, target: 0 },
  cudaFreeArray: { kind: 'free', family: cuda, target: 0 },
  cudaHostUnregister: { kind: 'free', family: cuda, target: 0 },
  cuMemFree: { kind: 'free', family: drv, target: 0 },
  cuMemFree_v2: { kind: 'free', family: drv, target: 0 },
  cuMemFreeAsync: { kind: 'free', family: drv, target: 0 },
  cuMemFreeHost: { kind: 'free', family: drv, target: 0 },
  clReleaseMemObject: { kind: 'free', family: ocl, target: 0 },
  clSVMFree: { kind: 'free', family: ocl, target: 1 },

  // Synchronisation
  cudaDeviceSynchronize: { kind: 'sync', family: cuda },
  cudaThreadSynchronize: { kind: 'sync', family: cuda },
  cudaStreamSynchronize: { kind: 'sync', family: cuda },
  cudaEventSynchronize: { kind: 'sync', family: cuda },
  cuCtxSynchronize: { kind: 'sync', family: drv },
  cuStreamSynchronize: { kind: 'sync', family: drv },
  clFinish: { kind: 'sync', family: ocl },
  clWaitForEvents: { kind: 'sync', family: ocl },

  // Launches (the <<< >>> form is recognised from the syntax, see cuda-mask)
  cudaLaunchKernel: { kind: 'launch', family: cuda, kernelArg: 0 },
  cudaLaunchKernelEx: { kind: 'launch', family: cuda, kernelArg: 1 },
  cudaLaunchCooperativeKernel: { kind: 'launch', family: cuda, kernelArg: 0 },
  cuLaunchKernel: { kind: 'launch', family: drv, kernelArg: 0 },
  cuLaunchKernelEx: { kind: 'launch', family: drv, kernelArg: 1 },
  clEnqueueNDRangeKernel: { kind: 'launch', family: ocl, kernelArg: 1 },
  clEnqueueTask: { kind: 'launch', family: ocl, kernelArg: 1 },

  // Hints: what makes managed / mapped / async memory behave
  cudaMemPrefetchAsync: { kind: 'hint', family: cuda, hint: 'prefetch', target: 0 },
  cuMemPrefetchAsync: { kind: 'hint', family: drv, hint: 'prefetch', target: 0 },
  cudaMemAdvise: { kind: 'hint', family: cuda, hint: 'advise', target: 0 },
  cuMemAdvise: { kind: 'hint', family: drv, hint: 'advise', target: 0 },
  cudaStreamCreate: { kind: 'hint', family: cuda, hint: 'stream' },
  cudaStreamCreateWithFlags: { kind: 'hint', family: cuda, hint: 'stream' },
  cudaStreamCreateWithPriority: { kind: 'hint', family: cuda, hint: 'stream' },
  cuStreamCreate: { kind: 'hint', family: drv, hint: 'stream' },
  cudaMemPoolCreate: { kind: 'hint', family: cuda, hint: 'pool' },
  cudaDeviceGetDefaultMemPool: { kind: 'hint', family: cuda, hint: 'pool' },
  cudaMemPoolSetAttribute: { kind: 'hint', family: cuda, hint: 'pool' },
  cudaHostRegister: { kind: 'hint', family: cuda, hint: 'host-register', target: 0 },
  cuMemHostRegister: { kind: 'hint', family: drv, hint: 'host-register', target: 0 },
  cudaHostGetDevicePointer: { kind: 'hint', family: cuda, hint: 'map', target: 1 },
  clEnqueueMapBuffer: { kind: 'hint', family: ocl, hint: 'map', target: 1 },
  cudaGetLastError: { kind: 'hint', family: cuda, hint: 'error-check' },
  // Free/total device memory: sizes planned from it fit the device by construction.
  cudaMemGetInfo: { kind: 'hint', family: cuda, hint: 'global-mem-query' },
  cuMemGetInfo: { kind: 'hint', family: drv, hint: 'global-mem-query' },
  cuMemGetInfo_v2: { kind: 'hint', family: drv, hint: 'global-mem-query' },
  cudaPeekAtLastError: { kind: 'hint', family: cuda, hint: 'error-check' },
});

/**
 * The OpenCL C++ wrapper (cl.hpp / opencl.hpp, Khronos OpenCL-CLHPP 2.x): cl::CommandQueue methods, read where the
 * file uses `cl::`. enqueueWriteBuffer(buffer, blocking, offset, size, ptr, ...), enqueueReadBuffer(same),
 * enqueueCopyBuffer(src, dst, src_offset, dst_offset, size), enqueueNDRangeKernel(kernel, offset, global, local).
 */
export const OPENCL_CPP_METHODS: Readonly<Record<string, CallSpec>> = {
  enqueueWriteBuffer: {
    kind: 'transfer',
    family: ocl,
    dst: 0,
    src: 4,
    size: 3,
    direction: 'host-to-device',
    blockingArg: 1,
    offsetArg: 2,
    deviceArg: 0,
    hostArg: 4,
  },
  enqueueReadBuffer: {
    kind: 'transfer',
    family: ocl,
    dst: 4,
    src: 0,
    size: 3,
    direction: 'device-to-host',
    blockingArg: 1,
    offsetArg: 2,
    deviceArg: 0,
    hostArg: 4,
  },
  enqueueCopyBuffer: { kind: 'transfer', family: ocl, dst: 1, src: 0, size: 4, direction: 'device-to-device' },
  enqueueNDRangeKernel: { kind: 'launch', family: ocl, kernelArg: 0 },
  enqueueTask: { kind: 'launch', family: ocl, kernelArg: 0 },
  finish: { kind: 'sync', family: ocl },
};

/** CUDA calls whose return value is not an error status, so ignoring it is fine. */
export const CUDA_NON_STATUS_CALLS = new Set([
  'cudaGetErrorString',
  'cudaGetErrorName',
  'cudaGetLastError',
  'cudaPeekAtLastError',
  'make_cudaExtent',
  'make_cudaPitchedPtr',
  'make_cudaPos',
  'cudaCreateChannelDesc',
  'cuGetErrorString',
  'cuGetErrorName',
]);

/** OpenCL calls that report errors through their last argument (errcode_ret) instead of the return value. */
export const OPENCL_ERRCODE_RET_CALLS = new Set([
  'clCreateBuffer',
  'clCreateBufferWithProperties',
  'clCreateSubBuffer',
  'clCreateContext',
  'clCreateContextFromType',
  'clCreateCommandQueue',
  'clCreateCommandQueueWithProperties',
  'clCreateProgramWithSource',
  'clCreateProgramWithBinary',
  'clCreateProgramWithIL',
  'clCreateKernel',
  'clCreateImage',
  'clCreateImage2D',
  'clCreateImage3D',
  'clCreateSampler',
  'clCreateUserEvent',
  'clEnqueueMapBuffer',
  'clEnqueueMapImage',
  'clLinkProgram',
  'clCreatePipe',
]);

/** OpenCL calls whose status is routinely ignored without harm (teardown), or that return no status. */
export const OPENCL_UNCHECKED_OK = /^cl(Release|Retain)|^clSVMAlloc$|^clSVMFree$|^clGetExtensionFunctionAddress/;

export function transferDirectionFromKind(text: string): TransferDirection {
  if (/HostToDevice/.test(text)) return 'host-to-device';
  if (/DeviceToHost/.test(text)) return 'device-to-host';
  if (/DeviceToDevice/.test(text)) return 'device-to-device';
  if (/HostToHost/.test(text)) return 'host-to-host';
  if (/Default/.test(text)) return 'default';
  return 'unknown';
}
