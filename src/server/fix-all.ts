// Fix all (`source.fixAll.aiInfraAdvisor`, what `editor.codeActionsOnSave` asks for): every finding's preferred fix
// in one edit, as ESLint's fix-all does. Fixes whose edits overlap one already taken are left for a second run.
import { CodeActionKind, type CodeAction, type CodeActionContext, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/model/types';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.aiInfraAdvisor`;

/** Whether a code action request wants the fix-all action (asked for by kind), or only other kinds. */
export function wantsFixAll(only: CodeActionContext['only']): boolean {
  // No `only`: the lightbulb asks for quick fixes at the cursor; source actions are asked for by kind.
  return !!only?.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(`${k}.`));
}

/** Whether the request also wants quick fixes (no `only`, or a kind quick fixes belong to). */
export function wantsQuickFixes(only: CodeActionContext['only']): boolean {
  return (
    !only?.length || only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === CodeActionKind.Empty)
  );
}

/** The fix-all action for a document's findings, or null when none has a fix. */
export function fixAllAction(findings: readonly Finding[], doc: TextDocument, title: string): CodeAction | null {
  const taken: Array<{ start: number; end: number }> = [];
  const edits: TextEdit[] = [];
  const seen = new Set<string>();
  const ordered = [...findings]
    .filter((f) => f.fixes?.length)
    .sort((a, b) => a.fixes![0]!.edits[0]!.startOffset - b.fixes![0]!.edits[0]!.startOffset);
  for (const f of ordered) {
    const fix = f.fixes![0]!;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue; // two findings offering the same fix: apply it once
    // Insertions at one offset are fine side by side only if they are the same; any other touch is a conflict.
    const overlaps = fix.edits.some((e) =>
      taken.some(
        (t) =>
          (e.startOffset < t.end && t.start < e.endOffset) || ((e.startOffset === e.endOffset || t.start === t.end) && e.startOffset === t.start),
      ),
    );
    if (overlaps) continue;
    seen.add(key);
    for (const e of fix.edits) {
      taken.push({ start: e.startOffset, end: e.endOffset });
      edits.push({ range: { start: doc.positionAt(e.startOffset), end: doc.positionAt(e.endOffset) }, newText: e.newText });
    }
  }
  if (!edits.length) return null;
  return { title, kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: edits } } };
}
