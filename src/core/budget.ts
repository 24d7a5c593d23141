// The per-file time budget: every file's analysis stops after `analysisTimeoutSeconds` (config) with a stated reason,
// and the file counts as not analysed. The checks are cooperative, at the places the analysis spends its time:
// while tree-sitter parses (its progress callback), at every tree query (nodesOfTypes) and folded `#define` body
// (withCExpression), between the phases of analyzeText (facts, each rule) and in the suppression reader. A budget is
// active only during synchronous work, so documents analysed concurrently (the language server) never share one.

export const DEFAULT_ANALYSIS_TIMEOUT_SECONDS = 10;

export class BudgetExceeded extends Error {
  constructor(readonly seconds: number) {
    super(`analysis stopped after ${seconds} s (the per-file time budget, analysisTimeoutSeconds)`);
    this.name = 'BudgetExceeded';
  }
}

export class Budget {
  private readonly deadline: number;
  constructor(
    readonly seconds: number,
    now = performance.now(),
  ) {
    this.deadline = seconds > 0 && Number.isFinite(seconds) ? now + seconds * 1000 : Infinity;
  }
  get spent(): boolean {
    return performance.now() > this.deadline;
  }
  check(): void {
    if (this.spent) throw new BudgetExceeded(this.seconds);
  }
}

let active: Budget | null = null;

/** Runs synchronous `work` under `budget`: checkBudget() inside it throws BudgetExceeded once the time is spent. */
export function within<T>(budget: Budget | null, work: () => T): T {
  const outer = active;
  active = budget;
  try {
    budget?.check();
    return work();
  } finally {
    active = outer;
  }
}

/** The budget of the synchronous work now running, if any. */
export function activeBudget(): Budget | null {
  return active;
}

/** Throws BudgetExceeded when the active file's budget is spent; free when none is active. */
export function checkBudget(): void {
  active?.check();
}

/** tree-sitter's progress callback: true cancels the parse. */
export function budgetSpent(): boolean {
  return active?.spent ?? false;
}
