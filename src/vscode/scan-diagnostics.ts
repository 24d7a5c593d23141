// The last workspace scan's diagnostics for files no editor has open. They are kept as scanned and shown through the
// current rule settings, so turning a rule off (or changing its severity) applies to them at once, without a scan.
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../server/protocol';
import { explicitRules } from './client';
import { ruleOf } from './recommendations';
import { applyRuleSetting } from './tree-model';

export class ScanDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('ai-infra-advisor-workspace');
  private scanned = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
  /**
   * Each diagnostic's severity as scanned. A severity setting changes the diagnostic itself (a copy would lose the
   * language client's `data`, the key its code actions look the finding up by).
   */
  private readonly scannedSeverity = new WeakMap<vscode.Diagnostic, vscode.DiagnosticSeverity>();

  /** Replaces the last scan's results. */
  set(results: ReadonlyArray<[vscode.Uri, vscode.Diagnostic[]]>): void {
    this.scanned = new Map(results.map(([uri, diagnostics]) => [uri.toString(), { uri, diagnostics }]));
    for (const { diagnostics } of this.scanned.values()) for (const d of diagnostics) this.scannedSeverity.set(d, d.severity);
    this.show();
  }

  /** An opened file gets live diagnostics from the server: its scan copy is dropped. */
  delete(uri: vscode.Uri): void {
    this.scanned.delete(uri.toString());
    this.collection.delete(uri);
  }

  /** Shows the scanned diagnostics through the rule settings of each file's folder; returns how many were hidden. */
  show(): number {
    this.collection.clear();
    let hidden = 0;
    for (const { uri, diagnostics } of this.scanned.values()) {
      const rules = explicitRules(vscode.workspace.getConfiguration(SETTINGS_SECTION, uri));
      const shown: vscode.Diagnostic[] = [];
      for (const d of diagnostics) {
        const effect = applyRuleSetting(rules[ruleOf(d)]);
        if (effect === 'off') {
          hidden++;
          continue;
        }
        d.severity = effect ?? this.scannedSeverity.get(d) ?? d.severity;
        shown.push(d);
      }
      if (shown.length) this.collection.set(uri, shown);
    }
    return hidden;
  }

  clear(): void {
    this.scanned.clear();
    this.collection.clear();
  }

  dispose(): void {
    this.collection.dispose();
  }
}
