// Shared shapes of an engine sizing: nodes per role with the formula that gave the count, cost lines, and the
// number formatting every "why" uses (so a reader can redo the arithmetic from the text).
import { GIB } from '../../model/units';
import { HOURS_PER_MONTH, INSTANCE_TYPES, type InstanceType, type PriceCatalog } from '../prices';
import type { EngineId } from '../workload';
import type { EngineText } from './engine-text';

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
  /** Limits reached or vendor guidance not met. */
  warnings: string[];
}

export function instance(id: string): InstanceType {
  const t = INSTANCE_TYPES[id];
  if (!t) throw new Error(`unknown instance type '${id}'`);
  return t;
}

export function nodeCost(prices: PriceCatalog, id: string, count: number, what: string, t: EngineText): CostLine {
  const perHour = prices.instanceUsdPerHour[id] ?? instance(id).usdPerHour;
  return { item: t.nodeCost(what, id), quantity: count, unit: t.nodeMonth, unitUsd: perHour * HOURS_PER_MONTH, monthlyUsd: count * perHour * HOURS_PER_MONTH };
}

export function storageCost(prices: PriceCatalog, bytes: number, what: string, t: EngineText): CostLine {
  const gib = bytes / GIB;
  return { item: what, quantity: round(gib, 2), unit: t.gibMonth, unitUsd: prices.blockStorageUsdPerGbMonth, monthlyUsd: gib * prices.blockStorageUsdPerGbMonth };
}

export function finish(e: Omit<EngineSizing, 'totalNodes' | 'monthlyUsd'>): EngineSizing {
  return {
    ...e,
    totalNodes: e.roles.filter((r) => r.dedicated).reduce((n, r) => n + r.count, 0),
    monthlyUsd: e.costLines.reduce((s, c) => s + c.monthlyUsd, 0),
  };
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

/** Bytes as GiB with three significant decimals: the unit capacity formulas use. */
export function gib(bytes: number): string {
  return `${num(bytes / GIB)} GiB`;
}

export function ceil(n: number): number {
  // Guard against 2.0000000000000004 from float arithmetic turning into 3.
  return Math.ceil(Math.round(n * 1e9) / 1e9);
}
