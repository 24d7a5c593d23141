import { rule } from '../../../src/core/rules/opencl-unchecked-error';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'queries guard nothing: not reported',
      language: 'c',
      code: 'void f(cl_device_id d, cl_program p) {\n  char name[64];\n  size_t len;\n  clGetDeviceInfo(d, CL_DEVICE_NAME, 64, name, NULL);\n  clGetProgramBuildInfo(p, d, CL_PROGRAM_BUILD_LOG, 64, name, &len);\n}\n',
    },
    {
      name: 'NULL errcode_ret, the returned object tested',
      language: 'c',
      code: 'int f(cl_context c) {\n  cl_mem b = clCreateBuffer(c, 0, 64, NULL, NULL);\n  if (!b) return 1;\n  return 0;\n}\n',
    },
    {
      name: 'NULL errcode_ret, compared with NULL',
      language: 'c',
      code: 'int f(cl_context c) {\n  cl_mem b;\n  b = clCreateBuffer(c, 0, 64, NULL, NULL);\n  if (b == NULL) { puts("no buffer"); return 1; }\n  return 0;\n}\n',
    },
    {
      name: 'errcode_ret checked after the call',
      language: 'c',
      code: 'int f(cl_context c) {\n  cl_int err;\n  cl_mem b = clCreateBuffer(c, 0, 64, NULL, &err);\n  if (err != CL_SUCCESS) return 1;\n  return 0;\n}\n',
    },
    {
      name: 'cleanup in an error path',
      language: 'c',
      code: 'int f(cl_command_queue q, cl_kernel k) {\n  cl_int err = clEnqueueTask(q, k, 0, NULL, NULL);\n  if (err != CL_SUCCESS) {\n    clFinish(q);\n    return 1;\n  }\n  return 0;\n}\n',
    },
    {
      name: 'status tested',
      language: 'c',
      code: 'int f(cl_kernel k, cl_mem b) {\n  if (clSetKernelArg(k, 0, sizeof(cl_mem), &b) != CL_SUCCESS) return 1;\n  return 0;\n}\n',
    },
    {
      name: 'stored status read: passed to a checking function',
      language: 'c',
      code: 'void f(cl_command_queue q) {\n  cl_int err;\n  err = clFinish(q);\n  checkErr(err, "clFinish");\n}\n',
    },
    { name: 'stored status returned', language: 'c', code: 'cl_int f(cl_command_queue q) {\n  cl_int err = clFinish(q);\n  return err;\n}\n' },
    {
      name: 'errcode_ret read by a macro that names it',
      language: 'c',
      code: '#define CHECK_ERR(e) if ((e) != CL_SUCCESS) exit(1)\nvoid f(cl_context c) {\n  cl_int err;\n  cl_mem b = clCreateBuffer(c, 0, 64, NULL, &err);\n  CHECK_ERR(err);\n  use(b);\n}\n',
    },
    {
      name: 'read by a macro whose body names the variable',
      language: 'c',
      code: '#define CHECK if (status != CL_SUCCESS) return 1;\nint f(cl_command_queue q) {\n  cl_int status = clFinish(q);\n  CHECK\n  return 0;\n}\n',
    },
    {
      name: 'accumulator ORed and tested later',
      language: 'c',
      code: 'int f(cl_kernel k, cl_mem a, cl_mem b) {\n  cl_int err = clSetKernelArg(k, 0, sizeof(cl_mem), &a);\n  err |= clSetKernelArg(k, 1, sizeof(cl_mem), &b);\n  if (err != CL_SUCCESS) return 1;\n  return 0;\n}\n',
    },
    {
      name: 'overwritten only in another branch',
      language: 'c',
      code: 'int f(cl_command_queue q, int x) {\n  cl_int err;\n  if (x) err = clFinish(q);\n  else err = clFlush(q);\n  return err;\n}\n',
    },
    {
      name: 'read later in the loop body',
      language: 'c',
      code: 'int f(cl_command_queue q, cl_kernel k) {\n  cl_int err;\n  for (int i = 0; i < 4; i++) {\n    err = clEnqueueTask(q, k, 0, NULL, NULL);\n    if (err != CL_SUCCESS) return 1;\n  }\n  return 0;\n}\n',
    },
    {
      name: 'read only in the next iteration (the loop condition): counts as checked',
      language: 'c',
      code: 'void f(cl_command_queue q, cl_kernel k) {\n  cl_int err = CL_SUCCESS;\n  while (err == CL_SUCCESS) {\n    err = clEnqueueTask(q, k, 0, NULL, NULL);\n  }\n}\n',
    },
    {
      name: 'read after the loop',
      language: 'c',
      code: 'int f(cl_command_queue q, cl_kernel k) {\n  cl_int err = CL_SUCCESS;\n  for (int i = 0; i < 4; i++) err |= clEnqueueTask(q, k, 0, NULL, NULL);\n  return err == CL_SUCCESS ? 0 : 1;\n}\n',
    },
    {
      name: 'read at a goto label',
      language: 'c',
      code: 'int f(cl_command_queue q) {\n  cl_int err = clFinish(q);\n  goto done;\ndone:\n  printf("%d", err);\n  return 0;\n}\n',
    },
    {
      name: 'do/while condition reads the status',
      language: 'c',
      code: 'void f(cl_command_queue q, cl_kernel k) {\n  cl_int err;\n  do {\n    err = clEnqueueTask(q, k, 0, NULL, NULL);\n  } while (err == CL_OUT_OF_RESOURCES);\n}\n',
    },
    {
      name: 'a return on another path does not end the search',
      language: 'c',
      code: 'int f(cl_command_queue q, int x) {\n  cl_int err = clFinish(q);\n  if (x) return 2;\n  return err;\n}\n',
    },
    {
      name: 'a check macro defined in a header, used with no argument',
      language: 'c',
      code: '#include "check.h"\nvoid f(cl_command_queue q) {\n  cl_int status = clFinish(q);\n  CHECK_OPENCL_ERROR;\n}\n',
    },
    {
      name: 'address passed to a function that is not a creator: a read',
      language: 'c',
      code: 'void f(cl_command_queue q) {\n  cl_int err = clFinish(q);\n  report(&err);\n}\n',
    },
    {
      name: 'a file-scope status may be read elsewhere',
      language: 'c',
      code: 'cl_int err;\nvoid f(cl_command_queue q) {\n  err = clFinish(q);\n}\n',
    },
    { name: 'release status may be ignored', language: 'c', code: 'void f(cl_mem b) {\n  clReleaseMemObject(b);\n}\n' },
  ],
  invalid: [
    {
      name: 'stored status followed by a return that does not read it',
      language: 'c',
      code: 'int f(cl_command_queue q) {\n  cl_int err = clFinish(q);\n  return 0;\n  printf("%d", err);\n}\n',
      errors: [{ messageId: 'stored', line: 2, includes: ['clFinish', 'stored in err'] }],
    },
    {
      name: 'overwritten unconditionally after a branch that reads nothing',
      language: 'c',
      code: 'int f(cl_command_queue q, cl_kernel k, int x) {\n  cl_int err = clEnqueueTask(q, k, 0, NULL, NULL);\n  if (x) puts("x");\n  err = clFinish(q);\n  return err;\n}\n',
      errors: [{ messageId: 'stored', line: 2, includes: ['clEnqueueTask'] }],
    },
    {
      name: 'errcode_ret stored and never read',
      language: 'c',
      code: 'void f(cl_context c) {\n  cl_int err;\n  cl_mem b = clCreateBuffer(c, 0, 64, NULL, &err);\n  use(b);\n}\n',
      errors: [{ messageId: 'stored', line: 3, column: 14, includes: ['clCreateBuffer', 'stored in err'] }],
    },
    {
      name: 'stored status overwritten by the next call before anything reads it',
      language: 'c',
      code: 'int f(cl_command_queue q, cl_kernel k) {\n  cl_int err;\n  err = clEnqueueTask(q, k, 0, NULL, NULL);\n  err = clFinish(q);\n  if (err != CL_SUCCESS) return 1;\n  return 0;\n}\n',
      errors: [{ messageId: 'stored', line: 3, column: 9, includes: ['clEnqueueTask', 'stored in err'] }],
    },
    {
      name: 'errcode_ret overwritten by the next creator',
      language: 'c',
      code: 'int f(cl_context c) {\n  cl_int err;\n  cl_mem a = clCreateBuffer(c, 0, 64, NULL, &err);\n  cl_mem b = clCreateBuffer(c, 0, 64, NULL, &err);\n  if (err != CL_SUCCESS) return 1;\n  use(a, b);\n  return 0;\n}\n',
      errors: [{ messageId: 'stored', line: 3, includes: ['clCreateBuffer'] }],
    },
    {
      name: 'accumulator never tested',
      language: 'c',
      code: 'void f(cl_kernel k, cl_mem a, cl_mem b) {\n  cl_int err = clSetKernelArg(k, 0, sizeof(cl_mem), &a);\n  err |= clSetKernelArg(k, 1, sizeof(cl_mem), &b);\n}\n',
      errors: [{ messageId: 'calls', line: 2, includes: ['2 OpenCL calls in f'] }],
    },
    {
      name: 'overwritten at the top of the next iteration and never read after the loop',
      language: 'c',
      code: 'void f(cl_command_queue q, cl_kernel k) {\n  cl_int err;\n  for (int i = 0; i < 4; i++) {\n    err = clEnqueueTask(q, k, 0, NULL, NULL);\n  }\n}\n',
      errors: [{ messageId: 'stored', line: 4, includes: ['clEnqueueTask'] }],
    },
    {
      name: 'one finding per function for several unchecked calls',
      language: 'c',
      code: 'void f(cl_command_queue q, cl_kernel k, cl_mem b) {\n  clSetKernelArg(k, 0, sizeof(cl_mem), &b);\n  clEnqueueTask(q, k, 0, NULL, NULL);\n  clFinish(q);\n}\n',
      errors: [{ messageId: 'calls', line: 2, includes: ['3 OpenCL calls in f', 'clSetKernelArg, clEnqueueTask, clFinish'] }],
    },
    {
      name: 'discarded status',
      language: 'c',
      code: 'void f(cl_command_queue q) {\n  clFinish(q);\n}\n',
      errors: [{ messageId: 'status', line: 2, column: 3, endColumn: 14, includes: ['clFinish'] }],
    },
    {
      name: 'NULL errcode_ret',
      language: 'c',
      code: 'void f(cl_context c) {\n  cl_mem b = clCreateBuffer(c, 0, 64, NULL, NULL);\n}\n',
      errors: [{ messageId: 'errcode', line: 2, column: 14, endColumn: 50, includes: ['clCreateBuffer', '&err'] }],
    },
  ],
});
