import { rule } from '../../../src/core/rules/llm-missing-timeout';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'TS client with a timeout', language: 'typescript', code: "import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 20_000, maxRetries: 1 });\n" },
    { name: 'Python client with a timeout', language: 'python', code: 'from openai import OpenAI\nc = OpenAI(timeout=20.0)\n' },
    { name: 'requests.post with a timeout', language: 'python', code: 'import requests\nr = requests.post("https://api.openai.com/v1/chat/completions", json={"model": "gpt-4o-mini", "max_tokens": 10}, timeout=30)\n' },
    { name: 'fetch with AbortSignal.timeout', language: 'javascript', code: "const r = await fetch('https://api.openai.com/v1/embeddings', { method: 'POST', signal: AbortSignal.timeout(10000), body: JSON.stringify({ model: 'text-embedding-3-small', input: 'x' }) });\n" },
    { name: 'requests to another host', language: 'python', code: 'import requests\nr = requests.post("https://example.com/api")\n' },
  ],
  invalid: [
    {
      name: 'new OpenAI() without options: fix inserts an options object', language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI();\n",
      errors: [{ messageId: 'sdk', line: 2, column: 11, endColumn: 23, includes: ['10 minutes', '30 minutes', '2 (default)'] }],
      output: "import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 30_000 });\n",
    },
    {
      name: 'AzureOpenAI with maxRetries only (Python)', language: 'python',
      code: 'from openai import AzureOpenAI\nc = AzureOpenAI(max_retries=5)\n',
      errors: [{ messageId: 'sdk', line: 2, includes: ['60 minutes'] }],
      output: 'from openai import AzureOpenAI\nc = AzureOpenAI(max_retries=5, timeout=30.0)\n',
    },
    {
      name: 'requests.post without a timeout waits forever', language: 'python',
      code: 'import requests\nr = requests.post("https://api.openai.com/v1/chat/completions", json={"model": "gpt-4o-mini", "max_tokens": 10})\n',
      errors: [{ messageId: 'http', line: 2, includes: ['requests.post'] }],
      output: 'import requests\nr = requests.post("https://api.openai.com/v1/chat/completions", json={"model": "gpt-4o-mini", "max_tokens": 10}, timeout=30)\n',
    },
    {
      name: 'fetch without a signal', language: 'javascript',
      code: "const r = await fetch('https://api.openai.com/v1/embeddings', { method: 'POST', body: JSON.stringify({ model: 'text-embedding-3-small', input: 'x' }) });\n",
      errors: [{ messageId: 'http', line: 1, includes: ['fetch'] }],
      output: "const r = await fetch('https://api.openai.com/v1/embeddings', { method: 'POST', body: JSON.stringify({ model: 'text-embedding-3-small', input: 'x' }), signal: AbortSignal.timeout(30_000) });\n",
    },
  ],
});
