// Device code for the histogram examples: OpenCL C parses with the C++ grammar after the address-space
// qualifiers are masked; kernels and their __global buffers are listed in the report.
#define BINS 256

__kernel void histogram(__global const uchar* pixels, __global uint* bins, const uint n) {
    __local uint local_bins[BINS];
    uint lid = get_local_id(0);
    if (lid < BINS) local_bins[lid] = 0;
    barrier(CLK_LOCAL_MEM_FENCE);
    uint gid = get_global_id(0);
    if (gid < n) atomic_inc(&local_bins[pixels[gid]]);
    barrier(CLK_LOCAL_MEM_FENCE);
    if (lid < BINS) atomic_add(&bins[lid], local_bins[lid]);
}
