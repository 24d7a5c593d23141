/* The same histogram, chunked to the device's limit: query CL_DEVICE_MAX_MEM_ALLOC_SIZE, size the chunk
 * below it, reuse two buffers, transfer without blocking, check every status, release everything. */
#include <stdio.h>
#include <stdlib.h>
#define CL_TARGET_OPENCL_VERSION 120
#include <CL/cl.h>

#define BINS 256

int histogram_chunked(cl_device_id dev, cl_context ctx, cl_command_queue queue, cl_kernel kernel,
                      const unsigned char* pixels, size_t total) {
    cl_int err;
    cl_ulong max_alloc = 0;
    err = clGetDeviceInfo(dev, CL_DEVICE_MAX_MEM_ALLOC_SIZE, sizeof(max_alloc), &max_alloc, NULL);
    if (err != CL_SUCCESS) return err;
    size_t chunk = (size_t)(max_alloc / 2);

    cl_mem staging = clCreateBuffer(ctx, CL_MEM_READ_ONLY, chunk, NULL, &err);
    if (err != CL_SUCCESS) return err;
    cl_mem bins = clCreateBuffer(ctx, CL_MEM_READ_WRITE, BINS * sizeof(cl_uint), NULL, &err);
    if (err != CL_SUCCESS) return err;

    for (size_t offset = 0; offset < total; offset += chunk) {
        size_t n = total - offset < chunk ? total - offset : chunk;
        cl_event written;
        err = clEnqueueWriteBuffer(queue, staging, CL_FALSE, 0, n, pixels + offset, 0, NULL, &written);
        if (err != CL_SUCCESS) return err;
        err = clSetKernelArg(kernel, 0, sizeof(cl_mem), &staging);
        if (err != CL_SUCCESS) return err;
        err = clEnqueueNDRangeKernel(queue, kernel, 1, NULL, &n, NULL, 1, &written, NULL);
        if (err != CL_SUCCESS) return err;
    }
    cl_uint host_bins[BINS];
    err = clEnqueueReadBuffer(queue, bins, CL_TRUE, 0, sizeof(host_bins), host_bins, 0, NULL, NULL);
    if (err != CL_SUCCESS) return err;
    if (clReleaseMemObject(staging) != CL_SUCCESS || clReleaseMemObject(bins) != CL_SUCCESS) return -1;
    return 0;
}
