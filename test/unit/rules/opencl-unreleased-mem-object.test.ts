import { rule } from '../../../src/core/rules/opencl-unreleased-mem-object';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'released',
      language: 'c',
      code: 'void f(cl_context c, cl_int* e) {\n  cl_mem b = clCreateBuffer(c, 0, 64, NULL, e);\n  clReleaseMemObject(b);\n}\n',
    },
    {
      name: 'returned',
      language: 'c',
      code: 'cl_mem make(cl_context c, cl_int* e) {\n  cl_mem b = clCreateBuffer(c, 0, 64, NULL, e);\n  return b;\n}\n',
    },
    { name: 'C++ wrapper releases itself', language: 'cpp', code: 'void f(cl::Context& c) {\n  cl::Buffer b(c, CL_MEM_READ_ONLY, 64);\n}\n' },
  ],
  invalid: [
    {
      name: 'never released',
      language: 'c',
      code: 'void f(cl_context c, cl_int* e) {\n  cl_mem b;\n  b = clCreateBuffer(c, 0, 1 << 20, NULL, e);\n}\n',
      errors: [
        { messageId: 'unreleased', line: 3, column: 7, endColumn: 45, includes: ["'b'", '1.00 MiB (1,048,576 bytes)', 'clReleaseMemObject(b)'] },
      ],
    },
  ],
});
