// Provider-neutral wording (issue 21): a heading or label that covers call sites of any provider says "LLM API"; a row
// that describes one call site names its own provider, by the provider table's display name. Three workspaces: Claude
// only, four providers mixed, OpenAI only; every sizing format in both languages, the scan text and the tree labels.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { analyze, type AnalysisResult } from '../../../src/core/analyze';
import { resolveConfig } from '../../../src/core/config';
import { PROVIDER_NAMES } from '../../../src/core/facts/llm-providers';
import { toHtml } from '../../../src/core/report/html';
import { toMarkdown } from '../../../src/core/report/markdown';
import type { Lang } from '../../../src/core/l10n';
import { buildSizingReport, type SizingReport } from '../../../src/core/report/sizing-model';
import { headline, sizingSections } from '../../../src/core/report/sizing-sections';
import { toSizingText } from '../../../src/core/report/sizing-text';
import { toText } from '../../../src/core/report/text';
import { RULE_IDS } from '../../../src/core/rules';
import { loadWorkloadFile } from '../../../src/core/sizing/workload';
import { childrenOf, labelOf, type TreeFinding, type TreeNode } from '../../../src/vscode/tree-model';

// Our own small services, one per provider: a request handler, or a nightly loop (offline: a batch interface fits).
const CLAUDE_HANDLER = `import anthropic
from flask import Flask, request

app = Flask(__name__)
client = anthropic.Anthropic(timeout=20)


@app.post("/ask")
def ask():
    msg = client.messages.create(model="claude-3-5-haiku-20241022", max_tokens=512, messages=[{"role": "user", "content": request.json["q"]}])
    return msg.content[0].text
`;
// Stored in MongoDB (so the database, traffic and month sections appear) with a model known only at run time (unpriced).
const CLAUDE_STORED = `import os
import anthropic
from pymongo import MongoClient

client = anthropic.Anthropic(timeout=20)
answers = MongoClient()["app"]["answers"]


def summarise(doc):
    msg = client.messages.create(model=os.environ["CLAUDE_MODEL"], max_tokens=300, messages=[{"role": "user", "content": doc}])
    answers.insert_one({"doc": doc, "summary": msg.content[0].text})
`;
const CLAUDE_JOB = `import Anthropic from '@anthropic-ai/sdk';

const client = new Anthropic({ timeout: 20_000 });

export async function nightlyBatch(items: string[]) {
  for (const item of items) {
    await client.messages.create({ model: 'claude-3-5-haiku-20241022', max_tokens: 256, messages: [{ role: 'user', content: item }] });
  }
}
`;
const GEMINI_JOB = `from google import genai

client = genai.Client()


def nightly_batch(items):
    for it in items:
        client.models.generate_content(model="gemini-2.0-flash", contents=it, config={"max_output_tokens": 100})
`;
const BEDROCK_HANDLER = `import boto3

client = boto3.client("bedrock-runtime")


def answer(q):
    return client.converse(modelId="anthropic.claude-3-haiku-20240307-v1:0", messages=[{"role": "user", "content": [{"text": q}]}], inferenceConfig={"maxTokens": 100})
`;
const OPENAI_HANDLER = `from openai import OpenAI

client = OpenAI(timeout=10)


def summarize(text):
    return client.chat.completions.create(model="gpt-4o-mini", max_tokens=200, messages=[{"role": "user", "content": text}])
`;
const OPENAI_JOB = `from openai import OpenAI

client = OpenAI(timeout=10)


def nightly_batch(texts):
    for t in texts:
        client.chat.completions.create(model="gpt-4o-mini", max_tokens=50, messages=[{"role": "user", "content": t}])
`;

const BEDROCK_JOB = `import boto3

client = boto3.client("bedrock-runtime")


def nightly_batch(items):
    for q in items:
        client.converse(modelId="anthropic.claude-3-haiku-20240307-v1:0", messages=[{"role": "user", "content": [{"text": q}]}], inferenceConfig={"maxTokens": 100})
`;

const WORKSPACES: Record<'claude' | 'mixed' | 'openai' | 'bedrock', Record<string, string>> = {
  claude: { 'claude_app.py': CLAUDE_HANDLER, 'jobs/claude-batch.ts': CLAUDE_JOB, 'summarise.py': CLAUDE_STORED },
  mixed: { 'claude_app.py': CLAUDE_HANDLER, 'gemini_job.py': GEMINI_JOB, 'bedrock_app.py': BEDROCK_HANDLER, 'openai_app.py': OPENAI_HANDLER },
  openai: { 'openai_app.py': OPENAI_HANDLER, 'openai_job.py': OPENAI_JOB },
  bedrock: { 'bedrock_job.py': BEDROCK_JOB },
};

interface Scanned {
  result: AnalysisResult;
  report: SizingReport;
}

async function scan(dir: string, lang: Lang): Promise<Scanned> {
  const config = resolveConfig(undefined, RULE_IDS);
  config.config.lang = lang;
  const result = await analyze({ root: dir, config });
  return { result, report: buildSizingReport(result, loadWorkloadFile(dir, { profile: 'medium' })) };
}

/** Every label of the Recommendations tree built from the scan's findings: areas, rules, locations. */
function treeLabels(result: AnalysisResult): string[] {
  const findings: TreeFinding[] = result.findings.map((f) => ({
    rule: f.ruleId,
    severity: f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2,
    path: f.path,
    line: f.range.startLine - 1,
    message: f.message,
  }));
  const out: string[] = [];
  const walk = (node?: TreeNode<TreeFinding>) => {
    for (const child of childrenOf(findings, node)) {
      out.push(labelOf(child));
      walk(child);
    }
  };
  walk();
  return out;
}

/** Every surface a user reads, in one language: the sizing report in each format, the scan text and the tree. */
function surfaces(s: Scanned, lang: Lang): Record<string, string> {
  return {
    markdown: toMarkdown(s.report, { lang }).markdown,
    html: toHtml(s.report, { chartScript: null, lang }),
    text: toSizingText(s.report, { detail: true, lang }),
    scan: toText(s.result),
    tree: treeLabels(s.result).join('\n'),
  };
}

const llmRows = (report: SizingReport, lang: Lang) => sizingSections(report, lang).find((x) => x.id === 'llm')!.tables[0]!.table;

describe('provider-neutral wording in every format (issue 21)', function () {
  this.timeout(120_000);
  const dirs: Record<string, string> = {};
  const scans: Record<string, Record<Lang, Scanned>> = {};
  before(async () => {
    for (const [name, files] of Object.entries(WORKSPACES)) {
      const dir = mkdtempSync(join(tmpdir(), `aia-wording-${name}-`));
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      dirs[name] = dir;
      scans[name] = { en: await scan(dir, 'en'), ko: await scan(dir, 'ko') };
    }
  });
  after(() => {
    for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
  });

  it('finds the call sites each workspace has, with their providers (or the wording checks below prove nothing)', () => {
    const providers = (name: string) => scans[name]!.en.report.llm.streams.map((s) => s.provider).sort();
    assert.deepEqual(providers('claude'), ['anthropic', 'anthropic', 'anthropic']);
    // Every section that can name the LLM API is there: the database sizing, traffic and months, an unpriced call site.
    const ids = sizingSections(scans.claude!.en.report, 'en').map((x) => x.id);
    for (const id of ['llm', 'engines', 'traffic', 'months', 'recommendation', 'bill']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
    assert.equal(scans.claude!.en.report.llm.unpriced.length, 1);
    assert.deepEqual(providers('mixed'), ['anthropic', 'bedrock', 'google', 'openai']);
    assert.deepEqual(providers('openai'), ['openai', 'openai']);
  });

  for (const lang of ['en', 'ko'] as const) {
    it(`${lang}: a Claude-only workspace reads "OpenAI" nowhere: report formats, scan text, tree labels`, () => {
      const s = scans.claude![lang];
      for (const [surface, text] of Object.entries(surfaces(s, lang))) {
        assert.ok(text.length > 200, `${surface} is empty`);
        const at = text.search(/openai/i);
        assert.equal(at, -1, `${surface}: …${text.slice(Math.max(0, at - 80), at + 40)}…`);
      }
      // And it says whose API it is: every call-site row, the bill's price source, the batch interface by its name.
      const table = llmRows(s.report, lang);
      assert.deepEqual(
        table.rows.map((r) => r[1]),
        ['Anthropic', 'Anthropic', 'Anthropic'],
      );
      const md = toMarkdown(s.report, { lang }).markdown;
      assert.match(md, /Anthropic (list prices|정가)/);
      assert.match(headline(s.report, lang).join('\n'), /Message Batches API/);
      assert.match(md, lang === 'en' ? /^## LLM API call sites$/m : /^## LLM API 호출 위치$/m);
    });

    it(`${lang}: a mixed workspace says LLM API over all call sites and names OpenAI only on its own row and price`, () => {
      const s = scans.mixed![lang];
      const table = llmRows(s.report, lang);
      const byPath = Object.fromEntries(s.report.llm.streams.map((x, i) => [x.path, table.rows[i]![1]]));
      assert.deepEqual(byPath, {
        'bedrock_app.py': PROVIDER_NAMES.bedrock,
        'claude_app.py': PROVIDER_NAMES.anthropic,
        'gemini_job.py': PROVIDER_NAMES.google,
        'openai_app.py': PROVIDER_NAMES.openai,
      });
      // The summary, titles, column headers, chart names and the tree's groups cover every provider: none says OpenAI.
      const sections = sizingSections(s.report, lang);
      const covering = [
        ...headline(s.report, lang),
        ...sections.map((x) => x.title),
        ...sections.flatMap((x) => x.paragraphs),
        ...sections.flatMap((x) => x.tables.flatMap((t) => t.table.columns)),
        ...treeLabels(s.result).filter((l) => !/:\d/.test(l) && /\(\d+\)$/.test(l)),
      ];
      assert.deepEqual(
        covering.filter((t) => /openai/i.test(t)),
        [],
      );
      // The one offline call site is Gemini's: its own batch interface by name.
      assert.match(headline(s.report, lang).join('\n'), /Gemini Batch Mode/);
      // In the whole Markdown, "OpenAI" is the OpenAI row's provider cell and the bill's list of priced providers: two.
      const md = toMarkdown(s.report, { lang }).markdown;
      assert.equal((md.match(/OpenAI/g) ?? []).length, 2, md);
      assert.match(
        md,
        /\| Anthropic, AWS Bedrock, Google Gemini, OpenAI (list prices; batch API only for offline call sites|정가; 오프라인 호출 위치만 배치 API) \|/,
      );
    });

    it(`${lang}: an OpenAI-only workspace still uses the LLM API headings and names OpenAI where a row names the provider`, () => {
      const s = scans.openai![lang];
      assert.deepEqual(
        llmRows(s.report, lang).rows.map((r) => r[1]),
        ['OpenAI', 'OpenAI'],
      );
      const head = headline(s.report, lang).join('\n');
      assert.match(head, /^LLM API: /m);
      // Its offline call site goes through OpenAI's own Batch API, named as such.
      assert.match(head, /Batch API/);
      assert.doesNotMatch(head, /Message Batches|Gemini|각 제공자|each provider/);
      assert.match(toMarkdown(s.report, { lang }).markdown, lang === 'en' ? /^## LLM API call sites$/m : /^## LLM API 호출 위치$/m);
    });
  }

  it('a provider with no batch interface in the provider table (Bedrock) gets no borrowed name: "the provider\'s batch API"', () => {
    for (const lang of ['en', 'ko'] as const) {
      const s = scans.bedrock![lang];
      assert.deepEqual(
        llmRows(s.report, lang).rows.map((r) => r[1]),
        ['AWS Bedrock'],
      );
      const head = headline(s.report, lang).join('\n');
      assert.match(head, lang === 'en' ? /through the provider's batch API/ : /제공자의 배치 API\(으\)로/);
      assert.doesNotMatch(head, /OpenAI|Batch API|Message Batches/);
    }
  });

  it('the tree groups every provider\'s llm- findings under "LLM API", in both languages (a product name)', () => {
    for (const [name, lang] of [
      ['claude', 'en'],
      ['claude', 'ko'],
      ['mixed', 'en'],
      ['mixed', 'ko'],
    ] as const) {
      const areas = treeLabels(scans[name]![lang].result).filter((l) => /^[A-Z][\w ]+ \(\d+\)$/.test(l) && !l.includes('-'));
      assert.ok(
        areas.some((a) => a.startsWith('LLM API (')),
        areas.join(', '),
      );
      assert.deepEqual(
        areas.filter((a) => /openai/i.test(a)),
        [],
      );
    }
  });
});
