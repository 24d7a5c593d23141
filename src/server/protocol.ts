// The few custom requests between the language server and its clients (the VS Code extension, its webviews, tests).
// Everything else is standard LSP. Server, client and webview import these names from here only.
import type { Diagnostic, WorkDoneProgressParams, WorkDoneProgressReport } from 'vscode-languageserver';
import type { Finding } from '../core/model/types';
import type { ChartSpec } from '../core/report/charts';
import type { PageStrings } from '../core/report/report-strings';
import type { SizingReport } from '../core/report/sizing-model';
import type { Section } from '../core/report/sizing-sections';
import { ASSUMPTION_KEYS, PROFILE_NAMES, type ProfileName, type UsageAssumptions } from '../core/sizing/profiles';

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
  /** Findings in ai-infra-advisor.baseline.json: hidden, shown as information, or shown as any other (off). */
  baseline?: 'hide' | 'info' | 'off';
}

export const DEFAULT_SETTINGS: Readonly<ServerSettings> = Object.freeze({
  targetGpu: 't4',
  profile: 'medium',
  codeLens: true,
  maxFileBytes: 2_000_000,
  rules: {},
});

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
  /** `workDoneToken` (standard LSP): the server reports `$/progress` (a {@link ScanProgressReport}) and honours cancel. */
}
/**
 * A workspace scan's `$/progress` report: the standard fields for any LSP client (an English `message`, a
 * percentage) plus the counts as data, so our client words them in its own language without parsing the message.
 */
export interface ScanProgressReport extends WorkDoneProgressReport {
  filesDone: number;
  filesTotal: number;
}
const RENDERS = ['md', 'html', 'json'] as const;

/**
 * Checks the sizing request's parameters (any client can send any JSON): each known field has its type, `profile`
 * and `render` are one of their names, `assumptions` are known keys with finite numbers. Returns the checked params,
 * or a message naming the bad field (the server answers InvalidParams with it). Unknown fields are ignored, as LSP
 * does; nothing is looked up by a name the client chose before it is checked.
 */
export function checkSizingReportParams(raw: unknown): SizingReportParams | string {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) return 'the parameters must be an object';
  const p = raw as Record<string, unknown>;
  const own = (k: string) => Object.prototype.hasOwnProperty.call(p, k) && p[k] !== undefined && p[k] !== null;
  const out: SizingReportParams = {};
  if (own('rootUri')) {
    if (typeof p.rootUri !== 'string' || !p.rootUri.startsWith('file:')) return `rootUri must be a file: URI, not ${describe(p.rootUri)}`;
    out.rootUri = p.rootUri;
  }
  if (own('profile')) {
    if (!(PROFILE_NAMES as readonly unknown[]).includes(p.profile))
      return `profile must be one of ${PROFILE_NAMES.join(', ')}, not ${describe(p.profile)}`;
    out.profile = p.profile as ProfileName;
  }
  if (own('render')) {
    if (!(RENDERS as readonly unknown[]).includes(p.render)) return `render must be one of ${RENDERS.join(', ')}, not ${describe(p.render)}`;
    out.render = p.render as (typeof RENDERS)[number];
  }
  if (own('diagnostics')) {
    if (typeof p.diagnostics !== 'boolean') return `diagnostics must be true or false, not ${describe(p.diagnostics)}`;
    out.diagnostics = p.diagnostics;
  }
  if (own('workDoneToken')) {
    if (typeof p.workDoneToken !== 'string' && !(typeof p.workDoneToken === 'number' && Number.isInteger(p.workDoneToken)))
      return `workDoneToken must be a string or an integer, not ${describe(p.workDoneToken)}`;
    out.workDoneToken = p.workDoneToken;
  }
  if (own('assumptions')) {
    const a = p.assumptions;
    if (typeof a !== 'object' || Array.isArray(a)) return `assumptions must be an object, not ${describe(a)}`;
    const checked: Partial<UsageAssumptions> = {};
    for (const [k, v] of Object.entries(a as Record<string, unknown>)) {
      if (!(ASSUMPTION_KEYS as readonly string[]).includes(k))
        return `assumptions.${describe(k, false)} is not an assumption (known: ${ASSUMPTION_KEYS.join(', ')})`;
      if (typeof v !== 'number' || !Number.isFinite(v)) return `assumptions.${k} must be a finite number, not ${describe(v)}`;
      checked[k as keyof UsageAssumptions] = v;
    }
    out.assumptions = checked;
  }
  return out;
}

/** A value in an error message: short, JSON, no control characters. */
function describe(v: unknown, quote = true): string {
  let s: string;
  try {
    s = typeof v === 'string' && !quote ? v : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(v);
  }
  // eslint-disable-next-line no-control-regex -- control characters are what it replaces
  s = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

export interface SizingReportResult {
  report: SizingReport;
  /** The same report laid out for display (what the CLI's Markdown/HTML show), and its charts. */
  sections: Section[];
  charts: ChartSpec[];
  headline: string[];
  /** The page's own labels, buttons and assumption labels (by key) in the server's language (webviews have no l10n API). */
  strings: PageStrings & { assumptions: Record<string, string> };
  /** The findings as the editor shows them: the workspace baseline applied (setting aiInfraAdvisor.baseline). */
  findings: Finding[];
  /** How many of the scan's findings the baseline matched (hidden, or shown as information); absent without one. */
  baselined?: number;
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
  | {
      type: 'report';
      result: Omit<SizingReportResult, 'findings' | 'diagnostics' | 'rendered' | 'skipped'>;
      assumptionsEditable: boolean;
      /** The profile's name in the display language. */ profileLabel?: string;
    }
  | { type: 'busy'; message: string }
  | { type: 'error'; message: string };
/** The only commands a page may ask the extension to run. */
export const WEBVIEW_COMMANDS = [
  'aiInfraAdvisor.showSizingReport',
  'aiInfraAdvisor.exportSizingReport',
  'aiInfraAdvisor.openWorkload',
  'aiInfraAdvisor.scanWorkspace',
] as const;
export type FromWebview =
  { type: 'ready' } | { type: 'recompute'; assumptions: Partial<UsageAssumptions> } | { type: 'command'; command: (typeof WEBVIEW_COMMANDS)[number] };

/**
 * Checks a message from a page before the extension acts on it: a page shows text from scanned code, so treat what
 * it sends as untrusted. Unknown types, commands outside the list and non-numeric assumptions are dropped (null).
 */
export function parseFromWebview(m: unknown): FromWebview | null {
  if (!m || typeof m !== 'object') return null;
  const msg = m as Record<string, unknown>;
  if (msg.type === 'ready') return { type: 'ready' };
  if (msg.type === 'command')
    return (WEBVIEW_COMMANDS as readonly unknown[]).includes(msg.command)
      ? { type: 'command', command: msg.command as (typeof WEBVIEW_COMMANDS)[number] }
      : null;
  if (msg.type === 'recompute' && msg.assumptions && typeof msg.assumptions === 'object' && !Array.isArray(msg.assumptions)) {
    const entries = Object.entries(msg.assumptions as Record<string, unknown>);
    if (!entries.every(([, v]) => typeof v === 'number' && Number.isFinite(v))) return null;
    return { type: 'recompute', assumptions: Object.fromEntries(entries) as Partial<UsageAssumptions> };
  }
  return null;
}

/** Commands the server asks the client to run (code actions), executed client-side. */
export const OPEN_DOCS_COMMAND = 'aiInfraAdvisor.openRuleDocs';
