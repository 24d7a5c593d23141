// The public sources behind the sizing figures, by the short id the data tables use internally (shared/SIZING-FACTS.md).
// Reports never show an id: `cite` turns ids into the source's public name and address.

export interface PublicSource {
  name: string;
  url: string;
}

export const SOURCES: Readonly<Record<string, PublicSource>> = Object.freeze({
  D1: {
    name: 'AWS DynamoDB Developer Guide, read/write capacity',
    url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html',
  },
  D2: { name: 'AWS DynamoDB service quotas', url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html' },
  D3: {
    name: 'AWS DynamoDB warm throughput',
    url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/warm-throughput-scenarios.html',
  },
  D4: { name: 'DynamoDB partition guidelines (as quoted by dynamo-utils)', url: 'https://cljdoc.org/d/dynamo-utils/dynamo-utils/0.3.1' },
  D5: { name: 'DynamoDB on-demand pricing', url: 'https://aws.amazon.com/dynamodb/pricing/on-demand/' },
  D6: { name: 'DynamoDB provisioned pricing', url: 'https://aws.amazon.com/dynamodb/pricing/provisioned/' },
  D7: { name: 'DynamoDB pricing', url: 'https://aws.amazon.com/dynamodb/pricing/' },
  C1: {
    name: 'DataStax, planning disk capacity',
    url: 'https://docs.datastax.com/en/cassandra/1.2/cassandra/architecture/architecturePlanningDiskCapacity_t.html',
  },
  C2: { name: 'DataStax, capacity planning', url: 'https://docs.datastax.com/en/planning/oss/oss-capacity-planning.html' },
  C3: {
    name: 'Netflix tech blog 2011, a million writes per second',
    url: 'https://netflixtechblog.com/benchmarking-cassandra-scalability-on-aws-over-a-million-writes-per-second-39f45f066c9e',
  },
  S1: {
    name: 'ScyllaDB benchmark tips',
    url: 'https://github.com/scylladb/scylladb/blob/master/docs/operating-scylla/procedures/tips/benchmark-tips.rst',
  },
  S2: { name: 'ScyllaDB system requirements', url: 'https://github.com/scylladb/scylladb/blob/master/docs/getting-started/system-requirements.rst' },
  M1: { name: 'Percona, WiredTiger cache default', url: 'https://docs.percona.com/percona-monitoring-and-management/' },
  M2: { name: 'MongoDB Atlas, sizing and tier selection', url: 'https://www.mongodb.com/docs/atlas/sizing-tier-selection/' },
  M5: { name: 'MongoDB drivers, connection pools', url: 'https://www.mongodb.com/docs/drivers/java/sync/current/connection/connection-pools/' },
  E1: { name: 'Elasticsearch, size your shards', url: 'https://www.elastic.co/guide/en/elasticsearch/reference/7.17/size-your-shards.html' },
  E2: {
    name: 'Elasticsearch, cluster.max_shards_per_node',
    url: 'https://www.elastic.co/docs/reference/elasticsearch/configuration-reference/miscellaneous-cluster-settings',
  },
  E3: { name: 'Elastic, data tiers disk:RAM', url: 'https://www.elastic.co/docs/deploy-manage/autoops' },
  E4: {
    name: 'Elastic blog, benchmarking and sizing a cluster for logs and metrics',
    url: 'https://www.elastic.co/blog/benchmarking-and-sizing-your-elasticsearch-cluster-for-logs-and-metrics',
  },
  E5: { name: 'Elasticsearch thread pools', url: 'https://www.elastic.co/guide/en/elasticsearch/reference/8.18/modules-threadpool.html' },
  E6: { name: 'search nodes from query rate × latency (INFINI Labs)', url: 'https://blog.csdn.net/infinilabs/article/details/134075375' },
  E7: { name: 'AWS OpenSearch Service, sizing storage', url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/bp-storage.html' },
  E8: { name: 'AWS Well-Architected OpenSearch lens', url: 'https://docs.aws.amazon.com/wellarchitected/latest/amazon-opensearch-service-lens/' },
  OS1: { name: 'AWS OpenSearch Service quotas', url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/limits.html' },
  OS2: {
    name: 'AWS OpenSearch Service, dedicated master nodes',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-dedicatedmasternodes.html',
  },
  S3: {
    name: 'ScyllaDB cloud instance recommendations',
    url: 'https://github.com/scylladb/scylladb/blob/master/docs/getting-started/cloud-instance-recommendations.rst',
  },
  M8: { name: 'MongoDB limits and thresholds', url: 'https://www.mongodb.com/docs/manual/reference/limits/' },
  EC1: { name: 'AWS ElastiCache quotas', url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/quota-limits.html' },
  R1: { name: 'Redis benchmarks', url: 'https://redis.io/docs/latest/operate/oss_and_stack/management/optimization/benchmarks/' },
  R2: { name: 'Redis FAQ, memory', url: 'https://redis.io/docs/latest/develop/get-started/faq/' },
  R4: { name: 'AWS ElastiCache, reserved memory', url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/redis-memory-management.html' },
  NF: { name: 'no vendor figure found', url: '' },
});

/** "(Percona, WiredTiger cache default)" style: the public names of the ids, joined. */
export function cite(...ids: string[]): string {
  return ids.map((id) => SOURCES[id]?.name ?? id).join('; ');
}
