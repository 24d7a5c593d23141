// Sizes assumed when folding sizeof() and Python dtypes. The C sizes are the LP64 data model used by Linux and
// macOS on x86-64 and AArch64 with GCC, Clang and NVCC (System V AMD64 ABI §3.1.2; CUDA C++ Programming Guide,
// "Built-in Vector Types", for the vector types' sizes and alignments). Windows (LLP64) differs only in `long`
// (4 bytes); the report lists every size it assumed so a reader can check.
// Source dates: System V ABI 1.0 (2018), CUDA Programming Guide 12.x (2024).
import { lookupTable } from '../model/lookup';

export interface TypeLayout {
  size: number;
  align: number;
}

const scalar = (size: number): TypeLayout => ({ size, align: size });

export const C_TYPE_LAYOUTS: Readonly<Record<string, TypeLayout>> = lookupTable({
  char: scalar(1), 'signed char': scalar(1), 'unsigned char': scalar(1), bool: scalar(1), _Bool: scalar(1),
  int8_t: scalar(1), uint8_t: scalar(1), cl_char: scalar(1), cl_uchar: scalar(1), uchar: scalar(1),
  short: scalar(2), 'unsigned short': scalar(2), int16_t: scalar(2), uint16_t: scalar(2), half: scalar(2),
  __half: scalar(2), __nv_bfloat16: scalar(2), cl_short: scalar(2), cl_ushort: scalar(2), cl_half: scalar(2), ushort: scalar(2),
  int: scalar(4), unsigned: scalar(4), 'unsigned int': scalar(4), 'signed int': scalar(4), int32_t: scalar(4), uint32_t: scalar(4),
  float: scalar(4), cl_int: scalar(4), cl_uint: scalar(4), cl_float: scalar(4), uint: scalar(4), cudaError_t: scalar(4),
  long: scalar(8), 'unsigned long': scalar(8), 'long long': scalar(8), 'unsigned long long': scalar(8), int64_t: scalar(8),
  uint64_t: scalar(8), size_t: scalar(8), 'long int': scalar(8), 'unsigned long int': scalar(8), 'long long int': scalar(8), 'unsigned long long int': scalar(8), 'short int': scalar(2), 'unsigned short int': scalar(2), wchar_t: scalar(4), char16_t: scalar(2), char32_t: scalar(4), intptr_t: scalar(8), uintptr_t: scalar(8), off_t: scalar(8), cl_bool: scalar(4),  ssize_t: scalar(8), ptrdiff_t: scalar(8), double: scalar(8), cl_long: scalar(8),
  cl_ulong: scalar(8), cl_double: scalar(8), ulong: scalar(8), CUdeviceptr: scalar(8), cl_mem: scalar(8), 'long double': { size: 16, align: 16 },
  // CUDA built-in vector types (align as the Programming Guide's table states).
  char2: scalar(2), uchar2: scalar(2), char4: scalar(4), uchar4: scalar(4), short2: scalar(4), ushort2: scalar(4),
  short4: scalar(8), ushort4: scalar(8), int2: scalar(8), uint2: scalar(8), float2: scalar(8), int3: { size: 12, align: 4 },
  uint3: { size: 12, align: 4 }, float3: { size: 12, align: 4 }, int4: scalar(16), uint4: scalar(16), float4: scalar(16),
  double2: scalar(16), long2: scalar(16), double3: { size: 24, align: 8 }, double4: { size: 32, align: 16 }, __half2: scalar(4),
  // The rest of the Programming Guide's vector-type table ("Alignment Requirements"), LP64 (long = 8 bytes).
  char1: scalar(1), uchar1: scalar(1), char3: { size: 3, align: 1 }, uchar3: { size: 3, align: 1 }, short1: scalar(2), ushort1: scalar(2),
  short3: { size: 6, align: 2 }, ushort3: { size: 6, align: 2 }, int1: scalar(4), uint1: scalar(4), float1: scalar(4),
  long1: scalar(8), ulong1: scalar(8), ulong2: scalar(16), long3: { size: 24, align: 8 }, ulong3: { size: 24, align: 8 },
  long4: { size: 32, align: 16 }, ulong4: { size: 32, align: 16 }, longlong1: scalar(8), ulonglong1: scalar(8),
  longlong2: scalar(16), ulonglong2: scalar(16), longlong3: { size: 24, align: 8 }, ulonglong3: { size: 24, align: 8 },
  longlong4: { size: 32, align: 16 }, ulonglong4: { size: 32, align: 16 }, double1: scalar(8),
  double4_16a: { size: 32, align: 16 }, double4_32a: scalar(32), long4_16a: { size: 32, align: 16 }, long4_32a: scalar(32),
  dim3: { size: 12, align: 4 }, half2: scalar(4), __nv_bfloat162: scalar(4), nv_bfloat16: scalar(2), nv_bfloat162: scalar(4),
  __nv_fp8_e4m3: scalar(1), __nv_fp8_e5m2: scalar(1),
  // cuComplex.h: cuFloatComplex/cuComplex are float2, cuDoubleComplex is double2; cufft.h's complex types are the same.
  cuFloatComplex: scalar(8), cuComplex: scalar(8), cuDoubleComplex: scalar(16), cufftComplex: scalar(8), cufftDoubleComplex: scalar(16),
  cufftReal: scalar(4), cufftDoubleReal: scalar(8), hipFloatComplex: scalar(8), hipDoubleComplex: scalar(16),
  // std::complex<T> and thrust::complex<T> are two Ts (C++ [complex.numbers]; thrust aligns to 2 x sizeof(T)).
  'complex<float>': { size: 8, align: 4 }, 'complex<double>': { size: 16, align: 8 }, 'thrust::complex<float>': scalar(8), 'thrust::complex<double>': scalar(16),
  // OpenCL C host-side vector types (cl_platform.h): cl_float4 is 16 bytes, cl_float3 is padded to 16.
  cl_float2: scalar(8), cl_float4: scalar(16), cl_float3: scalar(16), cl_int2: scalar(8), cl_int4: scalar(16), cl_double2: scalar(16),
});

export const POINTER_LAYOUT: TypeLayout = scalar(8);

/** NumPy / CuPy / torch dtype item sizes (NumPy "Data type objects" reference; torch.Tensor.element_size). */
export const DTYPE_BYTES: Readonly<Record<string, number>> = lookupTable({
  bool: 1, bool_: 1, int8: 1, uint8: 1, byte: 1, ubyte: 1, char: 1,
  int16: 2, uint16: 2, short: 2, float16: 2, half: 2, bfloat16: 2,
  int32: 4, uint32: 4, int: 4, intc: 4, float32: 4, float: 4, single: 4,
  int64: 8, uint64: 8, long: 8, int_: 8, intp: 8, float64: 8, double: 8, float_: 8, complex64: 8, cfloat: 8,
  complex128: 16, cdouble: 16, complex_: 16,
});

/** Default dtypes when none is given: NumPy/CuPy float64; torch float32 (torch.get_default_dtype()). */
export const DEFAULT_DTYPE = { numpy: 'float64', torch: 'float32' } as const;

/** Normalises whitespace and drops qualifiers so `const unsigned   int` looks up `unsigned int`. */
export function normaliseTypeName(text: string): string {
  return text
    .replace(/\b(const|volatile|struct|class|union|enum|typename|__restrict__|restrict)\b/g, '')
    .replace(/\bstd::/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([<>*&,]) ?/g, '$1')
    .trim();
}
