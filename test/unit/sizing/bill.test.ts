// The whole bill: one total of the recommended database, the Redis cache tier, OpenAI as deployed (Batch API only for
// offline call sites) and the target GPU's AWS instances, on demand and with 1-year commitments where priced.
import assert from 'node:assert/strict';
import { buildBill } from '../../../src/core/sizing/bill';
import type { EngineSizing } from '../../../src/core/sizing/engines';
import { findGpu } from '../../../src/core/sizing/gpu-catalog';
import { isOffline, type CallStream } from '../../../src/core/sizing/llm-workload';

const engine = (id: 'dynamodb' | 'redis', monthlyUsd: number, nodes: number, committedMonthlyUsd: number | null = null): EngineSizing => ({
  engine: id,
  title: id,
  roles: [],
  totalNodes: nodes,
  storedBytes: 0,
  costLines: [],
  monthlyUsd,
  notes: [],
  warnings: [],
  errors: [],
  ladderStepUsd: 0,
  committedMonthlyUsd,
  nextStepUsd: 0,
});

describe('the monthly bill', () => {
  it('Batch API prices only for offline call sites: never a request handler, even one in a loop', () => {
    assert.equal(isOffline('svc/api.ts', { inLoop: true, inHandler: true, function: 'handler' }), false);
    assert.equal(isOffline('svc/api.ts', { inLoop: true, inHandler: false, function: 'embedAll' }), true);
    assert.equal(isOffline('jobs/embed_job.py', { inLoop: false, inHandler: false, function: 'run' }), true);
    assert.equal(isOffline('svc/chat.ts', { inLoop: false, inHandler: false, function: 'nightlyBackfill' }), true);
    assert.equal(isOffline('svc/chat.ts', { inLoop: false, inHandler: false, function: 'answer' }), false);
    // "jobseeker" is not a job
    assert.equal(isOffline('svc/jobseeker.ts', { inLoop: false, inHandler: false, function: 'answer' }), false);
  });

  it('one total: database + cache + OpenAI as deployed + GPU; 1-year prices where known, on demand elsewhere', () => {
    const t4 = findGpu('t4')!;
    const stream = { stored: true, storeInCode: 'redis (ioredis) at line 31' } as CallStream;
    const bill = buildBill({
      engines: [engine('dynamodb', 170, 0), engine('redis', 2397.32, 2)],
      recommended: 'dynamodb',
      streams: [stream],
      load: null,
      openai: { onDemand: 1000, batch: 800, offlineSites: 1 },
      gpu: { target: t4, files: 3, instances: 2 },
    });
    assert.deepEqual(
      bill.lines.map((l) => l.kind),
      ['database', 'cache', 'openai', 'gpu'],
    );
    // g4dn.xlarge: 2 × 0.526 × 730 = 767.96 on demand; 2 × 0.331 × 730 = 483.26 reserved
    const gpu = bill.lines.find((l) => l.kind === 'gpu')!;
    assert.ok(Math.abs(gpu.onDemandUsd! - 767.96) < 1e-6);
    assert.ok(Math.abs(gpu.committedUsd! - 483.26) < 1e-6);
    assert.ok(Math.abs(bill.totalOnDemandUsd - (170 + 2397.32 + 800 + 767.96)) < 1e-6);
    assert.ok(Math.abs(bill.totalCommittedUsd - (170 + 2397.32 + 800 + 483.26)) < 1e-6);
  });

  it("the database and cache lines carry their engine's 1-year figure; an engine without one stands at its on-demand price", () => {
    // Redis: 2 × cache.r6g.4xlarge, 2 × 1.642 × 730 = 2,397.32 on demand, 2 × 1.121 × 730 = 1,636.66 on 1-year reserved nodes
    // (ec2instances.info's ElastiCache table, us-east-1, 2022-02-13); DynamoDB has no sourced 1-year price (null)
    const bill = buildBill({
      engines: [engine('dynamodb', 170, 0), engine('redis', 2397.32, 2, 1636.66)],
      recommended: 'dynamodb',
      streams: [{ stored: true, storeInCode: 'redis (ioredis) at line 31' } as CallStream],
      load: null,
      openai: { onDemand: 0, batch: 0, offlineSites: 0 },
      gpu: { target: findGpu('t4')!, files: 0, instances: undefined },
    });
    const cache = bill.lines.find((l) => l.kind === 'cache')!;
    assert.equal(cache.committedUsd, 1636.66);
    assert.match(cache.source, /1-year: every node at its reserved No Upfront rate, storage and transfer on demand/);
    assert.equal(bill.lines.find((l) => l.kind === 'database')!.committedUsd, null);
    assert.ok(Math.abs(bill.totalOnDemandUsd - (170 + 2397.32)) < 1e-6);
    assert.ok(Math.abs(bill.totalCommittedUsd - (170 + 1636.66)) < 1e-6);
  });

  it('a GPU without an AWS instance is listed, not priced; no Redis line when the code does not cache in Redis', () => {
    const bill = buildBill({
      engines: [engine('dynamodb', 10, 0), engine('redis', 300, 2)],
      recommended: 'dynamodb',
      streams: [{ stored: true, storeInCode: 'mongodb at line 3' } as CallStream],
      load: null,
      openai: { onDemand: 0, batch: 0, offlineSites: 0 },
      gpu: { target: findGpu('rtx4090')!, files: 1, instances: undefined },
    });
    assert.equal(
      bill.lines.some((l) => l.kind === 'cache'),
      false,
    );
    assert.equal(bill.lines.find((l) => l.kind === 'gpu')!.onDemandUsd, null);
    assert.equal(bill.totalOnDemandUsd, 10);
  });

  it('cross-AZ replication: billed inside a self-managed engine, listed unpriced for OpenSearch Service, nothing for DynamoDB', () => {
    const load = { writesPerSecondAvg: 10, recordBytes: 5000, replicationFactor: 3 } as Parameters<typeof buildBill>[0]['load'];
    const base = {
      streams: [],
      load,
      openai: { onDemand: 0, batch: 0, offlineSites: 0 },
      gpu: { target: findGpu('t4')!, files: 0, instances: undefined },
    };
    const cass = { ...engine('dynamodb', 3012.13, 3), engine: 'cassandra' as const };
    assert.equal(
      buildBill({ ...base, engines: [cass], recommended: 'cassandra' }).lines.some((l) => l.kind === 'transfer'),
      false,
    );
    assert.equal(buildBill({ ...base, engines: [engine('dynamodb', 10, 0)], recommended: 'dynamodb' }).crossAzBytes, 0);
    const es = { ...engine('dynamodb', 900, 7), engine: 'elasticsearch' as const };
    const b = buildBill({ ...base, engines: [es], recommended: 'elasticsearch' });
    // 10 writes/s × 5,000 B × 2 other replicas × 2,628,000 s = 262.8e9 B a month
    assert.equal(b.crossAzBytes, 262.8e9);
    assert.equal(b.lines.find((l) => l.kind === 'transfer')!.onDemandUsd, null);
    assert.equal(b.totalOnDemandUsd, 900);
  });
});
