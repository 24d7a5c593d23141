// The few custom requests between the language server and its clients (the VS Code extension, its webviews, tests).
// Everything else is standard LSP. Server, client and webview import these names from here only.
import type { Finding } from '../core/model/types';
import type { SizingReport } from '../core/report/sizing-model';
import type { ProfileName } from '../core/sizing/profiles';

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
}

export const DEFAULT_SETTINGS: Readonly<ServerSettings> = Object.freeze({ targetGpu: 't4', profile: 'medium', codeLens: true, maxFileBytes: 2_000_000, rules: {} });

/** The sizing report of the workspace (or of the given folder), with the workload file and profile applied. */
export const SIZING_REPORT_REQUEST = 'aiInfraAdvisor/sizingReport';
export interface SizingReportParams {
  /** Folder to scan; the first workspace folder when absent. */
  rootUri?: string;
  profile?: ProfileName;
}
export type SizingReportResult = { report: SizingReport; findings: Finding[]; durationMs: number };

/** Commands the server asks the client to run (code actions), executed client-side. */
export const OPEN_DOCS_COMMAND = 'aiInfraAdvisor.openRuleDocs';
