/* Histogram of a large image stack with OpenCL: one buffer for everything, sized from the input.
 * Shows: opencl-buffer-exceeds-max-alloc, opencl-no-max-alloc-query, opencl-blocking-transfer-in-loop,
 * opencl-unreleased-mem-object, opencl-unchecked-error. */
#include <stdio.h>
#include <stdlib.h>
#define CL_TARGET_OPENCL_VERSION 120
#include <CL/cl.h>

#define BINS 256
#define FRAME_PIXELS (3840 * 2160)
#define FRAMES 1024

int histogram(cl_context ctx, cl_command_queue queue, cl_kernel kernel, const unsigned char* frames, size_t frame_count) {
    cl_int err;
    /* 1024 UHD frames in one buffer: 7.9 GiB, above the 4 GiB a single buffer may take on a 16 GB NVIDIA GPU. */
    cl_mem all_frames = clCreateBuffer(ctx, CL_MEM_READ_ONLY, (size_t)FRAMES * FRAME_PIXELS, NULL, &err);
    if (err != CL_SUCCESS) return err;

    /* Sized at run time, never compared with CL_DEVICE_MAX_MEM_ALLOC_SIZE. */
    cl_mem input = clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, frame_count * FRAME_PIXELS, (void*)frames, NULL);
    cl_mem bins = clCreateBuffer(ctx, CL_MEM_READ_WRITE, BINS * sizeof(cl_uint), NULL, &err);
    if (err != CL_SUCCESS) return err;

    unsigned int host_bins[BINS];
    for (size_t f = 0; f < frame_count; ++f) {
        clSetKernelArg(kernel, 0, sizeof(cl_mem), &input);
        clSetKernelArg(kernel, 1, sizeof(cl_mem), &bins);
        size_t global = FRAME_PIXELS;
        err = clEnqueueNDRangeKernel(queue, kernel, 1, NULL, &global, NULL, 0, NULL, NULL);
        if (err != CL_SUCCESS) return err;
        err = clEnqueueReadBuffer(queue, bins, CL_TRUE, 0, sizeof(host_bins), host_bins, 0, NULL, NULL);
        if (err != CL_SUCCESS) return err;
    }
    clReleaseMemObject(input);
    clReleaseMemObject(all_frames);
    return 0;
}
