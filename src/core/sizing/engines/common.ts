// Shared shapes of an engine sizing: nodes per role with the formula that gave the count, cost lines, and the
// number formatting every "why" uses (so a reader can redo the arithmetic from the text).
import { GIB } from '../../model/units';
import { LAYOUT_PREFERENCE } from '../engine-facts';
import { HOURS_PER_MONTH, INSTANCE_TYPES, SECONDS_PER_MONTH, type InstanceType, type PriceCatalog } from '../prices';
import type { EngineId } from '../workload';
import { engineText, limitName } from './engine-text';
import type { Lang } from '../../l10n';

/** The three roles users reason about, plus coordination (config servers, masters) that neither serves clients nor holds data. */
export type NodeRole = 'client-session' | 'query' | 'data' | 'coordination';

export interface RoleSizing {
  role: NodeRole;
  /** What the nodes are called in this engine (`mongos routers`, `shard members`). */
  name: string;
  count: number;
  instance: string | null;
  /** False when the role runs on other nodes (no nodes of its own, no cost of its own). */
  dedicated: boolean;
  /** The formula with its numbers. */
  why: string;
  /** What makes the count go up. */
  grows: string;
}

export interface CostLine {
  item: string;
  quantity: number;
  unit: string;
  unitUsd: number;
  monthlyUsd: number;
}

export interface EngineSizing {
  engine: EngineId;
  title: string;
  roles: RoleSizing[];
  /** Nodes the customer runs (dedicated roles); 0 for serverless. */
  totalNodes: number;
  /** Bytes on disk (or in memory for Redis) across all copies, with engine overhead. */
  storedBytes: number;
  costLines: CostLine[];
  monthlyUsd: number;
  /** Formulas and figures behind the numbers that are not a role (capacity units, shards, disk per node). */
  notes: string[];
  /** Limits reached or vendor guidance not met, that an action fixes (a quota increase, a note to benchmark). */
  warnings: string[];
  /**
   * The workload does not fit the service: a hard limit (nodes per cluster, instances per domain, item or document size)
   * that no size of the ladder meets. The layout shown is the closest one; it is not one to deploy.
   */
  errors: string[];
  /** The most one more node (or shard) of any size of the engine's ladder adds to the bill; 0 for serverless. */
  ladderStepUsd: number;
  /**
   * The engine's next move from this layout, priced (see nextStepUsd below): one more node (or shard) of the chosen size with
   * what it drags along (config servers, the masters' next tier, coordinators), or a move to another size — the next larger
   * one of its family, or a fewer-nodes layout the preference margin could reach —, whichever costs most. At 1% more traffic
   * the bill is at most 1.01 × (the bill + this) (the no-cliff property).
   */
  nextStepUsd: number;
  /**
   * The same layout with every node on a 1-year reserved rate (No Upfront) and everything reservations do not cover (storage,
   * snapshots, cross-AZ traffic, requests) on demand; null when some node of the layout has no sourced 1-year rate.
   */
  committedMonthlyUsd: number | null;
}

/** Nodes of one instance type in a layout: what a reservation covers. */
export interface Reservable {
  id: string;
  count: number;
}

export function instance(id: string): InstanceType {
  const t = INSTANCE_TYPES[id];
  if (!t) throw new Error(`unknown instance type '${id}'`);
  return t;
}

export function nodeCost(prices: PriceCatalog, id: string, count: number, what: string, lang: Lang): CostLine {
  const perHour = prices.instanceUsdPerHour[id] ?? instance(id).usdPerHour;
  return {
    item: engineText(lang, 'nodeCost', { what, id }),
    quantity: count,
    unit: engineText(lang, 'nodeMonth'),
    unitUsd: perHour * HOURS_PER_MONTH,
    monthlyUsd: count * perHour * HOURS_PER_MONTH,
  };
}

export function storageCost(prices: PriceCatalog, bytes: number, what: string, lang: Lang): CostLine {
  const gib = bytes / GIB;
  return {
    item: what,
    quantity: round(gib, 2),
    unit: engineText(lang, 'gibMonth'),
    unitUsd: prices.blockStorageUsdPerGbMonth,
    monthlyUsd: gib * prices.blockStorageUsdPerGbMonth,
  };
}

export function finish(
  e: Omit<EngineSizing, 'totalNodes' | 'monthlyUsd' | 'ladderStepUsd' | 'nextStepUsd' | 'errors' | 'committedMonthlyUsd'> & {
    ladderStepUsd?: number;
    nextStepUsd?: number;
    errors?: string[];
    /** The layout's nodes by instance type, to price them at the 1-year rate (absent: nothing to reserve, no committed figure). */
    reservable?: { prices: PriceCatalog; nodes: readonly Reservable[]; lang: Lang };
  },
): EngineSizing {
  const { reservable, ...rest } = e;
  const monthlyUsd = e.costLines.reduce((s, c) => s + c.monthlyUsd, 0);
  const committed = reservable ? committedMonthly(reservable.prices, monthlyUsd, reservable.nodes) : null;
  const notes = [...e.notes];
  if (reservable && committed)
    notes.push(
      committed.usd === null
        ? engineText(reservable.lang, 'noCommittedNote', { ids: committed.missing.join(', ') })
        : engineText(reservable.lang, 'committedNote', {
            list: committed.lines.map((l) => `${num(l.count)} × ${l.id} × $${hourly(l.usdPerHour)}/h × ${HOURS_PER_MONTH} h`).join(' + '),
            nodes: `$${num(committed.nodesUsd)}`,
            rest: monthlyUsd - committed.onDemandNodesUsd >= 0.005 ? `$${num(monthlyUsd - committed.onDemandNodesUsd)}` : null,
            total: `$${num(committed.usd)}`,
            source: reservedSources(committed.lines.map((l) => l.id)),
          }),
    );
  return {
    ...rest,
    notes,
    errors: e.errors ?? [],
    ladderStepUsd: e.ladderStepUsd ?? 0,
    nextStepUsd: e.nextStepUsd ?? e.ladderStepUsd ?? 0,
    totalNodes: e.roles.filter((r) => r.dedicated).reduce((n, r) => n + r.count, 0),
    monthlyUsd,
    committedMonthlyUsd: committed?.usd ?? null,
  };
}

/**
 * A layout's monthly cost with its nodes at the 1-year reserved rate: the on-demand total less, per instance type, count ×
 * (on-demand − reserved) × 730 h; reservations cover node hours only, so storage, snapshots and transfer stay as they are.
 * Null (with the types lacking a rate) when any node of the layout has no sourced 1-year rate. A reserved rate above the
 * on-demand one (an overridden on-demand price) counts as the on-demand one: nobody commits to pay more.
 */
export function committedMonthly(
  prices: PriceCatalog,
  onDemandMonthlyUsd: number,
  nodes: readonly Reservable[],
): {
  usd: number | null;
  missing: string[];
  lines: Array<Reservable & { usdPerHour: number }>;
  nodesUsd: number;
  onDemandNodesUsd: number;
} {
  const used = nodes.filter((n) => n.count > 0);
  const missing = [...new Set(used.filter((n) => prices.reserved1yUsdPerHour[n.id] === undefined).map((n) => n.id))];
  if (missing.length || !used.length) return { usd: null, missing, lines: [], nodesUsd: 0, onDemandNodesUsd: 0 };
  const lines = used.map((n) => ({ ...n, usdPerHour: Math.min(prices.reserved1yUsdPerHour[n.id]!, nodeMonthUsd(prices, n.id) / HOURS_PER_MONTH) }));
  const nodesUsd = lines.reduce((s, l) => s + l.count * l.usdPerHour * HOURS_PER_MONTH, 0);
  const onDemandNodesUsd = used.reduce((s, n) => s + n.count * nodeMonthUsd(prices, n.id), 0);
  return { usd: onDemandMonthlyUsd - onDemandNodesUsd + nodesUsd, missing, lines, nodesUsd, onDemandNodesUsd };
}

export function round(n: number, digits = 2): number {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}

/** 1234.5 -> "1,234.5"; 0.012345 -> "0.0123": enough digits to redo the arithmetic, no scientific notation. */
export function num(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 1 ? 2 : abs === 0 ? 0 : Math.min(8, 2 - Math.floor(Math.log10(abs)));
  return n.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** The public names, dates and addresses of the 1-year rates of these types (the catalog's). */
function reservedSources(ids: readonly string[]): string {
  const named = new Set(
    ids.map((id) => INSTANCE_TYPES[id]?.reserved1y).map((r) => (r ? `${r.source}, ${r.sourceDate}: ${r.url}` : 'a rate outside the catalog')),
  );
  return [...named].join('; ');
}

/** An hourly price at the precision it is listed with (0.141, 4.482, 0.2646). */
function hourly(usd: number): string {
  return usd.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** Bytes as GiB with three significant decimals: the unit capacity formulas use. */
export function gib(bytes: number): string {
  return `${num(bytes / GIB)} GiB`;
}

export function ceil(n: number): number {
  // Guard against 2.0000000000000004 from float arithmetic turning into 3.
  return Math.ceil(Math.round(n * 1e9) / 1e9);
}

/** One size of an engine's ladder evaluated against the load: the node count each constraint needs, and the cost. */
export interface LayoutOption<Extra = unknown> {
  instance: string;
  nodes: number;
  monthlyUsd: number;
  /** Nodes each constraint alone needs, by constraint id (disk, ops, memory, shards, replicas ...). */
  needs: Record<string, number>;
  /** The constraint that set the count (the largest need; the replication floor when nothing else does). */
  decidedBy: string;
  /** The service limit this layout breaks (a key of the text's `limitNames`), absent when it is within every limit. */
  breaks?: string;
  extra: Extra;
}

/** The layout picked, the cheapest one within the service's limits, and whether any size fits the service at all. */
export interface LayoutChoice<E> {
  chosen: LayoutOption<E>;
  cheapest: LayoutOption<E>;
  /** False when every size breaks a service limit: `chosen` is then the closest (fewest nodes), shown with an error. */
  fits: boolean;
}

/**
 * Scale up, then out, within the service's limits: drop the layouts that break a limit; of the rest, the fewest nodes
 * among those within LAYOUT_PREFERENCE.fewerNodesWithin of the cheapest (equal nodes: the cheaper). When no size fits,
 * the one with the fewest nodes, flagged, so the report says the workload does not fit rather than show a broken layout.
 */
export function chooseLayout<E>(options: ReadonlyArray<LayoutOption<E>>): LayoutChoice<E> {
  const within = options.filter((o) => !o.breaks);
  if (!within.length) {
    let fewest = options[0]!;
    for (const o of options) if (o.nodes < fewest.nodes || (o.nodes === fewest.nodes && o.monthlyUsd < fewest.monthlyUsd)) fewest = o;
    return { chosen: fewest, cheapest: fewest, fits: false };
  }
  const cheapest = cheapestLayout(within);
  const ceiling = cheapest.monthlyUsd * (1 + LAYOUT_PREFERENCE.fewerNodesWithin) + 0.01;
  let chosen = cheapest;
  for (const o of within)
    if (o.monthlyUsd <= ceiling && (o.nodes < chosen.nodes || (o.nodes === chosen.nodes && o.monthlyUsd < chosen.monthlyUsd))) chosen = o;
  return { chosen, cheapest, fits: true };
}

/** The note that says why a dearer layout than the cheapest was picked (fewer nodes within the margin); null when it is the cheapest. */
export function preferenceNote<E>(c: LayoutChoice<E>, lang: Lang): string | null {
  if (c.chosen === c.cheapest) return null;
  const pct = ((c.chosen.monthlyUsd / c.cheapest.monthlyUsd - 1) * 100).toFixed(1);
  return engineText(lang, 'fewerNodesNote', {
    chosen: `${num(c.chosen.nodes)} × ${c.chosen.instance}`,
    cheapest: `${num(c.cheapest.nodes)} × ${c.cheapest.instance}`,
    pct,
    within: LAYOUT_PREFERENCE.fewerNodesWithin * 100,
  });
}

/** The constraint with the largest need; ties go to the first listed (the floor is listed first, so only a real excess names another). */
export function decidingConstraint(needs: Record<string, number>): string {
  let best = '';
  let n = -1;
  for (const [k, v] of Object.entries(needs))
    if (v > n) {
      best = k;
      n = v;
    }
  return best;
}

/**
 * The cheapest of the options; on a tie (within a cent), the fewer, larger nodes. Vendor floors (DataStax's 16-core
 * production node, OpenSearch's master tiers) are constraints or costs of the options themselves; `chooseLayout` starts
 * from this one and adds the limits and the fewer-nodes margin.
 */
function cheapestLayout<E>(options: ReadonlyArray<LayoutOption<E>>): LayoutOption<E> {
  let cheapest = options[0]!;
  for (const o of options) {
    if (o.monthlyUsd < cheapest.monthlyUsd - 0.01 || (Math.abs(o.monthlyUsd - cheapest.monthlyUsd) <= 0.01 && o.nodes < cheapest.nodes)) cheapest = o;
  }
  return cheapest;
}

/** The largest single step of a ladder: the most one more node (or shard) of any size adds to the bill. */
export function largestStepUsd<E>(options: ReadonlyArray<LayoutOption<E>>, stepUsd: (o: LayoutOption<E>) => number): number {
  return Math.max(0, ...options.map(stepUsd));
}

/** An instance type's family: its id without the size (`cache.r6g.large` → `cache.r6g`, `r6g.large.search` → `r6g.search`). */
function family(id: string): string {
  return id
    .split('.')
    .filter((p) => !/^(\d*x?large|medium|small|micro|nano|metal)$/.test(p))
    .join('.');
}

/**
 * The engine's next move from the chosen layout (EngineSizing.nextStepUsd), whichever costs most of: one more node or shard
 * of the chosen size (`unit`); the move to the next larger size of its family, for when the chosen size stops fitting a
 * service limit; the move to any layout with fewer nodes that the fewer-nodes margin could pick at 1% more load (one whose
 * price now is within the margin of the cheapest layout's price at 1% more, rounded up by one of its units) — each a
 * size's layout at this load plus one more of its units, less the chosen layout. Since each size's cost grows by at most
 * 1% plus one unit, the bill at 1% more load is at most 1.01 × (the bill + this).
 */
export function nextStepUsd<E>(options: ReadonlyArray<LayoutOption<E>>, choice: LayoutChoice<E>, unit: (o: LayoutOption<E>) => number): number {
  const { chosen, cheapest } = choice;
  const memory = (o: LayoutOption<E>) => instance(o.instance).memoryGiB;
  const move = (o: LayoutOption<E>) => o.monthlyUsd + unit(o) - chosen.monthlyUsd;
  let step = unit(chosen);
  let next: LayoutOption<E> | undefined;
  for (const o of options)
    if (family(o.instance) === family(chosen.instance) && memory(o) > memory(chosen) && (!next || memory(o) < memory(next))) next = o;
  if (next) step = Math.max(step, move(next));
  const window = (1 + LAYOUT_PREFERENCE.fewerNodesWithin) * (1.01 * cheapest.monthlyUsd + unit(cheapest)) + 0.01;
  for (const o of options) if (o.nodes < chosen.nodes && o.monthlyUsd <= window) step = Math.max(step, move(o));
  return step;
}

/** The ladder from a size on (the same size or larger memory): a tier that has grown does not shrink back the month after. */
export function ladderFrom(ladder: readonly string[], atLeast: string | null | undefined): string[] {
  if (!atLeast || !ladder.includes(atLeast)) return [...ladder];
  const floor = instance(atLeast).memoryGiB;
  return ladder.filter((id) => instance(id).memoryGiB >= floor);
}

/** What a sizing may be told besides the load: the smallest size to consider (the size already running). */
export interface SizingHints {
  atLeast?: string | null;
}

/** The price of one node-month of an instance. */
export function nodeMonthUsd(prices: PriceCatalog, id: string): number {
  return (prices.instanceUsdPerHour[id] ?? instance(id).usdPerHour) * HOURS_PER_MONTH;
}

/** "i4i.xlarge 6 nodes $1,502 · i4i.2xlarge 3 nodes $1,502 ◀": every size compared, the chosen one marked. */
export function ladderSummary(options: ReadonlyArray<LayoutOption>, chosen: LayoutOption, lang: Lang): string {
  return engineText(lang, 'ladderNote', {
    list: options
      .map(
        (o) =>
          `${o.instance} × ${num(o.nodes)} = $${num(Math.round(o.monthlyUsd))}${o.breaks ? ` (${limitName(lang, o.breaks)})` : ''}${o === chosen ? ' ◀' : ''}`,
      )
      .join(' · '),
  });
}

/**
 * Replication traffic between availability zones for a self-managed cluster on EC2: every write goes to `copies − 1`
 * other replicas, placed in other AZs (one replica per AZ is the point of RF 3), billed out of one AZ and into the other.
 */
export function crossAzCost(
  prices: PriceCatalog,
  load: { writesPerSecondAvg: number; recordBytes: number },
  copies: number,
  lang: Lang,
): CostLine | null {
  if (copies <= 1) return null;
  const gb = (load.writesPerSecondAvg * load.recordBytes * (copies - 1) * SECONDS_PER_MONTH) / 1e9;
  const unit = 2 * prices.crossAzUsdPerGbEachWay;
  return {
    item: engineText(lang, 'crossAz', { others: copies - 1 }),
    quantity: round(gb, 2),
    unit: engineText(lang, 'gbMonth'),
    unitUsd: unit,
    monthlyUsd: gb * unit,
  };
}

/** Storage billed at a service's own rate ($/GB-month). */
export function storageCostAt(bytes: number, usdPerGbMonth: number, what: string, lang: Lang): CostLine {
  const gibs = bytes / GIB;
  return { item: what, quantity: round(gibs, 2), unit: engineText(lang, 'gibMonth'), unitUsd: usdPerGbMonth, monthlyUsd: gibs * usdPerGbMonth };
}
