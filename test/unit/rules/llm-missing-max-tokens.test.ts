import { rule } from '../../../src/core/rules/llm-missing-max-tokens';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    // A bound chosen between two numbers is a bound on every path.
    {
      name: 'max_tokens chosen between two numbers (TS)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 1000 });\nexport const ask = (q: string, long: boolean) => c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: long ? 2048 : 256, messages: [{ role: 'user', content: q }] });\n",
    },
    // `create` passed as a value: the bound is read where the request is written, through the helper's parameters.
    {
      name: "create passed to a same-file helper; the caller's dict sets the bound (Python)",
      language: 'python',
      code: 'from openai import OpenAI\nclass Llm:\n    def __init__(self):\n        self.client = OpenAI(timeout=10)\n    def _send(self, create, params):\n        return create(**params)\n    def ask(self, q):\n        req = {"model": "gpt-4o-mini", "max_tokens": 100, "messages": [{"role": "user", "content": q}]}\n        return self._send(self.client.chat.completions.create, req)\n',
    },
    {
      name: "a request dict that unpacks the caller's **kwargs may hold the bound (Python)",
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI(timeout=10)\ndef _send(create, params):\n    return create(**params)\ndef ask(q, **kwargs):\n    req = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": q}], **kwargs}\n    return _send(c.chat.completions.create, req)\n',
    },
    {
      name: "a retry helper collecting **kw, called with the caller's **opts (Python)",
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI(timeout=10)\ndef retry(f, **kw):\n    return f(**kw)\ndef ask(q, **opts):\n    return retry(c.chat.completions.create, model="gpt-4o-mini", messages=[{"role": "user", "content": q}], **opts)\n',
    },
    {
      name: 'create passed to a library retry helper: its keywords are not the request (Python)',
      language: 'python',
      code: 'from tenacity import retry_call\nfrom openai import OpenAI\nc = OpenAI(timeout=10)\ndef ask(kw):\n    return retry_call(c.chat.completions.create, fkwargs=kw)\n',
    },
    {
      name: 'create passed to a helper of another module: the options are not seen (TS)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nimport { withBackoff } from './retry';\nconst openai = new OpenAI({ timeout: 1000 });\nexport const ask = (q: string) => withBackoff(openai.chat.completions.create, { model: 'gpt-4o', messages: [{ role: 'user', content: q }] });\n",
    },
    // A bound passed through options from a caller not seen is unknown, not missing.
    {
      name: 'limit passed through ...options from the caller',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 1000 });\nexport const ask = (q: string, options: Record<string, unknown>) => c.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }], ...options });\n",
    },
    // `...options` whose every same-file caller passes an object literal: the callers decide.
    {
      name: '...options filled by a same-file caller that passes max_tokens (TS)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 1000 });\nconst ask = (options: OpenAI.ChatCompletionCreateParamsNonStreaming) => c.chat.completions.create({ ...options });\nexport const route = (q: string) => ask({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'user', content: q }] });\n",
    },
    {
      name: '...options where one same-file caller passes a value not seen (TS)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 1000 });\nconst ask = (options: OpenAI.ChatCompletionCreateParamsNonStreaming) => c.chat.completions.create({ ...options });\nexport const route = (q: string) => ask({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });\nexport const raw = (o: OpenAI.ChatCompletionCreateParamsNonStreaming) => ask(o);\n",
    },
    {
      name: '...options rebound before the call (TS)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 1000 });\nfunction ask(options: OpenAI.ChatCompletionCreateParamsNonStreaming) {\n  options = withDefaults(options);\n  return c.chat.completions.create({ ...options });\n}\nexport const route = (q: string) => ask({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });\n",
    },
    {
      name: '**kwargs filled by a same-file caller that passes max_tokens (Python)',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI(timeout=10)\ndef ask(q, **kwargs):\n    return c.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}], **kwargs)\ndef route(q):\n    return ask(q, max_tokens=200, temperature=0)\n',
    },
    {
      name: '**kwargs where a same-file caller unpacks a mapping (Python)',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI(timeout=10)\ndef ask(q, **kwargs):\n    return c.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}], **kwargs)\ndef route(q, opts):\n    return ask(q, temperature=0, **opts)\n',
    },
    {
      name: 'an options object whose bound key is computed at run time (TS)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 1000 });\nexport const ask = (q: string, model: string) => {\n  const key = model.startsWith('o') ? 'max_completion_tokens' : 'max_tokens';\n  return c.chat.completions.create({ model, messages: [{ role: 'user', content: q }], [key]: 500 });\n};\n",
    },
    {
      name: 'a request dict whose bound key is chosen at run time (Python)',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI(timeout=10)\ndef ask(q, model):\n    key = "max_completion_tokens" if model.startswith("o") else "max_tokens"\n    args = {"model": model, "messages": [{"role": "user", "content": q}], key: 500}\n    return c.chat.completions.create(**args)\n',
    },
    {
      name: 'a request dict given its bound by a subscript assignment (Python)',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI(timeout=10)\ndef ask(q):\n    args = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": q}]}\n    args["max_tokens"] = 500\n    return c.chat.completions.create(**args)\n',
    },
    {
      name: 'the whole request passed in by the caller',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 1000 });\nexport const complete = (params: OpenAI.ChatCompletionCreateParamsNonStreaming) => c.chat.completions.create(params);\n",
    },
    {
      name: 'limit passed through **kwargs from the caller',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\ndef ask(q, **kwargs):\n    return c.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}], **kwargs)\n',
    },
    {
      name: 'limit in a dict unpacked with ** that is built here',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\ndef ask(q):\n    params = {"model": "gpt-4o-mini", "max_tokens": 300, "messages": [{"role": "user", "content": q}]}\n    return c.chat.completions.create(**params)\n',
    },
    {
      name: 'limit in an options object built here and spread',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 1000 });\nconst DEFAULTS = { max_tokens: 256, temperature: 0 };\nexport const ask = (q: string) => c.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }], ...DEFAULTS });\n",
    },
    {
      name: 'max_completion_tokens set (TS)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 1000 });\nexport const ask = (q: string) => c.chat.completions.create({ model: 'gpt-4o-mini', max_completion_tokens: 200, messages: [{ role: 'user', content: q }] });\n",
    },
    {
      name: 'max_tokens set (Python)',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\ndef ask(q):\n    return c.chat.completions.create(model="gpt-4o-mini", max_tokens=200, messages=[{"role": "user", "content": q}])\n',
    },
    {
      name: 'embeddings have no output tokens',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\nv = c.embeddings.create(model="text-embedding-3-small", input=["a", "b"])\n',
    },
    {
      name: 'LangChain model with maxTokens on the constructor',
      language: 'typescript',
      code: "import { ChatOpenAI } from '@langchain/openai';\nconst llm = new ChatOpenAI({ model: 'gpt-4o-mini', maxTokens: 256 });\nexport const run = (q: string) => llm.invoke(q);\n",
    },
    {
      name: 'max tokens from a variable still bounds it',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\ndef ask(q, limit):\n    return c.responses.create(model="gpt-4.1-mini", input=q, max_output_tokens=limit)\n',
    },
  ],
  invalid: [
    {
      name: 'a request dict given other options by subscript assignments (Python)',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI(timeout=10)\ndef ask(q):\n    args = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": q}]}\n    args["temperature"] = 0\n    return c.chat.completions.create(**args)\n',
      errors: [{ messageId: 'unbounded', line: 6, includes: ['gpt-4o-mini'] }],
      output:
        'from openai import OpenAI\nc = OpenAI(timeout=10)\ndef ask(q):\n    args = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": q}]}\n    args["temperature"] = 0\n    return c.chat.completions.create(**args, max_completion_tokens=1024)\n',
    },
    {
      name: '**kwargs whose same-file callers pass no bound (Python)',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI(timeout=10)\ndef ask(q, **kwargs):\n    return c.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}], **kwargs)\ndef route(q):\n    return ask(q, temperature=0)\n',
      errors: [{ messageId: 'unbounded', line: 4, includes: ['gpt-4o-mini'] }],
      output:
        'from openai import OpenAI\nc = OpenAI(timeout=10)\ndef ask(q, **kwargs):\n    return c.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}], **kwargs, max_completion_tokens=1024)\ndef route(q):\n    return ask(q, temperature=0)\n',
    },
    {
      name: '...options whose only same-file caller passes model and messages (TS)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 1000 });\nconst ask = (options: OpenAI.ChatCompletionCreateParamsNonStreaming) => c.chat.completions.create({ ...options });\nexport const route = (q: string) => ask({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });\n",
      errors: [{ messageId: 'fromCallers', line: 3, includes: ['its callers (', ':4), which pass only messages, model'] }],
      output:
        "import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 1000 });\nconst ask = (options: OpenAI.ChatCompletionCreateParamsNonStreaming) => c.chat.completions.create({ ...options, max_completion_tokens: 1024 });\nexport const route = (q: string) => ask({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });\n",
    },
    // A bound on one path only: the other path sends null.
    {
      name: 'max_tokens set only for some models, null otherwise (TS)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 1000 });\nexport const ask = (q: string, model: string) =>\n  c.chat.completions.create({ model, max_tokens: model === 'gpt-4o' ? 4096 : null, messages: [{ role: 'user', content: q }] });\n",
      errors: [{ messageId: 'partial', line: 4, includes: ["model === 'gpt-4o'", 'max_tokens'] }],
    },
    {
      name: 'max_tokens None unless a flag is set (Python)',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI(timeout=10)\ndef ask(q, short):\n    return c.chat.completions.create(model="gpt-4o-mini", max_tokens=200 if short else None, messages=[{"role": "user", "content": q}])\n',
      errors: [{ messageId: 'partial', line: 4, includes: ['only when short:'] }],
    },
    {
      name: 'an OpenAI-compatible provider takes max_tokens',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst groq = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1', timeout: 1000 });\nexport const ask = (q: string) => groq.chat.completions.create({ model: 'llama-3.1-8b-instant', messages: [{ role: 'user', content: q }] });\n",
      errors: [{ messageId: 'unknownModel', line: 3, includes: ['sets no max_tokens'] }],
      output:
        "import OpenAI from 'openai';\nconst groq = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1', timeout: 1000 });\nexport const ask = (q: string) => groq.chat.completions.create({ model: 'llama-3.1-8b-instant', messages: [{ role: 'user', content: q }], max_tokens: 1024 });\n",
    },
    // Calls reached through aliases, method values and LangChain chains.
    {
      name: 'a client reached through a module-level alias',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst openai = new OpenAI({ timeout: 1000 });\nexport const ai = openai;\nexport const ask = (q: string) => ai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });\n",
      errors: [{ messageId: 'unbounded', line: 4, includes: ['gpt-4o-mini'] }],
      output:
        "import OpenAI from 'openai';\nconst openai = new OpenAI({ timeout: 1000 });\nexport const ai = openai;\nexport const ask = (q: string) => ai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }], max_completion_tokens: 1024 });\n",
    },
    {
      name: 'create taken as a bound value',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst client = new OpenAI({ timeout: 1000 });\nconst create = client.chat.completions.create.bind(client.chat.completions);\nexport const ask = (q: string) => create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });\n",
      errors: [{ messageId: 'unbounded', line: 4, includes: ['gpt-4o-mini'] }],
      output:
        "import OpenAI from 'openai';\nconst client = new OpenAI({ timeout: 1000 });\nconst create = client.chat.completions.create.bind(client.chat.completions);\nexport const ask = (q: string) => create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }], max_completion_tokens: 1024 });\n",
    },
    {
      name: 'create passed as a value to a retry helper (Python)',
      language: 'python',
      // The call site is where the method is passed (its result is the API's); the request is the helper's call of it.
      code: 'from openai import OpenAI\nc = OpenAI()\ndef with_retry(fn, q):\n    return fn(model="gpt-4o-mini", messages=[{"role": "user", "content": q}])\ndef ask(q):\n    return with_retry(c.chat.completions.create, q)\n',
      errors: [{ messageId: 'unbounded', line: 6, includes: ['gpt-4o-mini'] }],
    },
    {
      name: 'create passed to a same-file helper with the request dict of the caller (Python)',
      language: 'python',
      code: 'from openai import OpenAI\nclass Llm:\n    def __init__(self):\n        self.client = OpenAI(timeout=10)\n    def _send(self, create, params):\n        return create(**params)\n    def ask(self, q):\n        req = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": q}]}\n        return self._send(self.client.chat.completions.create, req)\n',
      errors: [{ messageId: 'unbounded', line: 9, includes: ['gpt-4o-mini'] }],
    },
    {
      name: 'create bound with functools.partial, called later (Python)',
      language: 'python',
      code: 'import functools\nfrom openai import OpenAI\nc = OpenAI(timeout=10)\ndef ask(q):\n    chat = functools.partial(c.chat.completions.create, model="gpt-4o-mini")\n    return chat(messages=[{"role": "user", "content": q}])\n',
      errors: [{ messageId: 'unbounded', line: 6, includes: ['gpt-4o-mini'] }],
      output:
        'import functools\nfrom openai import OpenAI\nc = OpenAI(timeout=10)\ndef ask(q):\n    chat = functools.partial(c.chat.completions.create, model="gpt-4o-mini")\n    return chat(messages=[{"role": "user", "content": q}], max_completion_tokens=1024)\n',
    },
    {
      name: 'create held in a name and passed to a same-file retry helper that collects **kw (Python)',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI(timeout=10)\ndef retry(f, **kw):\n    return f(**kw)\ndef ask(q):\n    fn = c.chat.completions.create\n    return retry(fn, model="gpt-4o-mini", messages=[{"role": "user", "content": q}])\n',
      errors: [{ messageId: 'unbounded', line: 7, includes: ['gpt-4o-mini'] }],
    },
    {
      name: 'create held in a bound name and passed to a same-file helper (TS)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst openai = new OpenAI({ timeout: 1000 });\nconst create = openai.chat.completions.create.bind(openai.chat.completions);\nasync function send(f: (b: object) => Promise<unknown>, body: object) {\n  return f(body);\n}\nexport const ask = (q: string) => send(create, { model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });\n",
      errors: [{ messageId: 'unbounded', line: 7, includes: ['gpt-4o-mini'] }],
    },
    {
      name: 'create run on a thread with its keywords (Python)',
      language: 'python',
      code: 'import asyncio\nfrom openai import OpenAI\nc = OpenAI(timeout=10)\nasync def ask(q):\n    return await asyncio.to_thread(c.chat.completions.create, model="gpt-4o-mini", messages=[{"role": "user", "content": q}])\n',
      errors: [{ messageId: 'unbounded', line: 5, includes: ['gpt-4o-mini'] }],
    },
    {
      name: 'create passed to a same-file helper with its options (TS)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst openai = new OpenAI({ timeout: 1000 });\nasync function send(create: (b: object) => Promise<unknown>, body: object) {\n  return create(body);\n}\nexport const ask = (q: string) => send(openai.chat.completions.create.bind(openai.chat.completions), { model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });\n",
      errors: [{ messageId: 'unbounded', line: 6, includes: ['gpt-4o-mini'] }],
    },
    {
      name: 'create held in a local name (Python)',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\ndef ask(q):\n    create = c.chat.completions.create\n    return create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}])\n',
      errors: [{ messageId: 'unbounded', line: 5, includes: ['gpt-4o-mini'] }],
      output:
        'from openai import OpenAI\nc = OpenAI()\ndef ask(q):\n    create = c.chat.completions.create\n    return create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}], max_completion_tokens=1024)\n',
    },
    {
      name: 'an aliased legacy class',
      language: 'python',
      code: 'from openai import ChatCompletion as Chat\ndef ask(q):\n    return Chat.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}])\n',
      errors: [{ messageId: 'unbounded', line: 3, includes: ['gpt-4o-mini'] }],
      output:
        'from openai import ChatCompletion as Chat\ndef ask(q):\n    return Chat.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}], max_tokens=1024)\n',
    },
    {
      name: 'LangChain prompt | llm chain invoked (Python)',
      language: 'python',
      code: 'from langchain_openai import ChatOpenAI\nfrom langchain_core.prompts import ChatPromptTemplate\nllm = ChatOpenAI(model="gpt-4o-mini")\nprompt = ChatPromptTemplate.from_template("Summarise {text}")\nchain = prompt | llm\ndef summarise(text):\n    return chain.invoke({"text": text})\n',
      errors: [{ messageId: 'unbounded', line: 7, includes: ['gpt-4o-mini'] }],
      output:
        'from langchain_openai import ChatOpenAI\nfrom langchain_core.prompts import ChatPromptTemplate\nllm = ChatOpenAI(model="gpt-4o-mini", max_tokens=1024)\nprompt = ChatPromptTemplate.from_template("Summarise {text}")\nchain = prompt | llm\ndef summarise(text):\n    return chain.invoke({"text": text})\n',
    },
    {
      name: 'LangChain prompt.pipe(model) chain invoked (TS)',
      language: 'typescript',
      code: "import { ChatOpenAI } from '@langchain/openai';\nimport { ChatPromptTemplate } from '@langchain/core/prompts';\nconst model = new ChatOpenAI({ model: 'gpt-4o-mini' });\nconst prompt = ChatPromptTemplate.fromTemplate('Summarise {text}');\nconst chain = prompt.pipe(model);\nexport const summarise = (text: string) => chain.invoke({ text });\n",
      errors: [{ messageId: 'unbounded', line: 6, includes: ['gpt-4o-mini'] }],
      output:
        "import { ChatOpenAI } from '@langchain/openai';\nimport { ChatPromptTemplate } from '@langchain/core/prompts';\nconst model = new ChatOpenAI({ model: 'gpt-4o-mini', maxTokens: 1024 });\nconst prompt = ChatPromptTemplate.fromTemplate('Summarise {text}');\nconst chain = prompt.pipe(model);\nexport const summarise = (text: string) => chain.invoke({ text });\n",
    },
    {
      name: 'max_tokens: null is no bound',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 1000 });\nexport const ask = (q: string) => c.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: null, messages: [{ role: 'user', content: q }] });\n",
      errors: [{ messageId: 'unbounded', line: 3, includes: ['gpt-4o-mini'] }],
    },
    {
      name: 'max_tokens=None is no bound',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\ndef ask(q):\n    return c.chat.completions.create(model="gpt-4o-mini", max_tokens=None, messages=[{"role": "user", "content": q}])\n',
      errors: [{ messageId: 'unbounded', line: 4, includes: ['gpt-4o-mini'] }],
    },
    {
      name: 'a request object built in scope without a bound',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 1000 });\nexport async function ask(q: string) {\n  const params = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: q }] };\n  return c.chat.completions.create(params);\n}\n",
      errors: [{ messageId: 'unbounded', line: 5, includes: ['gpt-4o-mini'] }],
      output:
        "import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 1000 });\nexport async function ask(q: string) {\n  const params = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: q }], max_completion_tokens: 1024 };\n  return c.chat.completions.create(params);\n}\n",
    },
    {
      name: 'TS chat call, fix adds max_completion_tokens',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI();\nexport const ask = (q: string) => c.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });\n",
      errors: [{ messageId: 'unbounded', line: 3, column: 35, includes: ['max_completion_tokens', '16,384 output tokens', 'gpt-4o-mini', '/call'] }],
      output:
        "import OpenAI from 'openai';\nconst c = new OpenAI();\nexport const ask = (q: string) => c.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }], max_completion_tokens: 1024 });\n",
    },
    {
      name: 'Python multi-line call with trailing comma',
      language: 'python',
      code: 'from openai import OpenAI\nc = OpenAI()\ndef ask(q):\n    return c.chat.completions.create(\n        model="gpt-4o",\n        messages=[{"role": "user", "content": q}],\n    )\n',
      errors: [{ messageId: 'unbounded', line: 4, includes: ['gpt-4o', '16,384'] }],
      output:
        'from openai import OpenAI\nc = OpenAI()\ndef ask(q):\n    return c.chat.completions.create(\n        model="gpt-4o",\n        messages=[{"role": "user", "content": q}],\n        max_completion_tokens=1024,\n    )\n',
    },
    {
      name: 'responses API with an unknown model',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst c = new OpenAI();\nexport const ask = (model: string, q: string) => c.responses.create({ model, input: q });\n",
      errors: [{ messageId: 'unknownModel', line: 3, includes: ['max_output_tokens'] }],
      output:
        "import OpenAI from 'openai';\nconst c = new OpenAI();\nexport const ask = (model: string, q: string) => c.responses.create({ model, input: q, max_output_tokens: 1024 });\n",
    },
    {
      name: 'legacy openai.ChatCompletion.create',
      language: 'python',
      code: 'import openai\nr = openai.ChatCompletion.create(model="gpt-3.5-turbo", messages=[{"role": "user", "content": "hi"}])\n',
      errors: [{ messageId: 'unbounded', line: 2, includes: ['max_tokens', 'gpt-3.5-turbo'] }],
      output:
        'import openai\nr = openai.ChatCompletion.create(model="gpt-3.5-turbo", messages=[{"role": "user", "content": "hi"}], max_tokens=1024)\n',
    },
  ],
});
