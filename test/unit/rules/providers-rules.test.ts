// The general LLM rules on the other providers: what each says (and does not say) for Anthropic, Google GenAI,
// AWS Bedrock, LiteLLM and LangChain / AI SDK provider classes. The rule-per-file tests hold the OpenAI cases.
import { rule as maxTokens } from '../../../src/core/rules/llm-missing-max-tokens';
import { rule as timeout } from '../../../src/core/rules/llm-missing-timeout';
import { rule as apiKey } from '../../../src/core/rules/llm-hardcoded-api-key';
import { rule as callInLoop } from '../../../src/core/rules/llm-call-in-loop';
import { rule as notPersisted } from '../../../src/core/rules/llm-response-not-persisted';
import { ruleTester } from '../../helpers/rule-tester';

const CLAUDE = 'claude-3-5-sonnet-20241022';
// Key-shaped fixtures, assembled so no scanner mistakes this file for a leak: random-looking, not real.
const ANTHROPIC_KEY = ['sk', 'ant', 'api03', 'Zq7XbK2mWp9LrT4vN8cHs3JdF6gY1uEaQ0oIiRlPkMnBwVxCzS5tG'].join('-');
const GOOGLE_KEY = ['AIza', 'SyD3x9Qw7Lk2Pm5Rt8Vb1Nc4Hj6Gf0Ds9Ea'].join('');

ruleTester(maxTokens, {
  valid: [
    {
      name: 'Anthropic with max_tokens (Python)',
      language: 'python',
      code: `import anthropic\nc = anthropic.Anthropic()\nc.messages.create(model="${CLAUDE}", max_tokens=256, messages=[{"role": "user", "content": "Hi"}])\n`,
    },
    {
      name: 'Google GenAI with config.maxOutputTokens (TS)',
      language: 'typescript',
      code: "import { GoogleGenAI } from '@google/genai';\nconst ai = new GoogleGenAI({});\nexport const run = () => ai.models.generateContent({ model: 'gemini-2.0-flash', contents: 'Hi', config: { maxOutputTokens: 64 } });\n",
    },
    {
      name: 'Google GenAI config built elsewhere: the bound may be in it',
      language: 'python',
      code: 'from google import genai\nclient = genai.Client()\ndef run(cfg):\n    return client.models.generate_content(model="gemini-2.0-flash", contents="Hi", config=cfg)\n',
    },
    {
      name: 'Google GenAI bound set as an attribute of the config object',
      language: 'python',
      code: 'from google import genai\nfrom google.genai import types\nclient = genai.Client()\ndef run(q, limit):\n    config = types.GenerateContentConfig(temperature=0)\n    config.max_output_tokens = limit\n    return client.models.generate_content(model="gemini-2.0-flash", contents=q, config=config)\n',
    },
    {
      name: 'Bedrock converse with inferenceConfig.maxTokens',
      language: 'python',
      code: 'import boto3\nbr = boto3.client("bedrock-runtime")\nbr.converse(modelId="amazon.nova-pro-v1:0", messages=[], inferenceConfig={"maxTokens": 300})\n',
    },
    {
      name: 'Bedrock invoke_model: the bound is in the model-specific body',
      language: 'python',
      code: 'import boto3, json\nbr = boto3.client("bedrock-runtime")\nbr.invoke_model(modelId="anthropic.claude-3-haiku-20240307-v1:0", body=json.dumps({"messages": []}))\n',
    },
    {
      name: 'LangChain ChatAnthropic fills max_tokens itself',
      language: 'python',
      code: `from langchain_anthropic import ChatAnthropic\nllm = ChatAnthropic(model="${CLAUDE}")\nllm.invoke("Hi")\n`,
    },
    {
      name: 'LiteLLM with max_tokens',
      language: 'python',
      code: `import litellm\nlitellm.completion(model="anthropic/${CLAUDE}", messages=[{"role": "user", "content": "Hi"}], max_tokens=100)\n`,
    },
    {
      name: 'Anthropic Message Batches: each request carries its own bound',
      language: 'python',
      code: 'from anthropic import Anthropic\nc = Anthropic()\nc.messages.batches.create(requests=[])\n',
    },
  ],
  invalid: [
    {
      name: 'Anthropic without max_tokens is a rejected request (TS)',
      language: 'typescript',
      code: `import Anthropic from '@anthropic-ai/sdk';\nconst c = new Anthropic({ timeout: 10_000 });\nexport const ask = (q: string) => c.messages.create({ model: '${CLAUDE}', messages: [{ role: 'user', content: q }] });\n`,
      errors: [{ messageId: 'required', line: 3, includes: ['sets no max_tokens', 'the Anthropic API requires it', 'HTTP 400'] }],
      output: `import Anthropic from '@anthropic-ai/sdk';\nconst c = new Anthropic({ timeout: 10_000 });\nexport const ask = (q: string) => c.messages.create({ model: '${CLAUDE}', messages: [{ role: 'user', content: q }], max_tokens: 1024 });\n`,
    },
    {
      name: 'Anthropic without max_tokens (Python)',
      language: 'python',
      code: `from anthropic import Anthropic\nc = Anthropic()\ndef ask(q):\n    return c.messages.create(model="${CLAUDE}", messages=[{"role": "user", "content": q}])\n`,
      errors: [{ messageId: 'required', line: 4, includes: ['the Anthropic API requires it'] }],
      output: `from anthropic import Anthropic\nc = Anthropic()\ndef ask(q):\n    return c.messages.create(model="${CLAUDE}", messages=[{"role": "user", "content": q}], max_tokens=1024)\n`,
    },
    {
      name: 'Anthropic without max_tokens, in Korean',
      language: 'python',
      config: { lang: 'ko' },
      code: `from anthropic import Anthropic\nc = Anthropic()\ndef ask(q):\n    return c.messages.create(model="${CLAUDE}", messages=[{"role": "user", "content": q}])\n`,
      errors: [{ messageId: 'required', line: 4, includes: ['Anthropic API는 이 값을 필수로'] }],
      output: `from anthropic import Anthropic\nc = Anthropic()\ndef ask(q):\n    return c.messages.create(model="${CLAUDE}", messages=[{"role": "user", "content": q}], max_tokens=1024)\n`,
    },
    {
      name: "Google GenAI without a bound: the model's own limit is not in the price data (no fix: the bound goes inside config)",
      language: 'python',
      code: 'from google import genai\nclient = genai.Client()\nclient.models.generate_content(model="gemini-2.0-flash", contents="Hi")\n',
      errors: [{ messageId: 'noModelLimit', line: 3, includes: ['config.max_output_tokens', 'gemini-2.0-flash', 'Google Gemini price data'] }],
    },
    {
      name: 'Bedrock ConverseCommand without inferenceConfig.maxTokens (TS)',
      language: 'typescript',
      code: "import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\nconst br = new BedrockRuntimeClient({});\nexport const run = () => br.send(new ConverseCommand({ modelId: 'amazon.nova-pro-v1:0', messages: [] }));\n",
      errors: [{ messageId: 'noModelLimit', line: 3, includes: ['inferenceConfig.maxTokens', 'AWS Bedrock'] }],
    },
    {
      name: 'AI SDK with an @ai-sdk/google model and no maxOutputTokens',
      language: 'typescript',
      code: "import { generateText } from 'ai';\nimport { google } from '@ai-sdk/google';\nexport const run = () => generateText({ model: google('gemini-2.0-flash'), prompt: 'Hi' });\n",
      errors: [{ messageId: 'noModelLimit', line: 3, includes: ['maxOutputTokens', 'Google Gemini'] }],
      output:
        "import { generateText } from 'ai';\nimport { google } from '@ai-sdk/google';\nexport const run = () => generateText({ model: google('gemini-2.0-flash'), prompt: 'Hi', maxOutputTokens: 1024 });\n",
    },
  ],
});

ruleTester(timeout, {
  valid: [
    { name: 'Anthropic client with a timeout', language: 'python', code: 'import anthropic\nc = anthropic.Anthropic(timeout=20.0)\n' },
    // Google GenAI and Bedrock have other defaults than the rule's message states: the rule does not speak for them.
    { name: 'Google GenAI client (other defaults)', language: 'python', code: 'from google import genai\nclient = genai.Client()\n' },
    { name: 'Bedrock Runtime client (botocore read timeout)', language: 'python', code: 'import boto3\nbr = boto3.client("bedrock-runtime")\n' },
  ],
  invalid: [
    {
      name: 'Anthropic client with no timeout: the same 10-minute, 2-retry defaults',
      language: 'typescript',
      code: "import Anthropic from '@anthropic-ai/sdk';\nexport const client = new Anthropic();\n",
      errors: [{ messageId: 'sdk', line: 2, includes: ['10 minutes', 'up to 30 minutes'] }],
      output: "import Anthropic from '@anthropic-ai/sdk';\nexport const client = new Anthropic({ timeout: 30_000 });\n",
    },
  ],
});

ruleTester(apiKey, {
  valid: [
    {
      name: 'Anthropic key read from the environment',
      language: 'python',
      code: 'import os, anthropic\nc = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])\n',
    },
    {
      name: 'a Google key in a test fixture path',
      language: 'typescript',
      path: 'tests/fixtures/keys.ts',
      code: `export const k = '${GOOGLE_KEY}';\n`,
    },
  ],
  invalid: [
    {
      name: 'an Anthropic key literal: masked, the fix reads ANTHROPIC_API_KEY',
      language: 'python',
      code: `import anthropic\nc = anthropic.Anthropic(api_key="${ANTHROPIC_KEY}")\n`,
      errors: [{ messageId: 'key', line: 2, includes: ['sk-…', 'ANTHROPIC_API_KEY'] }],
      output: 'import os\nimport anthropic\nc = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])\n',
    },
    {
      name: 'a Google API key literal: the fix reads GEMINI_API_KEY',
      language: 'typescript',
      code: `import { GoogleGenAI } from '@google/genai';\nconst ai = new GoogleGenAI({ apiKey: '${GOOGLE_KEY}' });\n`,
      errors: [{ messageId: 'key', line: 2, includes: ['AI…', 'GEMINI_API_KEY'] }],
      output: "import { GoogleGenAI } from '@google/genai';\nconst ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });\n",
    },
  ],
});

ruleTester(callInLoop, {
  valid: [
    // Bedrock batch inference has per-model, per-region terms: no figure is claimed.
    {
      name: 'Bedrock converse in a loop (no batch figures claimed)',
      language: 'python',
      code: 'import boto3\nbr = boto3.client("bedrock-runtime")\nfor q in ["a", "b"]:\n    br.converse(modelId="amazon.nova-pro-v1:0", messages=[], inferenceConfig={"maxTokens": 10})\n',
    },
  ],
  invalid: [
    {
      name: 'Anthropic calls in an offline loop: the Message Batches API, with its own limit',
      language: 'python',
      code: `from anthropic import Anthropic\nc = Anthropic(timeout=10.0)\nfor q in ["a", "b", "c"]:\n    c.messages.create(model="${CLAUDE}", max_tokens=100, messages=[{"role": "user", "content": q}])\n`,
      errors: [{ messageId: 'batch', line: 4, includes: ['Message Batches API', '100,000 requests per batch', '(3 iterations)'] }],
    },
    {
      name: 'an Anthropic call with no max_tokens in a loop, in Korean: the unknown-cost note is translated',
      language: 'python',
      config: { lang: 'ko' },
      code: `from anthropic import Anthropic\nc = Anthropic(timeout=10.0)\nfor q in ["a", "b"]:\n    c.messages.create(model="${CLAUDE}", messages=[{"role": "user", "content": "Hi"}])\n`,
      errors: [{ messageId: 'batch', line: 4, includes: ['max_tokens 없음: Anthropic API가 요청을 거부함', 'Message Batches API'] }],
    },
  ],
});

ruleTester(notPersisted, {
  valid: [
    {
      name: 'a Gemini answer stored in Redis',
      language: 'python',
      code: 'from fastapi import FastAPI\nfrom google import genai\nimport redis\napp = FastAPI()\nr = redis.Redis()\nclient = genai.Client()\n@app.post("/ask")\ndef ask(q: str):\n    out = client.models.generate_content(model="gemini-2.0-flash", contents=q, config={"max_output_tokens": 100})\n    r.set(q, out.text, ex=3600)\n    return out.text\n',
    },
  ],
  invalid: [
    {
      name: 'an Anthropic answer in a request handler, kept nowhere',
      language: 'python',
      code: `from fastapi import FastAPI\nfrom anthropic import Anthropic\napp = FastAPI()\nc = Anthropic(timeout=10.0)\n@app.post("/ask")\ndef ask(q: str):\n    return c.messages.create(model="${CLAUDE}", max_tokens=100, messages=[{"role": "user", "content": q}]).content[0].text\n`,
      errors: [{ messageId: 'dropped', line: 7, includes: ['FastAPI request handler', 'claude-3-5-sonnet-20241022 list price'] }],
    },
  ],
});
