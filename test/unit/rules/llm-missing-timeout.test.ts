import { rule } from '../../../src/core/rules/llm-missing-timeout';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'openai < 1.0 module-level call with request_timeout (Python)',
      language: 'python',
      code: 'import openai\ndef ask(q):\n    return openai.ChatCompletion.create(model="gpt-3.5-turbo", max_tokens=100, messages=[{"role": "user", "content": q}], request_timeout=20)\n',
    },
    {
      name: "openai < 1.0 module-level call whose options come from the caller's **kwargs (Python)",
      language: 'python',
      code: 'import openai\ndef ask(q, **kwargs):\n    return openai.ChatCompletion.create(model="gpt-3.5-turbo", messages=[{"role": "user", "content": q}], **kwargs)\n',
    },
    // A reused `endpoint` name: only the one in scope decides which host a request goes to.
    {
      name: 'fetch to another provider through a reused endpoint name',
      language: 'typescript',
      code: "export async function openai(body: string) {\n  const endpoint = 'https://api.openai.com/v1/chat/completions';\n  return fetch(endpoint, { method: 'POST', body, signal: AbortSignal.timeout(30_000) });\n}\nexport async function anthropic(body: string) {\n  const endpoint = 'https://api.anthropic.com/v1/messages';\n  return fetch(endpoint, { method: 'POST', body });\n}\n",
    },
    {
      name: 'requests to another provider through a reused url name',
      language: 'python',
      code: 'import requests\ndef ask_openai(body):\n    url = "https://api.openai.com/v1/chat/completions"\n    return requests.post(url, json=body, timeout=30)\ndef ask_mistral(body):\n    url = "https://api.mistral.ai/v1/chat/completions"\n    return requests.post(url, json=body)\n',
    },
    {
      name: 'an endpoint that may be a local server is not provably OpenAI',
      language: 'typescript',
      code: "export async function ask(body: string, local: boolean) {\n  let url = 'https://api.openai.com/v1/chat/completions';\n  if (local) url = 'http://localhost:11434/v1/chat/completions';\n  return fetch(url, { method: 'POST', body });\n}\n",
    },
    {
      name: 'an endpoint passed in by the caller is not provably OpenAI',
      language: 'python',
      code: 'import requests\ndef ask(url, body):\n    return requests.post(url, json=body)\n',
    },
    {
      name: 'a /v1/models key check is not a generation call (fetch)',
      language: 'typescript',
      code: "export async function checkKey(key: string) {\n  const r = await fetch('https://api.openai.com/v1/models', { headers: { Authorization: `Bearer ${key}` } });\n  return r.ok;\n}\n",
    },
    {
      name: 'a /v1/models key check is not a generation call (requests)',
      language: 'python',
      code: 'import requests\ndef key_ok(key):\n    return requests.get("https://api.openai.com/v1/models", headers={"Authorization": f"Bearer {key}"}).ok\n',
    },
    {
      name: 'TS client with a timeout',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 20_000, maxRetries: 1 });\n",
    },
    { name: 'Python client with a timeout', language: 'python', code: 'from openai import OpenAI\nc = OpenAI(timeout=20.0)\n' },
    {
      name: 'requests.post with a timeout',
      language: 'python',
      code: 'import requests\nr = requests.post("https://api.openai.com/v1/chat/completions", json={"model": "gpt-4o-mini", "max_tokens": 10}, timeout=30)\n',
    },
    {
      name: 'fetch with AbortSignal.timeout',
      language: 'javascript',
      code: "const r = await fetch('https://api.openai.com/v1/embeddings', { method: 'POST', signal: AbortSignal.timeout(10000), body: JSON.stringify({ model: 'text-embedding-3-small', input: 'x' }) });\n",
    },
    { name: 'requests to another host', language: 'python', code: 'import requests\nr = requests.post("https://example.com/api")\n' },
    // openai-node v3 / openai-edge: no default timeout, so one set in the Configuration or on every request counts.
    {
      name: 'v3 OpenAIApi with baseOptions.timeout in a Configuration held in a name',
      language: 'typescript',
      code: "import { Configuration, OpenAIApi } from 'openai';\nconst configuration = new Configuration({ apiKey: 'x', baseOptions: { timeout: 20_000 } });\nconst openai = new OpenAIApi(configuration);\nexport const ask = (q: string) => openai.createChatCompletion({ model: 'gpt-3.5-turbo', max_tokens: 9, messages: [{ role: 'user', content: q }] });\n",
    },
    {
      name: 'openai-edge OpenAIApi whose every request passes a signal',
      language: 'typescript',
      code: "import { Configuration, OpenAIApi } from 'openai-edge';\nconst openai = new OpenAIApi(new Configuration({ apiKey: 'x' }));\nexport const ask = (q: string) => openai.createChatCompletion({ model: 'gpt-3.5-turbo', max_tokens: 9, messages: [{ role: 'user', content: q }] }, { signal: AbortSignal.timeout(20_000) });\n",
    },
    {
      name: 'v3 OpenAIApi built with a Configuration from another module (unknown, not missing)',
      language: 'typescript',
      code: "import { OpenAIApi } from 'openai';\nimport { configuration } from './config';\nconst openai = new OpenAIApi(configuration);\nexport const ask = (q: string) => openai.createChatCompletion({ model: 'gpt-3.5-turbo', max_tokens: 9, messages: [{ role: 'user', content: q }] });\n",
    },
  ],
  invalid: [
    {
      name: 'openai < 1.0 module-level call with no request_timeout (Python)',
      language: 'python',
      code: 'import openai\ndef ask(q):\n    return openai.ChatCompletion.create(model="gpt-3.5-turbo", max_tokens=100, messages=[{"role": "user", "content": q}])\n',
      errors: [{ messageId: 'legacyPython', line: 3, includes: ['ChatCompletion.create', '10 minutes'] }],
      output:
        'import openai\ndef ask(q):\n    return openai.ChatCompletion.create(model="gpt-3.5-turbo", max_tokens=100, messages=[{"role": "user", "content": q}], request_timeout=30)\n',
    },
    {
      name: 'v3 OpenAIApi with a Configuration that sets no timeout',
      language: 'typescript',
      code: "import { Configuration, OpenAIApi } from 'openai';\nconst configuration = new Configuration({ apiKey: 'x' });\nconst openai = new OpenAIApi(configuration);\nexport const ask = (q: string) => openai.createChatCompletion({ model: 'gpt-3.5-turbo', max_tokens: 9, messages: [{ role: 'user', content: q }] });\n",
      errors: [{ messageId: 'legacy', line: 3, includes: ['new OpenAIApi', 'baseOptions'] }],
    },
    {
      name: 'openai-edge OpenAIApi where only one of two requests passes a signal',
      language: 'typescript',
      code: "import { Configuration, OpenAIApi } from 'openai-edge';\nconst openai = new OpenAIApi(new Configuration({ apiKey: 'x' }));\nexport const ask = (q: string) => openai.createChatCompletion({ model: 'gpt-3.5-turbo', max_tokens: 9, messages: [{ role: 'user', content: q }] }, { signal: AbortSignal.timeout(20_000) });\nexport const embed = (q: string) => openai.createEmbedding({ model: 'text-embedding-ada-002', input: q });\n",
      errors: [{ messageId: 'legacy', line: 2 }],
    },
    {
      name: 'fetch to a template built on a constant OpenAI base URL',
      language: 'typescript',
      code: "const OPENAI_BASE = 'https://api.openai.com/v1';\nexport async function ask(body: string) {\n  return fetch(`${OPENAI_BASE}/chat/completions`, { method: 'POST', body });\n}\n",
      errors: [{ messageId: 'http', line: 3, includes: ['fetch'] }],
      output:
        "const OPENAI_BASE = 'https://api.openai.com/v1';\nexport async function ask(body: string) {\n  return fetch(`${OPENAI_BASE}/chat/completions`, { method: 'POST', body, signal: AbortSignal.timeout(30_000) });\n}\n",
    },
    {
      name: 'requests.post through an f-string on a module-level Azure endpoint',
      language: 'python',
      code: 'import requests\nENDPOINT = "https://contoso.openai.azure.com"\ndef ask(body):\n    return requests.post(f"{ENDPOINT}/openai/deployments/gpt4o/chat/completions?api-version=2024-06-01", json=body)\n',
      errors: [{ messageId: 'http', line: 4, includes: ['requests.post'] }],
      output:
        'import requests\nENDPOINT = "https://contoso.openai.azure.com"\ndef ask(body):\n    return requests.post(f"{ENDPOINT}/openai/deployments/gpt4o/chat/completions?api-version=2024-06-01", json=body, timeout=30)\n',
    },
    {
      name: 'new OpenAI() without options: fix inserts an options object',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI();\n",
      errors: [{ messageId: 'sdk', line: 2, column: 11, endColumn: 23, includes: ['10 minutes', '30 minutes', '2 (default)'] }],
      output: "import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 30_000 });\n",
    },
    {
      name: 'AzureOpenAI with maxRetries only (Python)',
      language: 'python',
      code: 'from openai import AzureOpenAI\nc = AzureOpenAI(max_retries=5)\n',
      errors: [{ messageId: 'sdk', line: 2, includes: ['60 minutes'] }],
      output: 'from openai import AzureOpenAI\nc = AzureOpenAI(max_retries=5, timeout=30.0)\n',
    },
    {
      name: 'requests.post without a timeout waits forever',
      language: 'python',
      code: 'import requests\nr = requests.post("https://api.openai.com/v1/chat/completions", json={"model": "gpt-4o-mini", "max_tokens": 10})\n',
      errors: [{ messageId: 'http', line: 2, includes: ['requests.post'] }],
      output:
        'import requests\nr = requests.post("https://api.openai.com/v1/chat/completions", json={"model": "gpt-4o-mini", "max_tokens": 10}, timeout=30)\n',
    },
    {
      name: 'fetch without a signal',
      language: 'javascript',
      code: "const r = await fetch('https://api.openai.com/v1/embeddings', { method: 'POST', body: JSON.stringify({ model: 'text-embedding-3-small', input: 'x' }) });\n",
      errors: [{ messageId: 'http', line: 1, includes: ['fetch'] }],
      output:
        "const r = await fetch('https://api.openai.com/v1/embeddings', { method: 'POST', body: JSON.stringify({ model: 'text-embedding-3-small', input: 'x' }), signal: AbortSignal.timeout(30_000) });\n",
    },
  ],
});
