import { rule } from '../../../src/core/rules/opencl-unchecked-error';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
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
