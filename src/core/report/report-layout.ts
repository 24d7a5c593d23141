// How the two HTML surfaces (the CLI's HTML report and the editor's report page) arrange the laid-out sections: which
// assumptions the found code uses, the files that need action first, and the GPU files grouped by folder with only
// those needing action open. Pure and DOM-free (the webview bundle imports it), type-only imports of the model, so
// both renderers show the same arrangement and the same words.
import type { FitVerdict } from '../sizing/gpu-fit';
import type { UsageAssumptions } from '../sizing/profiles';
import { formatBytes } from '../model/units';
import type { PageStrings } from './report-strings';
import type { AssumptionRow, SizingReport } from './sizing-model';
import type { Section, Table } from './sizing-sections';
import { SOURCES, type PublicSource } from '../sizing/sources';

/** Fills `{0}`, `{1}` of a page string. */
export const fill = (template: string, ...args: Array<string | number>): string =>
  template.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));

/**
 * What each assumption sizes: OpenAI call traffic, or the stores its results go to. Exhaustive over the keys (a new
 * assumption does not compile until it is placed), so the page never hides or shows one by accident.
 */
const ASSUMPTION_USE: Readonly<Record<keyof UsageAssumptions, 'calls' | 'stores'>> = {
  avgRequestsPerSecond: 'calls',
  peakRequestsPerSecond: 'calls',
  inputTokens: 'calls',
  outputTokens: 'calls',
  cacheHitRatio: 'calls',
  retentionDays: 'stores',
  readWriteRatio: 'stores',
  concurrentSessions: 'stores',
  replicationFactor: 'stores',
  monthlyGrowth: 'stores',
  recordMetadataBytes: 'stores',
  workingSetFraction: 'stores',
  queryLatencyMs: 'stores',
  horizonMonths: 'stores',
};

/** The assumptions some number of this report depends on: call traffic only with call sites, store ones only with a store load. */
export function assumptionsInUse(report: Pick<SizingReport, 'assumptions' | 'llm'>): AssumptionRow[] {
  const calls = report.llm.streams.length > 0;
  const stores = report.llm.load !== null;
  return report.assumptions.filter((a) => {
    const use = ASSUMPTION_USE[a.key as keyof UsageAssumptions];
    // A key this table does not know (a newer model) stays visible rather than silently dropped.
    return use === undefined || (use === 'calls' ? calls : stores);
  });
}

const SEVERITY: Readonly<Record<FitVerdict, number>> = { 'does-not-fit': 0, 'needs-chunking': 1, unknown: 2, fits: 3 };
const VERDICTS: readonly FitVerdict[] = ['does-not-fit', 'needs-chunking', 'unknown', 'fits'];
/** At most this many files in the "need action" table; the folders below list every file. */
export const WORST_FILES = 10;

export interface GpuFileView {
  path: string;
  /** The id of the file's detail element (the laid-out section's id). */
  anchor: string;
  verdict: FitVerdict;
  /** The peak as the fit table prints it (`≥ ` for a lower bound). */
  peak: string;
  why: string;
  /** The file's row of the fit table and its detail section, when the laid-out section has them. */
  row: string[] | null;
  detail: Section | null;
  /** Shown open: the file needs action on the target GPU. */
  open: boolean;
}

/** Some files of one folder: the fit table's header with their rows (named relative to the folder), and their details. */
export interface GpuFileGroup {
  table: Table;
  files: GpuFileView[];
}

export interface GpuFolderView {
  folder: string;
  /** "src/kernels — 15 files (needs chunking: 2 · fits: 13)" */
  label: string;
  /** Open when a file of the folder needs action. */
  open: boolean;
  /** The files that need action (shown open), and those that fit (one collapsed group, with its own label). */
  needAction: GpuFileGroup;
  fitting: (GpuFileGroup & { label: string }) | null;
}

export interface GpuLayout {
  /** The files that need action, worst first (does not fit, needs chunking, unknown; then by peak), or null if none. */
  worst: { caption: string; table: Table; anchors: string[] } | null;
  folders: GpuFolderView[];
}

const folderOf = (path: string): string => {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : '.';
};

/**
 * The GPU section arranged for reading: the files needing action first, then one group per folder (open when one of
 * its files needs action). Rows and details are matched to files by path, as the laid-out section prints them.
 */
export function layoutGpu(section: Section, report: Pick<SizingReport, 'gpu'>, strings: PageStrings): GpuLayout {
  const target = report.gpu.target;
  const fitTable = section.tables[0]?.table;
  const rowByPath = new Map((fitTable?.rows ?? []).map((r) => [r[0], r]));
  const detailByPath = new Map((section.children ?? []).map((c) => [c.title, c]));
  const files: GpuFileView[] = report.gpu.files.map((f) => {
    const row = f.fits.find((r) => r.gpu === target.id);
    const verdict: FitVerdict = row ? (f.api === 'opencl' ? row.opencl : row.cuda) : 'unknown';
    const detail = detailByPath.get(f.path) ?? null;
    return {
      path: f.path,
      anchor: detail?.id ?? `gpu-${f.path}`,
      verdict,
      peak: f.peakBytes === null ? strings.unknownPeak : `${f.peakIsLowerBound ? '≥ ' : ''}${formatBytes(Math.round(f.peakBytes), { exact: false })}`,
      why: row?.why ?? '',
      row: rowByPath.get(f.path) ?? null,
      detail,
      open: verdict !== 'fits',
    };
  });
  const peak = new Map(report.gpu.files.map((f) => [f.path, f.peakBytes ?? -1]));
  const needAction = files
    .filter((f) => f.open)
    .sort((a, b) => SEVERITY[a.verdict] - SEVERITY[b.verdict] || peak.get(b.path)! - peak.get(a.path)! || a.path.localeCompare(b.path));
  const shown = needAction.slice(0, WORST_FILES);
  const worst = shown.length
    ? {
        caption: fill(strings.needActionTitle, target.name, needAction.length, files.length, shown.length),
        table: {
          columns: [strings.fileColumn, fill(strings.verdictColumn, target.name), strings.peakColumn, strings.whyColumn],
          rows: shown.map((f) => [f.path, strings.verdict[f.verdict], f.peak, f.why]),
        },
        anchors: shown.map((f) => f.anchor),
      }
    : null;

  const byFolder = new Map<string, GpuFileView[]>();
  for (const f of files) {
    const folder = folderOf(f.path);
    const list = byFolder.get(folder);
    if (list) list.push(f);
    else byFolder.set(folder, [f]);
  }
  const folders = [...byFolder.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([folder, list]): GpuFolderView => {
      const counts = VERDICTS.map((v) => [v, list.filter((f) => f.verdict === v).length] as const).filter(([, n]) => n > 0);
      const label = fill(strings.folderLabel, folder, list.length, counts.map(([v, n]) => `${strings.verdict[v]}: ${n}`).join(' · '));
      const group = (of: GpuFileView[]): GpuFileGroup => ({
        files: of,
        table: {
          columns: fitTable?.columns ?? [],
          // Inside a folder's group a file is named relative to the folder (the group's label names the folder).
          rows: of.flatMap((f) => (f.row ? [[folder === '.' ? f.path : f.path.slice(folder.length + 1), ...f.row.slice(1)]] : [])),
          ...(fitTable?.numeric ? { numeric: fitTable.numeric } : {}),
        },
      });
      const fit = list.filter((f) => !f.open);
      return {
        folder,
        label,
        open: fit.length < list.length,
        needAction: group(list.filter((f) => f.open)),
        fitting: fit.length ? { ...group(fit), label: fill(strings.fittingLabel, fit.length) } : null,
      };
    });
  return { worst, folders };
}

/**
 * How table text wraps on both surfaces (media/report.css carries the same rules; a unit test compares them): header
 * words are `nowrap` spans, so a header breaks only at its spaces; a cell breaks inside a word only when that word
 * alone is wider than the cell can be, and a table wider than the page scrolls sideways instead of squeezing columns.
 */
export const TABLE_TEXT_CSS =
  'th { word-break: keep-all; overflow-wrap: normal; hyphens: none; } th .word { white-space: nowrap; } td { overflow-wrap: break-word; word-break: normal; hyphens: none; } td.keep { white-space: nowrap; }';

/** A short number cell (`0 (shared)`, `1 (5)`, `$1,183`) stays on one line; a longer one may wrap at its spaces. */
export const keepOnOneLine = (text: string): boolean => text.length <= 14;

/** A header's words, to be set as `nowrap` spans with plain spaces between them. */
export const headerWords = (text: string): string[] => text.split(' ').filter((w) => w !== '');

/**
 * The public sources the report's text names (the sizers cite them by name, never by id), each once with its address,
 * in the order they first appear: the page lists them as links at its end.
 */
export function citedSources(sections: readonly Section[], extra: readonly string[] = []): PublicSource[] {
  const texts: string[] = [...extra];
  const walk = (s: Section) => {
    texts.push(s.title, ...s.paragraphs, ...s.bullets, ...s.tables.flatMap((t) => [t.caption ?? '', ...t.table.rows.flat()]));
    for (const c of s.children ?? []) walk(c);
  };
  sections.forEach(walk);
  const all = texts.join('\n');
  return Object.values(SOURCES)
    .filter((src) => src.url && all.includes(src.name))
    .sort((a, b) => all.indexOf(a.name) - all.indexOf(b.name));
}
