// Call sites of the other LLM providers (Anthropic, Google GenAI, AWS Bedrock, LiteLLM, LangChain and AI SDK
// provider classes): provider, model, output bound, prompt tokens and $/call. Expected prices come from
// @pydantic/genai-prices itself and token counts from the stated characters-per-token ratio, never typed here.
import assert from 'node:assert/strict';
import { calcPrice } from '@pydantic/genai-prices';
import { llmFactsOf } from '../../helpers/llm';
import { summariseLlmFile } from '../../../src/core/sizing/llm-estimate';
import { costOfUsage, modelLimits, pricingUsage, priceOf } from '../../../src/core/sizing/llm-models';
import { CHARS_PER_TOKEN, tokenCountMethod } from '../../../src/core/facts/llm-tokens';
import { providerOfModel } from '../../../src/core/facts/llm-providers';
import type { Language, LlmCallFact, LlmCallSummary } from '../../../src/core/model/types';
import { analyzeText } from '../../../src/core/analyze';
import { resolveConfig } from '../../../src/core/config';
import { RULE_IDS } from '../../../src/core/rules';
import { mayBeRelevant } from '../../../src/core/files/prefilter';
import { initTreeSitter } from '../../../src/core/parse/tree-sitter';

/** Tokens of literal text by the provider's stated ratio (no OpenAI chat-formatting overhead). */
const approxTokens = (provider: 'anthropic' | 'google' | 'bedrock', ...texts: string[]) =>
  texts.reduce((n, t) => n + Math.ceil(t.length / CHARS_PER_TOKEN[provider].charsPerToken!), 0);
/** $/call for `input` prompt tokens and `output` completion tokens, by the price package. */
const packagePrice = (model: string, providerId: string, input: number, output: number) =>
  calcPrice({ input_tokens: input, output_tokens: output }, model, { providerId })!.total_price;

async function oneCall(code: string, language: Language, index = 0): Promise<{ fact: LlmCallFact; summary: LlmCallSummary }> {
  const facts = await llmFactsOf(code, language);
  assert.ok(facts.calls.length > index, `expected a call site; found ${facts.calls.length}`);
  return { fact: facts.calls[index]!, summary: summariseLlmFile(facts).calls[index]! };
}

function assertSite(
  got: { fact: LlmCallFact; summary: LlmCallSummary },
  want: {
    provider: string;
    via: string;
    model: string;
    bound: number;
    boundName: string;
    tokens: number;
    price: number;
    contextWindow?: number | null;
  },
) {
  assert.equal(got.fact.provider, want.provider);
  assert.equal(got.fact.via, want.via);
  assert.equal(got.fact.model, want.model);
  assert.equal(got.fact.maxTokens, want.bound);
  assert.equal(got.fact.maxTokensParam, want.boundName);
  assert.equal(got.summary.estInputTokens, want.tokens);
  assert.equal(got.summary.outputBound, 'max-tokens');
  assert.ok(got.summary.estCostUsd !== null, `no price: ${got.summary.unknowns.join('; ')}`);
  assert.ok(Math.abs(got.summary.estCostUsd! - want.price) < 1e-12, `price ${got.summary.estCostUsd} != ${want.price}`);
  assert.equal(got.summary.tokenCount?.method, 'chars-per-token');
  assert.ok(
    got.summary.unknowns.some((u) => u.startsWith('prompt tokens approximate: 4 characters per token')),
    'the estimate says it is approximate',
  );
  if (want.contextWindow !== undefined) assert.equal(got.summary.contextWindow, want.contextWindow);
}

const CLAUDE = 'claude-3-5-sonnet-20241022';
const CLAUDE_CONTEXT = calcPrice({ input_tokens: 1, output_tokens: 1 }, CLAUDE, { providerId: 'anthropic' })!.model.context_window!;

describe('other LLM providers: call sites', () => {
  it('Anthropic messages.create (TS, @anthropic-ai/sdk)', async () => {
    const prompt = 'Summarise the attached quarterly report in three bullet points.';
    const got = await oneCall(
      `import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic({ timeout: 20_000 });\nexport const ask = () => client.messages.create({ model: '${CLAUDE}', max_tokens: 512, messages: [{ role: 'user', content: '${prompt}' }] });\n`,
      'typescript',
    );
    assertSite(got, {
      provider: 'anthropic',
      via: 'anthropic',
      model: CLAUDE,
      bound: 512,
      boundName: 'max_tokens',
      tokens: approxTokens('anthropic', prompt),
      price: packagePrice(CLAUDE, 'anthropic', approxTokens('anthropic', prompt), 512),
      contextWindow: CLAUDE_CONTEXT,
    });
    assert.equal(got.fact.maxTokensRequired, true);
  });

  it('Anthropic messages.create and messages.stream (Python, anthropic.Anthropic / AsyncAnthropic)', async () => {
    const system = 'You are a terse assistant.';
    const prompt = 'Name three prime numbers.';
    const code = `import anthropic\nclient = anthropic.AsyncAnthropic()\nasync def ask():\n    return await client.messages.create(model="${CLAUDE}", max_tokens=300, system="${system}", messages=[{"role": "user", "content": "${prompt}"}])\nasync def stream():\n    async with client.messages.stream(model="${CLAUDE}", max_tokens=100, messages=[{"role": "user", "content": "${prompt}"}]) as s:\n        pass\n`;
    const tokens = approxTokens('anthropic', prompt, system);
    assertSite(await oneCall(code, 'python'), {
      provider: 'anthropic',
      via: 'anthropic',
      model: CLAUDE,
      bound: 300,
      boundName: 'max_tokens',
      tokens,
      price: packagePrice(CLAUDE, 'anthropic', tokens, 300),
    });
    const stream = await oneCall(code, 'python', 1);
    assert.equal(stream.fact.operation, 'messages.stream');
    assert.equal(stream.fact.stream, true);
  });

  it('the raw-response and streaming-response accessors of the Python SDKs are the same request (OpenAI, Anthropic)', async () => {
    const code = [
      'from anthropic import Anthropic',
      'from openai import OpenAI',
      'claude = Anthropic(timeout=30)',
      'oa = OpenAI(timeout=30)',
      'def a(q):',
      '    return claude.beta.messages.with_raw_response.create(model="claude-3-5-haiku-20241022", max_tokens=100, messages=[{"role": "user", "content": q}])',
      'def b(q):',
      '    return oa.chat.completions.with_raw_response.create(model="gpt-4o-mini", max_tokens=50, messages=[{"role": "user", "content": q}])',
      'def c(q):',
      '    with claude.messages.with_streaming_response.create(model="claude-3-5-haiku-20241022", max_tokens=80, messages=[{"role": "user", "content": q}]) as r:',
      '        return r.text',
      '',
    ].join('\n');
    const facts = await llmFactsOf(code, 'python');
    assert.deepEqual(
      facts.calls.map((c) => [c.line, c.provider ?? 'openai', c.operation, c.model, c.maxTokens]),
      [
        [6, 'anthropic', 'beta.messages.create', 'claude-3-5-haiku-20241022', 100],
        [8, 'openai', 'chat.completions.create', 'gpt-4o-mini', 50],
        [10, 'anthropic', 'messages.create', 'claude-3-5-haiku-20241022', 80],
      ],
    );
  });

  it('Anthropic Message Batches (messages.batches.create) is a batch call, not OpenAI batches.create', async () => {
    const { fact } = await oneCall('from anthropic import Anthropic\nclient = Anthropic()\nclient.messages.batches.create(requests=[])\n', 'python');
    assert.deepEqual([fact.api, fact.via, fact.provider, fact.operation], ['batch', 'anthropic', 'anthropic', 'messages.batches.create']);
  });

  it('Google GenAI models.generate_content (Python) with max_output_tokens inside config', async () => {
    const model = 'gemini-2.0-flash';
    const prompt = 'Explain photosynthesis to a ten year old.';
    const got = await oneCall(
      `from google import genai\nfrom google.genai import types\nclient = genai.Client()\nr = client.models.generate_content(model="${model}", contents="${prompt}", config=types.GenerateContentConfig(max_output_tokens=256))\n`,
      'python',
    );
    const tokens = approxTokens('google', prompt);
    assertSite(got, {
      provider: 'google',
      via: 'google-genai',
      model,
      bound: 256,
      boundName: 'max_output_tokens',
      tokens,
      price: packagePrice(model, 'google', tokens, 256),
    });
    assert.equal(got.fact.maxTokensIn, 'config');
    assert.equal(got.summary.tokenCount?.source, CHARS_PER_TOKEN.google.source);
  });

  it('Google GenAI ai.models.generateContent (TS, @google/genai) with config.maxOutputTokens', async () => {
    const model = 'gemini-2.5-pro';
    const prompt = 'Write a haiku about autumn.';
    const got = await oneCall(
      `import { GoogleGenAI } from '@google/genai';\nconst ai = new GoogleGenAI({});\nexport const run = () => ai.models.generateContent({ model: '${model}', contents: '${prompt}', config: { maxOutputTokens: 128 } });\n`,
      'typescript',
    );
    const tokens = approxTokens('google', prompt);
    assertSite(got, {
      provider: 'google',
      via: 'google-genai',
      model,
      bound: 128,
      boundName: 'maxOutputTokens',
      tokens,
      price: packagePrice(model, 'google', tokens, 128),
    });
  });

  it('AWS Bedrock converse (boto3) with inferenceConfig.maxTokens', async () => {
    const model = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
    const prompt = 'Translate good morning into French.';
    const got = await oneCall(
      `import boto3\nbr = boto3.client("bedrock-runtime")\nbr.converse(modelId="${model}", messages=[{"role": "user", "content": [{"text": "${prompt}"}]}], inferenceConfig={"maxTokens": 300})\n`,
      'python',
    );
    const tokens = approxTokens('bedrock', prompt);
    assertSite(got, {
      provider: 'bedrock',
      via: 'bedrock',
      model,
      bound: 300,
      boundName: 'maxTokens',
      tokens,
      price: packagePrice(model, 'aws', tokens, 300),
    });
    assert.equal(got.fact.maxTokensIn, 'inferenceConfig');
  });

  it('AWS Bedrock client.send(new ConverseCommand(...)) (TS, @aws-sdk/client-bedrock-runtime)', async () => {
    const model = 'amazon.nova-pro-v1:0';
    const prompt = 'List the planets of the solar system.';
    const got = await oneCall(
      `import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\nconst client = new BedrockRuntimeClient({ region: 'us-east-1' });\nexport const run = () => client.send(new ConverseCommand({ modelId: '${model}', messages: [{ role: 'user', content: [{ text: '${prompt}' }] }], inferenceConfig: { maxTokens: 400 } }));\n`,
      'typescript',
    );
    const tokens = approxTokens('bedrock', prompt);
    assertSite(got, {
      provider: 'bedrock',
      via: 'bedrock',
      model,
      bound: 400,
      boundName: 'maxTokens',
      tokens,
      price: packagePrice(model, 'aws', tokens, 400),
    });
  });

  it('AWS Bedrock through a boto3 Session (converse_stream)', async () => {
    const { fact } = await oneCall(
      'import boto3\nsession = boto3.Session(profile_name="dev")\nbr = session.client("bedrock-runtime", region_name="us-east-1")\nbr.converse_stream(modelId="amazon.nova-pro-v1:0", messages=[], inferenceConfig={"maxTokens": 50})\n',
      'python',
    );
    assert.deepEqual([fact.provider, fact.operation, fact.maxTokens], ['bedrock', 'converse_stream', 50]);
    // A DynamoDB client from the same session is not a Bedrock client.
    const facts = await llmFactsOf(
      'import boto3\nsession = boto3.Session()\nddb = session.client("dynamodb")\nddb.converse(modelId="x", messages=[])\n',
      'python',
    );
    assert.equal(facts.calls.length, 0);
  });

  it("Bedrock invoke_model: the body is the model's own JSON, so its bound is unknown rather than missing", async () => {
    const { fact } = await oneCall(
      'import boto3, json\nbr = boto3.client("bedrock-runtime")\nbr.invoke_model(modelId="anthropic.claude-3-haiku-20240307-v1:0", body=json.dumps({"max_tokens": 100}))\n',
      'python',
    );
    assert.equal(fact.provider, 'bedrock');
    assert.equal(fact.optionsSpread, 'body=…');
  });

  it("LiteLLM completion: the provider comes from the model string, priced as the provider's own model", async () => {
    const prompt = 'What is the capital of Peru?';
    const got = await oneCall(
      `import litellm\ndef ask():\n    return litellm.completion(model="anthropic/${CLAUDE}", messages=[{"role": "user", "content": "${prompt}"}], max_tokens=100)\n`,
      'python',
    );
    const tokens = approxTokens('anthropic', prompt);
    assertSite(got, {
      provider: 'anthropic',
      via: 'litellm',
      model: CLAUDE,
      bound: 100,
      boundName: 'max_tokens',
      tokens,
      price: packagePrice(CLAUDE, 'anthropic', tokens, 100),
    });
    // An OpenAI model through LiteLLM keeps OpenAI's own tokenizer and price.
    const openai = await oneCall(
      'from litellm import acompletion\nasync def ask():\n    return await acompletion(model="gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}], max_tokens=50)\n',
      'python',
    );
    assert.equal(openai.fact.provider, 'openai');
    assert.equal(openai.summary.tokenCount?.method, 'bpe');
    // A family this analysis cannot tell gets no price rather than a guessed one.
    const unknown = await oneCall(
      'import litellm\nlitellm.completion(model="my-finetune", messages=[{"role": "user", "content": "Hi"}], max_tokens=50)\n',
      'python',
    );
    assert.equal(unknown.fact.provider, null);
    assert.equal(unknown.summary.estCostUsd, null);
  });

  it('LangChain ChatAnthropic (Python and TS) and init_chat_model with model_provider', async () => {
    const py = await oneCall(
      `from langchain_anthropic import ChatAnthropic\nllm = ChatAnthropic(model="${CLAUDE}", max_tokens=200)\nllm.invoke("Tell me a joke")\n`,
      'python',
    );
    assertSite(py, {
      provider: 'anthropic',
      via: 'langchain',
      model: CLAUDE,
      bound: 200,
      boundName: 'max_tokens',
      tokens: approxTokens('anthropic', 'Tell me a joke'),
      price: packagePrice(CLAUDE, 'anthropic', approxTokens('anthropic', 'Tell me a joke'), 200),
    });
    const ts = await oneCall(
      `import { ChatAnthropic } from '@langchain/anthropic';\nconst llm = new ChatAnthropic({ model: '${CLAUDE}', maxTokens: 150 });\nexport const run = () => llm.invoke('Tell me a joke');\n`,
      'typescript',
    );
    assert.deepEqual([ts.fact.provider, ts.fact.maxTokens, ts.fact.maxTokensParam], ['anthropic', 150, 'maxTokens']);
    const init = await oneCall(
      `from langchain.chat_models import init_chat_model\nm = init_chat_model("${CLAUDE}", model_provider="anthropic", max_tokens=99)\nm.invoke("Hi")\n`,
      'python',
    );
    assert.deepEqual([init.fact.provider, init.fact.model, init.fact.maxTokens], ['anthropic', CLAUDE, 99]);
    const gem = await oneCall(
      'from langchain_google_genai import ChatGoogleGenerativeAI\nllm = ChatGoogleGenerativeAI(model="gemini-2.0-flash", max_output_tokens=64)\nllm.invoke("Hi")\n',
      'python',
    );
    assert.deepEqual([gem.fact.provider, gem.fact.maxTokens, gem.fact.maxTokensParam], ['google', 64, 'max_output_tokens']);
  });

  it('Vercel AI SDK with @ai-sdk/anthropic and @ai-sdk/google models', async () => {
    const code = `import { generateText } from 'ai';\nimport { anthropic } from '@ai-sdk/anthropic';\nimport { google } from '@ai-sdk/google';\nexport const a = () => generateText({ model: anthropic('${CLAUDE}'), prompt: 'Hello there', maxOutputTokens: 100 });\nexport const g = () => generateText({ model: google('gemini-2.0-flash'), prompt: 'Hello there', maxOutputTokens: 80 });\n`;
    const a = await oneCall(code, 'typescript', 0);
    assertSite(a, {
      provider: 'anthropic',
      via: 'ai-sdk',
      model: CLAUDE,
      bound: 100,
      boundName: 'maxOutputTokens',
      tokens: approxTokens('anthropic', 'Hello there'),
      price: packagePrice(CLAUDE, 'anthropic', approxTokens('anthropic', 'Hello there'), 100),
    });
    const g = await oneCall(code, 'typescript', 1);
    assertSite(g, {
      provider: 'google',
      via: 'ai-sdk',
      model: 'gemini-2.0-flash',
      bound: 80,
      boundName: 'maxOutputTokens',
      tokens: approxTokens('google', 'Hello there'),
      price: packagePrice('gemini-2.0-flash', 'google', approxTokens('google', 'Hello there'), 80),
    });
  });

  it('Vercel AI SDK: a model by gateway id (string, gateway(), gateway.languageModel()) or made in another file is still a call site', async () => {
    const code = [
      "import { generateText, streamObject, streamText } from 'ai';",
      "import { gateway } from '@ai-sdk/gateway';",
      "import { titleModel } from './providers';",
      `export const a = () => generateText({ model: 'anthropic/${CLAUDE}', prompt: 'Hello there', maxOutputTokens: 100 });`,
      "export const b = () => streamText({ model: gateway('openai/gpt-4o-mini'), prompt: 'Hello there', maxOutputTokens: 50 });",
      "export const c = () => streamText({ model: gateway.languageModel('google/gemini-2.0-flash'), prompt: 'Hello there', maxOutputTokens: 80 });",
      "export const d = () => streamObject({ model: titleModel(), prompt: 'Hello there' });",
      '',
    ].join('\n');
    // The file names no provider SDK: the prefilter keeps it for its import of the AI SDK's core package.
    assert.ok(mayBeRelevant(code, 'typescript'));
    const facts = await llmFactsOf(code, 'typescript');
    assert.deepEqual(
      facts.calls.map((c) => [c.operation, c.provider === undefined ? 'openai' : c.provider, c.model, c.maxTokens]),
      [
        ['generateText', 'anthropic', CLAUDE, 100],
        ['streamText', 'openai', 'gpt-4o-mini', 50],
        ['streamText', 'google', 'gemini-2.0-flash', 80],
        ['streamObject', null, null, null],
      ],
    );
    const summary = summariseLlmFile(facts).calls;
    // Priced by the id's provider, the unknown one left unpriced (not priced as OpenAI).
    assert.equal(summary[0]!.estCostUsd, packagePrice(CLAUDE, 'anthropic', approxTokens('anthropic', 'Hello there'), 100));
    assert.equal(summary[3]!.estCostUsd, null);
    assert.equal(facts.calls[3]!.modelExpr, 'titleModel()');
    // Without the AI SDK's import, the same call names are no call sites.
    assert.equal((await llmFactsOf(code.replace("from 'ai'", "from './local'"), 'typescript')).calls.length, 0);
  });

  it('an OpenAI call keeps its own BPE count and OpenAI price (no provider change)', async () => {
    const { fact, summary } = await oneCall(
      'from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="gpt-4o-mini", max_tokens=10, messages=[{"role": "user", "content": "Hi"}])\n',
      'python',
    );
    assert.equal(fact.provider, undefined);
    assert.equal(summary.provider, 'openai');
    assert.equal(summary.tokenCount?.method, 'bpe');
    assert.equal(tokenCountMethod('openai').method, 'bpe');
  });
});

describe('other LLM providers: prices and cached input per provider semantics', () => {
  it('the provider prefix of a model string is the provider (LiteLLM, init_chat_model), bare names by family', () => {
    assert.deepEqual(providerOfModel('anthropic/claude-3-haiku-20240307'), { provider: 'anthropic', model: 'claude-3-haiku-20240307' });
    assert.deepEqual(providerOfModel('google_genai:gemini-2.0-flash'), { provider: 'google', model: 'gemini-2.0-flash' });
    assert.deepEqual(providerOfModel('bedrock/amazon.nova-pro-v1:0'), { provider: 'bedrock', model: 'amazon.nova-pro-v1:0' });
    assert.equal(providerOfModel('claude-3-5-haiku-latest').provider, 'anthropic');
    assert.equal(providerOfModel('gpt-4o').provider, 'openai');
    assert.equal(providerOfModel('llama3').provider, null);
  });

  it('context limits come from the price data for non-OpenAI models', () => {
    assert.equal(modelLimits(CLAUDE, 'anthropic').contextWindow, CLAUDE_CONTEXT);
    assert.equal(modelLimits(CLAUDE, 'anthropic').maxOutputTokens, null);
    assert.equal(priceOf('no-such-model', 'anthropic'), null);
  });

  it('OpenAI: cached tokens are counted inside prompt_tokens', () => {
    const usage = { provider: 'openai' as const, prompt_tokens: 6000, cached_tokens: 5000, completion_tokens: 200 };
    assert.deepEqual(pricingUsage(usage), { input_tokens: 6000, output_tokens: 200, cache_read_tokens: 5000, cache_write_tokens: 0 });
    const p = priceOf('gpt-4o-mini')!;
    const expected = (1000 * p.inputPerMTok + 5000 * p.cachedInputPerMTok! + 200 * p.outputPerMTok) / 1e6;
    assert.ok(Math.abs(costOfUsage('gpt-4o-mini', usage)! - expected) < 1e-12);
  });

  it('Anthropic: cache reads and writes are reported beside input_tokens; writes cost the 5-minute write price (1.25x input)', () => {
    const usage = {
      provider: 'anthropic' as const,
      input_tokens: 1000,
      cache_read_input_tokens: 5000,
      cache_creation_input_tokens: 2000,
      output_tokens: 300,
    };
    assert.deepEqual(pricingUsage(usage), { input_tokens: 8000, output_tokens: 300, cache_read_tokens: 5000, cache_write_tokens: 2000 });
    const p = priceOf(CLAUDE, 'anthropic')!;
    assert.ok(Math.abs(p.cacheWritePerMTok! - 1.25 * p.inputPerMTok) < 1e-9, 'the price data lists 5-minute writes at 1.25x input');
    const expected = (1000 * p.inputPerMTok + 5000 * p.cachedInputPerMTok! + 2000 * p.cacheWritePerMTok! + 300 * p.outputPerMTok) / 1e6;
    assert.ok(Math.abs(costOfUsage(CLAUDE, usage)! - expected) < 1e-12);
    // Reading Anthropic's input_tokens as the whole prompt (OpenAI's semantics) would bill the cached tokens at nothing.
    const wrong = costOfUsage(CLAUDE, { provider: 'openai', prompt_tokens: 1000, cached_tokens: 0, completion_tokens: 300 });
    assert.notEqual(wrong, costOfUsage(CLAUDE, usage));
  });

  it('Google: cachedContentTokenCount is part of promptTokenCount', () => {
    const usage = { provider: 'google' as const, promptTokenCount: 4000, cachedContentTokenCount: 3000, candidatesTokenCount: 100 };
    assert.deepEqual(pricingUsage(usage), { input_tokens: 4000, output_tokens: 100, cache_read_tokens: 3000, cache_write_tokens: 0 });
    const p = priceOf('gemini-2.0-flash', 'google')!;
    const expected = (1000 * p.inputPerMTok + 3000 * p.cachedInputPerMTok! + 100 * p.outputPerMTok) / 1e6;
    assert.ok(Math.abs(costOfUsage('gemini-2.0-flash', usage)! - expected) < 1e-12);
  });

  it('Bedrock Converse: cacheRead/cacheWrite input tokens are beside inputTokens', () => {
    const model = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
    const usage = { provider: 'bedrock' as const, inputTokens: 500, cacheReadInputTokens: 1500, cacheWriteInputTokens: 0, outputTokens: 50 };
    assert.deepEqual(pricingUsage(usage), { input_tokens: 2000, output_tokens: 50, cache_read_tokens: 1500, cache_write_tokens: 0 });
    const p = priceOf(model, 'bedrock')!;
    const expected = (500 * p.inputPerMTok + 1500 * p.cachedInputPerMTok! + 50 * p.outputPerMTok) / 1e6;
    assert.ok(Math.abs(costOfUsage(model, usage)! - expected) < 1e-12);
  });
});

describe('other LLM providers: through the whole analysis', () => {
  const snippets: Array<[string, Language, string]> = [
    [
      'anthropic.py',
      'python',
      `from anthropic import AsyncAnthropic\nc = AsyncAnthropic(timeout=5.0)\nasync def ask(q):\n    return await c.messages.create(model="${CLAUDE}", messages=[{"role": "user", "content": q}])\n`,
    ],
    [
      'gemini.py',
      'python',
      'from google import genai\nclient = genai.Client()\nclient.models.generate_content(model="gemini-2.0-flash", contents="Hi")\n',
    ],
    ['bedrock.py', 'python', 'import boto3\nbr = boto3.client("bedrock-runtime")\nbr.converse(modelId="amazon.nova-pro-v1:0", messages=[])\n'],
    [
      'lite.py',
      'python',
      'from litellm import completion\ncompletion(model="gemini/gemini-2.0-flash", messages=[{"role": "user", "content": "Hi"}])\n',
    ],
    [
      'gemini.ts',
      'typescript',
      "import { GoogleGenAI } from '@google/genai';\nconst ai = new GoogleGenAI({});\nexport const run = () => ai.models.generateContent({ model: 'gemini-2.0-flash', contents: 'Hi' });\n",
    ],
  ];

  it("the prefilter keeps each provider's files, the analysis reports them with their provider and the rule fires", async () => {
    await initTreeSitter();
    const loaded = resolveConfig(undefined, RULE_IDS);
    const providers: Array<string | null | undefined> = [];
    for (const [path, language, code] of snippets) {
      assert.ok(mayBeRelevant(code, language), `${path} passes the prefilter`);
      const r = await analyzeText(path, code, language, loaded);
      assert.equal(r.llm?.calls.length, 1, `${path}: one call site`);
      providers.push(r.llm!.calls[0]!.provider);
      assert.ok(
        r.findings.some((f) => f.ruleId === 'llm-missing-max-tokens'),
        `${path}: the missing bound is reported`,
      );
    }
    assert.deepEqual(providers, ['anthropic', 'google', 'bedrock', 'google', 'google']);
  });
});
