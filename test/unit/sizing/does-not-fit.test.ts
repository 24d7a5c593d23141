// An engine that does not fit its service (a hard limit no size meets) is marked wherever it shows: its own errors,
// ✗ in the traffic table's cell, never the recommendation, and the recommendation's 10× sentence says when the chosen
// engine outgrows its service rather than calling the next one "cheaper".
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { buildSizingReport } from '../../../src/core/report/sizing-model';
import { toSizingText } from '../../../src/core/report/sizing-text';
import { loadWorkloadFile } from '../../../src/core/sizing/workload';
import { recommendationText, type SizingReport } from '../../../src/core/report/sizing-model';
import { sizeDynamoDb } from '../../../src/core/sizing/engines/dynamodb';
import { sizeRedis } from '../../../src/core/sizing/engines/redis';
import type { DataLoad } from '../../../src/core/sizing/llm-workload';
import { DEFAULT_PRICES } from '../../../src/core/sizing/prices';

const LOAD: DataLoad = {
  writesPerSecondAvg: 10,
  writesPerSecondPeak: 40,
  readsPerSecondAvg: 30,
  readsPerSecondPeak: 120,
  recordBytes: 5000,
  maxRecordBytes: 5000,
  storedRecords: 77_760_000,
  storedBytes: 388_800_000_000,
  ttlRecords: 77_760_000,
  ttlBytes: 388_800_000_000,
  concurrentSessions: 500,
  replicationFactor: 3,
  workingSetFraction: 0.2,
  queryLatencyMs: 20,
  trafficFactor: 1,
  elapsedDays: null,
};

describe('an engine that does not fit its service', () => {
  it('DynamoDB: a record over 400 KB is an error (a hard limit), not a warning', () => {
    const e = sizeDynamoDb({ ...LOAD, maxRecordBytes: 500 * 1024 }, DEFAULT_PRICES);
    assert.equal(e.errors.length, 1);
    assert.match(e.errors[0]!, /^the largest record \(512,000 B\) is above DynamoDB's 400 KB item limit/);
    assert.ok(!e.warnings.some((w) => /400 KB/.test(w)));
    assert.deepEqual(sizeDynamoDb(LOAD, DEFAULT_PRICES).errors, []);
  });

  it('the 10× sentence: the recommended engine outgrowing its service is said so, with the engine that fits', () => {
    const dynamo = sizeDynamoDb(LOAD, DEFAULT_PRICES);
    const redis = sizeRedis(LOAD, DEFAULT_PRICES);
    const point = (engine: 'dynamodb' | 'redis', monthlyUsd: number, fits: boolean) => ({
      engine,
      nodes: 0,
      monthlyUsd,
      storedBytes: 0,
      dataNodes: 1,
      dataInstance: null,
      fits,
    });
    const ranking = [
      { engine: 'dynamodb' as const, monthlyUsd: dynamo.monthlyUsd, nodes: 0 },
      { engine: 'redis' as const, monthlyUsd: redis.monthlyUsd, nodes: redis.totalNodes },
    ];
    const traffic = (dynamoFits: boolean): SizingReport['traffic'] => [
      { factor: 10, openaiMonthlyUsd: 0, writesPerSecondPeak: 400, engines: [point('dynamodb', 100, dynamoFits), point('redis', 5_000, true)] },
    ];
    const fits = recommendationText({ engines: [dynamo, redis], traffic: traffic(true), load: LOAD, ranking }, 'en');
    assert.match(fits, /It stays the cheapest at 10× traffic/);
    const outgrown = recommendationText({ engines: [dynamo, redis], traffic: traffic(false), load: LOAD, ranking }, 'en');
    assert.match(outgrown, /At 10× traffic DynamoDB no longer fits its service \(a hard limit, see its section\); Redis does \(\$5,000\/month\)/);
    assert.doesNotMatch(outgrown, /becomes cheaper|stays the cheapest/);
    assert.match(
      recommendationText({ engines: [dynamo, redis], traffic: traffic(false), load: LOAD, ranking }, 'ko'),
      /서비스 한도를 넘어 맞지 않습니다/,
    );
  });

  it('the examples at 100 requests/s per call site kept 10 years: OpenSearch and Redis do not fit, are marked ✗ and not ranked', async function () {
    this.timeout(120_000);
    const ROOT = join(__dirname, '..', '..', '..');
    const result = await analyze({ root: ROOT, paths: ['examples'] });
    const w = loadWorkloadFile(ROOT, { path: join(ROOT, 'examples/ai-infra-advisor.workload.json'), profile: 'high' });
    const big = { ...w, assumptions: { ...w.assumptions, avgRequestsPerSecond: 100, peakRequestsPerSecond: 500, retentionDays: 3650 } };
    const report = buildSizingReport(result, big);
    const errors = Object.fromEntries(report.engines.map((e) => [e.engine, e.errors.length]));
    // ≈ 1.5 PiB kept: OpenSearch needs > 200 instances and > 3 PiB per domain on every size; the Redis hot set > 500 nodes
    assert.deepEqual(errors, { mongodb: 0, cassandra: 0, scylladb: 0, elasticsearch: 1, dynamodb: 0, redis: 1 });
    assert.ok(!report.recommendation!.ranking.some((r) => r.engine === 'elasticsearch'));
    const text = toSizingText(report, { detail: true });
    assert.match(text, /^ {2}Elasticsearch\/OpenSearch .* ✗$/m);
    assert.match(text, /^ {2}Redis .* ✗$/m);
    assert.doesNotMatch(text, /^ {2}DynamoDB .* ✗$/m);
    // every traffic row marks the two engines, and only them
    const rows = text.split('\n').filter((l) => /^ {2}\d+× /.test(l));
    assert.equal(rows.length, 4);
    for (const r of rows) assert.equal((r.match(/✗/g) ?? []).length, 2, r);
    assert.match(text, /✗ does not fit one OpenSearch Service domain/);
    assert.match(text, /✗ does not fit one ElastiCache cluster/);
    // the cache stays in the bill as an estimate, marked
    const cache = report.bill.lines.find((l) => l.kind === 'cache')!;
    assert.match(cache.source, /✗ does not fit one ElastiCache cluster: the closest layout/);
  });
});
