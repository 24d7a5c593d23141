// Growth that accumulates: month m stores what every earlier month wrote at its own traffic and still keeps, not
// month m's rate × the days kept (which with 20%/month growth and a year's retention overstates month 12 by 125%).
import assert from 'node:assert/strict';
import type { EngineSizing } from '../../../src/core/sizing/engines';
import { accumulatedTrafficDays, DAYS_PER_MONTH } from '../../../src/core/sizing/llm-workload';
import { growthSteps, type SizingReport } from '../../../src/core/report/sizing-model';

describe('growth by month', () => {
  it('a year kept at 20%/month growth: Σ 1.2^(j−1) months of traffic, not 1.2^11 × 12 months', () => {
    const days = accumulatedTrafficDays(400, 12, 0.2);
    const geometric = (DAYS_PER_MONTH * (1.2 ** 12 - 1)) / 0.2;
    assert.ok(Math.abs(days - geometric) < 1e-6, `${days} vs ${geometric}`);
    const old = 1.2 ** 11 * 12 * DAYS_PER_MONTH;
    // the old model's month 12 held 2.25× the data actually written (+125%)
    assert.equal((old / days).toFixed(2), '2.25');
  });

  it("retention shorter than a month keeps only the last days, at the last month's traffic", () => {
    assert.ok(Math.abs(accumulatedTrafficDays(30, 12, 0.2) - 30 * 1.2 ** 11) < 1e-9);
    // a retention spanning part of two months weighs each month by its own traffic
    const d = accumulatedTrafficDays(DAYS_PER_MONTH * 1.5, 3, 0.1);
    assert.ok(Math.abs(d - (0.5 * DAYS_PER_MONTH * 1.1 + DAYS_PER_MONTH * 1.21)) < 1e-9);
  });

  it("without growth, month m holds min(retention, m months) of today's traffic", () => {
    assert.ok(Math.abs(accumulatedTrafficDays(90, 2, 0) - 2 * DAYS_PER_MONTH) < 1e-9);
    assert.ok(Math.abs(accumulatedTrafficDays(90, 12, 0) - 90) < 1e-9);
  });

  it('one step per change of the data tier, started a month ahead; none for a serverless engine', () => {
    const engine = (id: 'cassandra' | 'dynamodb', dedicated: boolean): EngineSizing => ({
      engine: id,
      title: id,
      roles: [{ role: 'data', name: 'nodes', count: 3, instance: 'i4i.2xlarge', dedicated, why: '', grows: '' }],
      totalNodes: 3,
      storedBytes: 0,
      costLines: [],
      monthlyUsd: 0,
      notes: [],
      warnings: [],
      errors: [],
      ladderStepUsd: 0,
      committedMonthlyUsd: null,
      nextStepUsd: 0,
    });
    const month = (m: number, nodes: number, instance: string) => ({
      month: m,
      trafficFactor: 1,
      storedBytes: 0,
      writesPerSecondAvg: 0,
      engines: [
        { engine: 'cassandra' as const, nodes, monthlyUsd: 0, storedBytes: 0, dataNodes: nodes, dataInstance: instance, fits: true },
        { engine: 'dynamodb' as const, nodes: 0, monthlyUsd: 0, storedBytes: 0, dataNodes: m, dataInstance: null, fits: true },
      ],
    });
    const months: SizingReport['months'] = [
      month(1, 3, 'i4i.2xlarge'),
      month(2, 3, 'i4i.2xlarge'),
      month(3, 3, 'i4i.4xlarge'),
      month(4, 6, 'i4i.4xlarge'),
    ];
    const steps = growthSteps([engine('cassandra', true), engine('dynamodb', false)], months);
    assert.deepEqual(
      steps.map((s) => [s.engine, s.month, s.actBy, s.fromNodes, s.toNodes, s.toInstance]),
      [
        ['cassandra', 3, 2, 3, 3, 'i4i.4xlarge'],
        ['cassandra', 4, 3, 3, 6, 'i4i.4xlarge'],
      ],
    );
  });
});
