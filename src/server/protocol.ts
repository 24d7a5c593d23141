// The few custom requests between the language server and its clients (the VS Code extension, its webviews, tests).
// Everything else is standard LSP. Server, client and webview import these names from here only.
import type { Diagnostic, WorkDoneProgressParams } from 'vscode-languageserver';
import type { Finding } from '../core/model/types';
import type { ChartSpec } from '../core/report/charts';
import type { PageStrings } from '../core/report/report-strings';
import type { SizingReport } from '../core/report/sizing-model';
import type { Section } from '../core/report/sizing-sections';
import type { ProfileName, UsageAssumptions } from '../core/sizing/profiles';

export const SERVER_NAME = 'ai-infra-advisor';
/** The `source` every diagnostic carries, as ESLint's carry `eslint`. */
export const DIAGNOSTIC_SOURCE = 'ai-infra-advisor';

/** Settings section read through workspace/configuration (the VS Code settings `aiInfraAdvisor.*`). */
export const SETTINGS_SECTION = 'aiInfraAdvisor';

export interface ServerSettings {
  targetGpu: string;
  profile: ProfileName;
  codeLens: boolean;
  maxFileBytes: number;
  /** Per-rule severity overrides: error | warning | info | off. */
  rules: Record<string, string>;
  /** Engines the sizing report compares, and price overrides (validated by the workload schema). */
  engines?: string[];
  prices?: Record<string, unknown>;
  include?: string[];
  exclude?: string[];
}

export const DEFAULT_SETTINGS: Readonly<ServerSettings> = Object.freeze({ targetGpu: 't4', profile: 'medium', codeLens: true, maxFileBytes: 2_000_000, rules: {} });

/** The sizing report of the workspace (or of the given folder), with the workload file and profile applied. */
export const SIZING_REPORT_REQUEST = 'aiInfraAdvisor/sizingReport';
export interface SizingReportParams extends WorkDoneProgressParams {
  /** Folder to scan; the first workspace folder when absent. */
  rootUri?: string;
  profile?: ProfileName;
  /** Assumptions edited in the report page, applied over the profile and the workload file. */
  assumptions?: Partial<UsageAssumptions>;
  /** Also return the report rendered as Markdown, HTML or JSON (Export Sizing Report). */
  render?: 'md' | 'html' | 'json';
  /** Also return the findings as LSP diagnostics by file (Scan Workspace shows them for files no editor has open). */
  diagnostics?: boolean;
  /** `workDoneToken` (standard LSP): the server reports `$/progress` with "done/total files" and honours cancel. */
}
export interface SizingReportResult {
  report: SizingReport;
  /** The same report laid out for display (what the CLI's Markdown/HTML show), and its charts. */
  sections: Section[];
  charts: ChartSpec[];
  headline: string[];
  /** The page's own labels, buttons and assumption labels (by key) in the server's language (webviews have no l10n API). */
  strings: PageStrings & { assumptions: Record<string, string> };
  findings: Finding[];
  /** With `diagnostics: true`: the findings as LSP diagnostics by file URI, with the keys code actions look up. */
  diagnostics?: Record<string, Diagnostic[]>;
  durationMs: number;
  /** How many files the scan read, and those it skipped with the reason (the client logs them). */
  scannedFiles?: number;
  skipped?: Array<{ path: string; reason: string }>;
  rendered?: string;
}

/** Messages between the extension and its webviews (report panel, sizing view). */
export type ToWebview =
  | { type: 'report'; result: Omit<SizingReportResult, 'findings' | 'diagnostics' | 'rendered' | 'skipped'>; assumptionsEditable: boolean; /** The profile's name in the display language. */ profileLabel?: string }
  | { type: 'busy'; message: string }
  | { type: 'error'; message: string };
/** The only commands a page may ask the extension to run. */
export const WEBVIEW_COMMANDS = ['aiInfraAdvisor.showSizingReport', 'aiInfraAdvisor.exportSizingReport', 'aiInfraAdvisor.openWorkload', 'aiInfraAdvisor.scanWorkspace'] as const;
export type FromWebview =
  | { type: 'ready' }
  | { type: 'recompute'; assumptions: Partial<UsageAssumptions> }
  | { type: 'command'; command: (typeof WEBVIEW_COMMANDS)[number] };

/**
 * Checks a message from a page before the extension acts on it: a page shows text from scanned code, so treat what
 * it sends as untrusted. Unknown types, commands outside the list and non-numeric assumptions are dropped (null).
 */
export function parseFromWebview(m: unknown): FromWebview | null {
  if (!m || typeof m !== 'object') return null;
  const msg = m as Record<string, unknown>;
  if (msg.type === 'ready') return { type: 'ready' };
  if (msg.type === 'command') return (WEBVIEW_COMMANDS as readonly unknown[]).includes(msg.command) ? { type: 'command', command: msg.command as (typeof WEBVIEW_COMMANDS)[number] } : null;
  if (msg.type === 'recompute' && msg.assumptions && typeof msg.assumptions === 'object' && !Array.isArray(msg.assumptions)) {
    const entries = Object.entries(msg.assumptions as Record<string, unknown>);
    if (!entries.every(([, v]) => typeof v === 'number' && Number.isFinite(v))) return null;
    return { type: 'recompute', assumptions: Object.fromEntries(entries) as Partial<UsageAssumptions> };
  }
  return null;
}

/** Commands the server asks the client to run (code actions), executed client-side. */
export const OPEN_DOCS_COMMAND = 'aiInfraAdvisor.openRuleDocs';
