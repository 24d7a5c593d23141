import { rule } from '../../../src/core/rules/opencl-unchecked-error';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'queries guard nothing: not reported', language: 'c', code: 'void f(cl_device_id d, cl_program p) {\n  char name[64];\n  size_t len;\n  clGetDeviceInfo(d, CL_DEVICE_NAME, 64, name, NULL);\n  clGetProgramBuildInfo(p, d, CL_PROGRAM_BUILD_LOG, 64, name, &len);\n}\n' },
    { name: 'NULL errcode_ret, the returned object tested', language: 'c', code: 'int f(cl_context c) {\n  cl_mem b = clCreateBuffer(c, 0, 64, NULL, NULL);\n  if (!b) return 1;\n  return 0;\n}\n' },
    { name: 'NULL errcode_ret, compared with NULL', language: 'c', code: 'int f(cl_context c) {\n  cl_mem b;\n  b = clCreateBuffer(c, 0, 64, NULL, NULL);\n  if (b == NULL) { puts("no buffer"); return 1; }\n  return 0;\n}\n' },
    { name: 'errcode_ret checked after the call', language: 'c', code: 'int f(cl_context c) {\n  cl_int err;\n  cl_mem b = clCreateBuffer(c, 0, 64, NULL, &err);\n  if (err != CL_SUCCESS) return 1;\n  return 0;\n}\n' },
    { name: 'cleanup in an error path', language: 'c', code: 'int f(cl_command_queue q, cl_kernel k) {\n  cl_int err = clEnqueueTask(q, k, 0, NULL, NULL);\n  if (err != CL_SUCCESS) {\n    clFinish(q);\n    return 1;\n  }\n  return 0;\n}\n' },
    { name: 'status tested', language: 'c', code: 'int f(cl_kernel k, cl_mem b) {\n  if (clSetKernelArg(k, 0, sizeof(cl_mem), &b) != CL_SUCCESS) return 1;\n  return 0;\n}\n' },
    { name: 'errcode_ret passed', language: 'c', code: 'void f(cl_context c) {\n  cl_int err;\n  cl_mem b = clCreateBuffer(c, 0, 64, NULL, &err);\n}\n' },
    { name: 'release status may be ignored', language: 'c', code: 'void f(cl_mem b) {\n  clReleaseMemObject(b);\n}\n' },
  ],
  invalid: [
    {
      name: 'one finding per function for several unchecked calls', language: 'c',
      code: 'void f(cl_command_queue q, cl_kernel k, cl_mem b) {\n  clSetKernelArg(k, 0, sizeof(cl_mem), &b);\n  clEnqueueTask(q, k, 0, NULL, NULL);\n  clFinish(q);\n}\n',
      errors: [{ messageId: 'calls', line: 2, includes: ['3 OpenCL calls in f', 'clSetKernelArg, clEnqueueTask, clFinish'] }],
    },
    {
      name: 'discarded status', language: 'c',
      code: 'void f(cl_command_queue q) {\n  clFinish(q);\n}\n',
      errors: [{ messageId: 'status', line: 2, column: 3, endColumn: 14, includes: ['clFinish'] }],
    },
    {
      name: 'NULL errcode_ret', language: 'c',
      code: 'void f(cl_context c) {\n  cl_mem b = clCreateBuffer(c, 0, 64, NULL, NULL);\n}\n',
      errors: [{ messageId: 'errcode', line: 2, column: 14, endColumn: 50, includes: ['clCreateBuffer', '&err'] }],
    },
  ],
});
