// `ai-infra-advisor mcp`: a Model Context Protocol server on stdin/stdout for coding agents. A surface beside cli/
// and server/: it only calls core and answers with the same JSON the CLI prints. Every path is confined to the
// folder the server was started in (its cwd); nothing outside it is read.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { analyze, atOrAbove, TOOL_NAME, TOOL_VERSION, type AnalysisResult } from '../core/analyze';
import { loadConfigFile, type LoadedConfig } from '../core/config';
import { RULES, RULE_IDS } from '../core/rules';
import { DOCS_BASE } from '../core/rules/rule';
import { GPU_CATALOG, findGpu } from '../core/sizing/gpu-catalog';
import { jsonText, toJsonReport } from '../core/report/json';
import { buildSizingReport } from '../core/report/sizing-model';
import { loadWorkloadFile } from '../core/sizing/workload';
import { PROFILE_NAMES, type ProfileName } from '../core/sizing/profiles';
import { diskText } from '../core/report/sarif';
import { loadBaseline, splitByBaseline } from '../core/baseline';
import { redactDeep, redactSecrets } from '../core/model/redact';
import { diffRevisions } from '../core/diff';

/** A tool input the server refuses: answered as an MCP tool error with this text. */
class ToolInputError extends Error {}

interface ToolAnswer {
  [key: string]: unknown;
  content: Array<{ type: 'text'; text: string }>;
  isError?: boolean;
}

/** Resolves a path the agent gave against the root; refuses one that lands outside it, by name or through a symlink. */
export function confine(root: string, given: string): string {
  if (given.includes('\0')) throw new ToolInputError(`path '${given.replace(/\0/g, '\\0')}' contains a NUL character`);
  const abs = resolve(root, given);
  const inside = (p: string): boolean => {
    const rel = relative(root, p);
    return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
  };
  if (!inside(abs)) throw new ToolInputError(`path '${given}' is outside the workspace root ${root}`);
  // A symlink inside the root may point out of it: compare the real path too when the file exists.
  if (existsSync(abs) && !inside(realpathSync(abs)))
    throw new ToolInputError(`path '${given}' leads outside the workspace root ${root} (symbolic link)`);
  return abs;
}

function configFor(root: string, targetGpu: string | undefined): LoadedConfig {
  const loaded = loadConfigFile(root, RULE_IDS);
  if (loaded.fatal) throw new ToolInputError(redactSecrets(loaded.fatal));
  if (targetGpu) {
    const gpu = findGpu(targetGpu, loaded.config.customGpu);
    if (!gpu)
      throw new ToolInputError(
        `unknown targetGpu '${targetGpu}': use one of ${GPU_CATALOG.map((g) => g.id).join(', ')}${loaded.config.customGpu ? ', custom' : ''}`,
      );
    loaded.gpu = gpu;
    loaded.config.targetGpu = gpu.id;
  }
  return loaded;
}

async function analyseIn(
  root: string,
  paths: string[] | undefined,
  targetGpu: string | undefined,
): Promise<{ result: AnalysisResult; scanned: string[] }> {
  const scanned = (paths ?? []).map((p) => confine(root, p));
  const result = await analyze({ root, paths: scanned.length ? scanned : undefined, config: configFor(root, targetGpu) });
  const missing = result.skipped.filter((s) => s.reason === 'no such file or folder');
  if (missing.length && missing.length === scanned.length)
    throw new ToolInputError(`nothing to scan: ${missing.map((m) => m.path).join(', ')} not found`);
  return { result, scanned };
}

/** Where the rule pages are: docs/ ships beside dist/ in the extension and the package; from source, two levels up. */
function ruleDoc(id: string): string | null {
  for (const dir of [join(__dirname, '..', 'docs', 'rules'), join(__dirname, '..', '..', 'docs', 'rules')]) {
    const file = join(dir, `${id}.md`);
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  return null;
}

const text = (value: unknown): ToolAnswer => ({ content: [{ type: 'text', text: jsonText(value) }] });

/** Runs a tool body; refusals and failures become MCP tool errors (isError) with a clear message, never a crash. */
async function answer(body: () => Promise<ToolAnswer>): Promise<ToolAnswer> {
  try {
    return await body();
  } catch (err) {
    const message = err instanceof ToolInputError ? err.message : `${TOOL_NAME}: ${(err as Error).message ?? String(err)}`;
    return { content: [{ type: 'text', text: redactSecrets(message) }], isError: true };
  }
}

const pathsSchema = z
  .array(z.string().min(1))
  .max(1000)
  .optional()
  .describe('files or folders relative to the workspace root (default: the whole root)');
const gpuSchema = z
  .string()
  .min(1)
  .optional()
  .describe(`target GPU id (${GPU_CATALOG.map((g) => g.id).join(', ')})`);

export function createMcpServer(rootGiven: string): McpServer {
  const root = realpathSync(resolve(rootGiven));
  const server = new McpServer({ name: TOOL_NAME, version: TOOL_VERSION });

  server.registerTool(
    'scan',
    {
      description:
        'Static analysis of GPU code (CUDA, OpenCL, Python GPU libraries) and LLM API code (OpenAI, Anthropic, Google GenAI, Bedrock, LiteLLM, LangChain, AI SDK): the JSON of `ai-infra-advisor scan --format json` (findings with fixes, GPU memory and LLM call facts).',
      inputSchema: {
        paths: pathsSchema,
        targetGpu: gpuSchema,
        failOn: z
          .enum(['error', 'warning', 'never'])
          .optional()
          .describe('also say whether findings at or above this severity would fail the CLI gate'),
      },
    },
    async ({ paths, targetGpu, failOn }) =>
      answer(async () => {
        const { result } = await analyseIn(root, paths, targetGpu);
        // The baseline in the root, as the CLI reads it by default: only findings not in it are reported.
        const baseline = loadBaseline(root);
        if (baseline && 'error' in baseline) throw new ToolInputError(redactSecrets(baseline.error));
        const findings = baseline ? splitByBaseline(result.findings, baseline.fingerprints, { textOf: diskText(root) }).fresh : result.findings;
        const out = text(toJsonReport({ ...result, findings }));
        if (failOn) {
          const over = atOrAbove(findings, failOn).length;
          out.content.push({ type: 'text', text: jsonText({ gate: { failOn, findingsAtOrAbove: over, failed: over > 0 } }) });
        }
        return out;
      }),
  );

  server.registerTool(
    'sizing_report',
    {
      description: 'GPU memory, throughput and LLM cost sizing: the JSON of `ai-infra-advisor report --format json`.',
      inputSchema: {
        paths: pathsSchema,
        targetGpu: gpuSchema,
        profile: z
          .enum(PROFILE_NAMES as [ProfileName, ...ProfileName[]])
          .optional()
          .describe('traffic profile'),
        workload: z.string().min(1).optional().describe('workload JSON file relative to the root (default: ai-infra-advisor.workload.json)'),
      },
    },
    async ({ paths, targetGpu, profile, workload }) =>
      answer(async () => {
        const { result, scanned } = await analyseIn(root, paths, targetGpu);
        const w = loadWorkloadFile(root, { path: workload ? confine(root, workload) : undefined, profile, scanned });
        if (w.fatal) throw new ToolInputError(redactSecrets(w.fatal));
        return text(redactDeep(buildSizingReport(result, w)));
      }),
  );

  server.registerTool(
    'explain_finding',
    {
      description:
        "A rule's description, default severity and documentation; with path and line, the findings of that rule there, with their numbers and fixes.",
      inputSchema: {
        ruleId: z.string().min(1).describe('rule id, e.g. from a scan finding'),
        path: z.string().min(1).optional().describe('file relative to the workspace root'),
        line: z.number().int().positive().optional().describe('1-based line'),
      },
    },
    async ({ ruleId, path, line }) =>
      answer(async () => {
        const rule = RULES.find((r) => r.meta.id === ruleId);
        if (!rule) throw new ToolInputError(`unknown ruleId '${ruleId}': rules are ${RULE_IDS.join(', ')}`);
        if (line !== undefined && path === undefined) throw new ToolInputError('line needs path');
        const { id, description, category, defaultSeverity } = rule.meta;
        const out: Record<string, unknown> = {
          ruleId: id,
          description,
          category,
          defaultSeverity,
          docsUrl: `${DOCS_BASE}${id}.md`,
          docs: ruleDoc(id),
        };
        if (path !== undefined) {
          const { result } = await analyseIn(root, [path], undefined);
          const report = toJsonReport(result) as { findings: Array<{ ruleId: string; range: { startLine: number; endLine: number } }> };
          out.findings = report.findings.filter(
            (f) => f.ruleId === id && (line === undefined || (f.range.startLine <= line && line <= f.range.endLine)),
          );
        }
        return text(out);
      }),
  );

  server.registerTool(
    'diff',
    {
      description:
        'What a change costs between two git revisions (call sites, $/month, GPU peak memory, database nodes, new findings): the JSON of `ai-infra-advisor diff --format json`.',
      inputSchema: {
        base: z.string().min(1).optional().describe('base revision (default: merge base of HEAD with the default branch)'),
        head: z.string().min(1).optional().describe('head revision (default: the working tree)'),
        targetGpu: gpuSchema,
        profile: z.enum(PROFILE_NAMES as [ProfileName, ...ProfileName[]]).optional(),
      },
    },
    async ({ base, head, targetGpu, profile }) =>
      answer(async () => {
        // A revision starting with '-' would be read by git as an option.
        for (const rev of [base, head]) if (rev?.startsWith('-')) throw new ToolInputError(`revision '${rev}' must not start with '-'`);
        try {
          return text(
            redactDeep(
              await diffRevisions({
                root,
                ...(base ? { base } : {}),
                ...(head ? { head } : {}),
                ...(targetGpu ? { targetGpu } : {}),
                ...(profile ? { profile } : {}),
              }),
            ),
          );
        } catch (err) {
          throw new ToolInputError((err as Error).message);
        }
      }),
  );
  return server;
}

/**
 * `ai-infra-advisor mcp`: serves until stdin closes (only MCP messages go to stdout); or says why it cannot start.
 * @public loaded lazily by the CLI's `mcp` command (a `require`, so `scan` never pays for the SDK)
 */
export async function startMcpServer(root: string): Promise<string | undefined> {
  if (!existsSync(root) || !statSync(root).isDirectory()) return `--root ${root} is not a folder`;
  await createMcpServer(root).connect(new StdioServerTransport());
  return undefined;
}
