// The Recommendations tree's grouping (area → rule → location), its labels and the status bar counts, without VS Code.
import assert from 'node:assert/strict';
import { RULE_IDS } from '../../../src/core/rules';
import {
  applyRuleSetting,
  AREAS,
  childrenOf,
  filterByPath,
  filterBySeverity,
  idOf,
  countBySeverity,
  labelOf,
  locationOf,
  OTHER_AREA,
  shortMessage,
  type TreeFinding,
  type TreeNode,
} from '../../../src/vscode/tree-model';
import { gpuPickItems } from '../../../src/vscode/gpu-pick';
import { GPU_CATALOG } from '../../../src/core/sizing/gpu-catalog';

const f = (rule: string, severity: number, path: string, line: number, message = `${rule} at ${path}:${line}`): TreeFinding => ({
  rule,
  severity,
  path,
  line,
  message,
});

const FINDINGS: TreeFinding[] = [
  f('llm-missing-timeout', 1, 'chat.ts', 6),
  f('gpu-unchecked-call', 1, 'b/saxpy.cu', 40),
  f('gpu-unchecked-call', 1, 'a/add.cu', 9),
  f('gpu-unchecked-call', 1, 'b/saxpy.cu', 3),
  f('gpu-exceeds-device-memory', 0, 'b/saxpy.cu', 45),
  f('gpu-missing-free', 1, 'b/saxpy.cu', 32),
  f('gpu-missing-free', 1, 'a/add.cu', 8),
  f('llm-store-without-ttl', 2, 'chat.ts', 13),
  f('some-future-rule', 1, 'x.py', 1),
];

const labels = <F extends TreeFinding>(nodes: TreeNode<F>[]) => nodes.map((n) => labelOf(n));

describe('Recommendations tree model', () => {
  it('the root lists areas in a fixed order with their counts, leaves out empty areas and lists unknown rules last', () => {
    assert.deepEqual(labels(childrenOf(FINDINGS)), ['GPU (6)', 'LLM API (2)', `${OTHER_AREA} (1)`]);
    assert.deepEqual(labels(childrenOf([f('opencl-unchecked-error', 1, 'k.c', 0), ...FINDINGS])), [
      'GPU (6)',
      'OpenCL (1)',
      'LLM API (2)',
      `${OTHER_AREA} (1)`,
    ]);
    assert.deepEqual(childrenOf([]), []);
    // a rule with none of the prefixes is never dropped: every finding is under some area
    const all = childrenOf(FINDINGS).flatMap((a) => (a.kind === 'area' ? a.items : []));
    assert.equal(all.length, FINDINGS.length);
  });

  it('a severity filter keeps only the findings of the severities shown (hints count as information)', () => {
    assert.deepEqual(labels(childrenOf(filterBySeverity(FINDINGS, new Set(['error'])))), ['GPU (1)']);
    assert.deepEqual(labels(childrenOf(filterBySeverity(FINDINGS, new Set(['info'])))), ['LLM API (1)']);
    assert.equal(filterBySeverity([f('gpu-x', 3, 'a', 0)], new Set(['info'])).length, 1);
    assert.equal(filterBySeverity(FINDINGS, new Set(['error', 'warning', 'info'])).length, FINDINGS.length);
  });

  it('a rule setting drops a scanned finding (off), gives it a severity, or leaves it as scanned', () => {
    assert.equal(applyRuleSetting('off'), 'off');
    assert.deepEqual(['error', 'warning', 'info'].map(applyRuleSetting), [0, 1, 2]);
    assert.equal(applyRuleSetting(undefined), undefined);
    assert.equal(applyRuleSetting('loud'), undefined);
  });

  it('the target GPU picker shows public names and memory, marks the current GPU, and hides catalog ids', () => {
    const items = gpuPickItems(GPU_CATALOG, 'a100-80', 'current');
    assert.deepEqual(
      items.map((i) => i.id),
      GPU_CATALOG.map((g) => g.id),
    );
    const marked = items.filter((i) => i.label.startsWith('$(check) '));
    assert.deepEqual(
      marked.map((i) => i.id),
      ['a100-80'],
    );
    assert.match(marked[0]!.description, /80 GiB .* · current$/);
    for (const i of items) assert.ok(!/SIZING-FACTS|\b[GP]\d\b/.test(`${i.label} ${i.description}`), i.label);
    assert.ok(!items.some((i) => i.description.includes(i.id)), 'no catalog id in a description');
  });

  it('every rule of the registry belongs to an area (none can drop out of the tree)', () => {
    for (const id of RULE_IDS)
      assert.ok(
        AREAS.some((a) => id.startsWith(a.prefix)),
        id,
      );
  });

  it('rules in an area: worst severity first, then the most findings, then by id', () => {
    const [gpu] = childrenOf(FINDINGS);
    assert.deepEqual(labels(childrenOf(FINDINGS, gpu)), ['gpu-exceeds-device-memory (1)', 'gpu-unchecked-call (3)', 'gpu-missing-free (2)']);
    // equal severity and count: alphabetical, whatever the input order
    const tied = [f('llm-z', 1, 'a', 0), f('llm-a', 1, 'a', 1)];
    const [area] = childrenOf(tied);
    assert.deepEqual(labels(childrenOf(tied, area)), ['llm-a (1)', 'llm-z (1)']);
  });

  it('locations under a rule: by path, then line, labelled with the message, path:line (1-based) after it; the input is not reordered', () => {
    const [gpu] = childrenOf(FINDINGS);
    const unchecked = childrenOf(FINDINGS, gpu).find((n) => n.kind === 'rule' && n.rule === 'gpu-unchecked-call')!;
    const before = unchecked.kind === 'rule' ? [...unchecked.items] : [];
    const items = childrenOf(FINDINGS, unchecked);
    assert.deepEqual(labels(items), [
      'gpu-unchecked-call at a/add.cu:9',
      'gpu-unchecked-call at b/saxpy.cu:3',
      'gpu-unchecked-call at b/saxpy.cu:40',
    ]);
    assert.deepEqual(
      items.map((n) => (n.kind === 'item' ? locationOf(n.item) : '')),
      ['a/add.cu:10', 'b/saxpy.cu:4', 'b/saxpy.cu:41'],
    );
    assert.ok(items.every((n) => n.kind === 'item'));
    assert.deepEqual(unchecked.kind === 'rule' ? unchecked.items : [], before);
    // a location has no children
    assert.deepEqual(childrenOf(FINDINGS, items[0]), []);
  });

  it('the extra fields of a finding travel with its node (the commands need the URI and diagnostic)', () => {
    const withUri = FINDINGS.map((x, i) => ({ ...x, uri: `file:///${i}` }));
    const [gpu] = childrenOf(withUri);
    const rule = childrenOf(withUri, gpu)[0]!;
    const [item] = childrenOf(withUri, rule);
    assert.equal(item?.kind === 'item' ? item.item.uri : '', 'file:///4');
  });

  it('every node has an id, unique in the tree and the same when the tree is built again', () => {
    const walk = (all: TreeFinding[]): string[] => {
      const out: string[] = [];
      const visit = (n?: TreeNode<TreeFinding>) => {
        if (n) out.push(idOf(n));
        for (const c of childrenOf(all, n)) visit(c);
      };
      visit();
      return out;
    };
    const ids = walk(FINDINGS);
    assert.equal(ids.length, 3 /* areas */ + 6 /* rules */ + 9 /* locations */);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(walk([...FINDINGS].reverse()), ids);
  });

  it('counts errors, warnings and notes (hints count as notes)', () => {
    assert.deepEqual(countBySeverity(FINDINGS), { errors: 1, warnings: 7, infos: 1 });
    assert.deepEqual(countBySeverity([f('gpu-x', 3, 'a', 0), f('gpu-y', 2, 'a', 0)]), { errors: 0, warnings: 0, infos: 2 });
  });

  it('a long message is cut to one row with an ellipsis; a short one is kept', () => {
    assert.equal(shortMessage('short'), 'short');
    const cut = shortMessage('x'.repeat(200));
    assert.equal(cut.length, 80);
    assert.ok(cut.endsWith('…'));
    assert.equal(shortMessage('y'.repeat(80)), 'y'.repeat(80));
  });

  it('filters by file as the Problems filter box does: substrings, * wildcards, ! exclusions, commas', () => {
    const all = [
      f('gpu-x', 1, 'src/kernels/a.cu', 0),
      f('gpu-x', 1, 'src/host/b.c', 0),
      f('llm-y', 2, 'test/app.test.ts', 0),
      f('llm-y', 2, 'src/app.ts', 0),
    ];
    const paths = (filter: string) => filterByPath(all, filter).map((x) => x.path);
    assert.deepEqual(
      paths(''),
      all.map((x) => x.path),
    );
    assert.deepEqual(paths('KERNELS'), ['src/kernels/a.cu']);
    assert.deepEqual(paths('src/*.cu'), ['src/kernels/a.cu']);
    assert.deepEqual(paths('!test'), ['src/kernels/a.cu', 'src/host/b.c', 'src/app.ts']);
    assert.deepEqual(paths('.c, !kernels'), ['src/host/b.c'], 'a dot is a dot, not any character');
    assert.deepEqual(paths('app, b.c'), ['src/host/b.c', 'test/app.test.ts', 'src/app.ts']);
    assert.deepEqual(paths('(a|b)'), [], 'regular-expression characters are literal');
  });
});
