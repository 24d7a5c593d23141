import { rule } from '../../../src/core/rules/gpu-sync-in-loop';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'sync after the loop', language: 'cuda', code: 'void f(float* d) {\n  for (int i = 0; i < 10; i++) k<<<1, 32>>>(d);\n  cudaDeviceSynchronize();\n}\n' },
    { name: 'stream sync outside any loop', language: 'cuda', code: 'void f() {\n  cudaStreamSynchronize(0);\n}\n' },
    { name: 'python: torch sync outside', language: 'python', code: 'import torch\nfor i in range(3):\n    y = model(x)\ntorch.cuda.synchronize()\n' },
  ],
  invalid: [
    {
      name: 'device sync per iteration', language: 'cuda',
      code: 'void f(float* d) {\n  for (int i = 0; i < 10; i++) {\n    k<<<1, 32>>>(d);\n    cudaDeviceSynchronize();\n  }\n}\n',
      errors: [{ messageId: 'syncInLoop', line: 4, column: 5, endColumn: 28, includes: ['loop at line 2 (10 iterations)'] }],
    },
    {
      name: 'driver API stream sync in a do-while', language: 'cpp',
      code: 'void f(CUstream s) {\n  do {\n    cuStreamSynchronize(s);\n  } while (more());\n}\n',
      errors: [{ messageId: 'syncInLoop', line: 3, includes: ['cuStreamSynchronize', 'loop at line 2'] }],
    },
    {
      name: 'python: cupy and torch', language: 'python',
      code: 'import cupy as cp\nimport torch\nfor i in range(5):\n    cp.cuda.Device(0).synchronize()\n    torch.cuda.synchronize()\n',
      errors: [{ messageId: 'syncInLoop', line: 4, includes: ['(5 iterations)'] }, { messageId: 'syncInLoop', line: 5 }],
    },
  ],
});
