// Every sentence an engine sizing writes (titles, role names, the formula behind each count, what makes it grow, cost
// items, notes and warnings) as a src/core/l10n catalogue: message id -> template per language. The numbers are
// formatted by the engines and passed in as named data; citations are the sources table's.
import { cite } from '../sources';
import { defineMessages, messageOf, translator, type Lang } from '../../l10n';

export const ENGINE_MESSAGES = defineMessages({
  // shared
  nodeMonth: { en: 'node-month', ko: '노드-월' },
  gibMonth: { en: 'GiB-month', ko: 'GiB-월' },
  gbMonth: { en: 'GB-month', ko: 'GB-월' },
  rcuMonth: { en: 'RCU-month', ko: 'RCU-월' },
  wcuMonth: { en: 'WCU-month', ko: 'WCU-월' },
  nodeCost: { en: '{{what}}: {{id}}', ko: '{{what}}: {{id}}' },
  crossAz: messageOf<{ others: number }>({
    en: ({ others }) => `cross-AZ replication traffic (writes × ${others} other replica${others === 1 ? '' : 's'}, $0.01/GB each way)`,
    ko: ({ others }) => `AZ 간 복제 트래픽 (쓰기 × 다른 복제본 ${others}개, 방향마다 GB당 $0.01)`,
  }),
  ebsSnapshots: { en: 'EBS snapshots (one copy of the data, standard tier)', ko: 'EBS 스냅샷 (데이터 사본 1개, 표준 계층)' },
  backupNotPriced: {
    en: "Backups not priced: nodetool snapshots sit on the local NVMe; copies to S3 (e.g. Medusa) are billed at S3's rate, not in the catalog.",
    ko: '백업은 가격에 넣지 않음: nodetool 스냅샷은 로컬 NVMe에 남고, S3로의 복사(예: Medusa)는 카탈로그에 없는 S3 요금으로 청구됩니다.',
  },
  esSnapshotsFree: {
    en: 'Backups: OpenSearch Service keeps hourly automated snapshots for 14 days in its own S3 bucket at no additional charge (AWS OpenSearch Service, index snapshots); in-domain replication between AZs is not priced here.',
    ko: '백업: OpenSearch Service는 매시간 자동 스냅샷을 14일간 자체 S3 버킷에 추가 요금 없이 보관합니다 (AWS OpenSearch Service, 인덱스 스냅샷). 도메인 내부의 AZ 간 복제는 여기서 가격에 넣지 않음.',
  },
  committedNote: messageOf<{ list: string; nodes: string; rest: string | null; total: string; source: string }>({
    en: ({ list, nodes, rest, total, source }) =>
      `with 1-year reserved nodes (No Upfront): ${list} = ${nodes}/month${rest ? `, plus ${rest} on demand that reservations do not cover (storage, snapshots, transfer) = ${total}/month` : ''} (${source})`,
    ko: ({ list, nodes, rest, total, source }) =>
      `1년 예약 노드(선결제 없음) 기준: ${list} = 월 ${nodes}${rest ? `, 예약이 적용되지 않는 항목(스토리지, 스냅샷, 전송) ${rest}은 온디맨드 = 월 ${total}` : ''} (${source})`,
  }),
  noCommittedNote: {
    en: 'no sourced 1-year reserved price for {{ids}}: the total with 1-year commitments carries this engine at its on-demand price',
    ko: '{{ids}}의 1년 예약 가격 출처를 찾지 못함: 1년 약정 합계에는 이 엔진을 온디맨드 가격으로 넣음',
  },
  dynamoNoCommitment: {
    en: 'no sourced 1-year price: DynamoDB reserved capacity covers provisioned read/write capacity only (not on-demand requests, storage or backups), and no reserved-capacity or Database Savings Plans rate is in the catalog; the total with 1-year commitments carries DynamoDB on demand',
    ko: '1년 가격 출처 없음: DynamoDB 예약 용량은 프로비저닝된 읽기/쓰기 용량에만 적용되며(온디맨드 요청, 스토리지, 백업 제외), 예약 용량이나 Database Savings Plans 요율이 카탈로그에 없음; 1년 약정 합계에는 DynamoDB를 온디맨드로 넣음',
  },
  queryNodes: { en: 'query nodes', ko: '쿼리 노드' },
  /** A role's name for a count of one (English plurals; Korean has none). */
  one: messageOf<{ name: string }>({
    en: ({ name }) =>
      (
        ({
          'partitions (managed)': 'partition (managed)',
          nodes: 'node',
          'data nodes': 'data node',
          'shard members': 'shard member',
          'config servers': 'config server',
          'mongos routers': 'mongos router',
          'dedicated master nodes': 'dedicated master node',
          'coordinating-only nodes': 'coordinating-only node',
          'shard nodes (primary + replicas)': 'shard node (primary + replica)',
          'read replicas': 'read replica',
          'cache nodes': 'cache node',
          'query nodes': 'query node',
        }) as Record<string, string>
      )[name] ?? name,
    ko: ({ name }) => `${name}`,
  }),
  ladderNote: { en: 'sizes compared (nodes × size = $/month): {{list}}', ko: '비교한 크기 (노드 × 크기 = 월 $): {{list}}' },
  decided: { en: 'decided by: {{by}}', ko: '결정 요인: {{by}}' },
  fewerNodesNote: {
    en: '{{chosen}} chosen over the cheapest {{cheapest}} (+{{pct}}%): fewer, larger nodes are preferred within {{within}}% of the cheapest',
    ko: '가장 저렴한 {{cheapest}} 대신 {{chosen}} 선택 (+{{pct}}%): 가장 저렴한 안의 {{within}}% 이내에서는 더 적고 큰 노드를 우선',
  },
  'limit.nodesPerCluster': { en: "over ElastiCache's 500 nodes per cluster", ko: 'ElastiCache 클러스터당 노드 500개 초과' },
  'limit.instancesPerDomain': { en: "over OpenSearch Service's 200 instances per domain", ko: 'OpenSearch Service 도메인당 인스턴스 200대 초과' },
  'limit.shardsPerDomain': { en: 'over 75,000 shards per OpenSearch Service domain', ko: 'OpenSearch Service 도메인당 샤드 75,000개 초과' },
  'limit.storagePerDomain': { en: 'over 3 PiB of storage per OpenSearch Service domain', ko: 'OpenSearch Service 도메인당 스토리지 3 PiB 초과' },
  'constraint.replicas': { en: 'the replication floor', ko: '복제 최소 수' },
  'constraint.disk': { en: 'disk', ko: '디스크' },
  'constraint.ops': { en: 'throughput', ko: '처리량' },
  'constraint.memory': { en: 'memory', ko: '메모리' },
  'constraint.cache': { en: 'working set in the WiredTiger cache', ko: 'WiredTiger 캐시 안의 작업 세트' },
  'constraint.shards': { en: 'shards per node', ko: '노드당 샤드' },
  'constraint.search': { en: 'search threads', ko: '검색 스레드' },
  'constraint.storage': { en: 'storage per node', ko: '노드당 스토리지' },
  // MongoDB
  mongoTitle: { en: 'MongoDB (sharded replica sets, self-managed on EC2)', ko: 'MongoDB (샤딩된 복제본 세트, EC2에서 자체 운영)' },
  mongos: { en: 'mongos routers', ko: 'mongos 라우터' },
  mongosWhy: {
    en: "one mongos beside each application server (MongoDB's deployment pattern): ⌈{{sessions}} peak sessions / {{pool}} per driver pool⌉ = {{n}} servers, no nodes of their own",
    ko: '애플리케이션 서버마다 mongos 하나 (MongoDB의 배치 방식): ⌈최대 세션 {{sessions}}개 / 드라이버 풀당 {{pool}}⌉ = 서버 {{n}}대, 전용 노드 없음',
  },
  mongosNone: {
    en: 'one shard: clients connect to the replica set directly, no mongos',
    ko: '샤드 하나: 클라이언트가 복제본 세트에 직접 연결하며 mongos는 없음',
  },
  mongosGrows: { en: 'application servers; appears when a second shard is needed', ko: '애플리케이션 서버 수, 두 번째 샤드가 필요해지면 생김' },
  secondaries: { en: 'secondaries serving reads', ko: '읽기를 처리하는 세컨더리' },
  secondariesWhy: messageOf<{ n: number }>({
    en: ({ n }) =>
      `reads run on the shard members (readPreference secondaryPreferred spreads them over ${n} secondar${n === 1 ? 'y' : 'ies'} per shard); no separate query tier`,
    ko: ({ n }) => `읽기는 샤드 멤버에서 실행됨(readPreference secondaryPreferred가 샤드당 세컨더리 ${n}개에 분산), 별도 쿼리 계층 없음`,
  }),
  secondariesGrows: {
    en: 'read rate beyond what the shard members serve: add members or shards',
    ko: '샤드 멤버가 감당하는 수준을 넘는 읽기율: 멤버나 샤드를 추가',
  },
  shardMembers: { en: 'shard members', ko: '샤드 멤버' },
  shardsWhy: {
    en: 'shards = max(1, ⌈working set {{ws}} / WiredTiger cache {{cache}} GiB⌉ = {{byCache}}, ⌈data {{data}} / {{disk}} GiB per node⌉ = {{byDisk}}) = {{shards}}; × {{members}} replica-set members',
    ko: '샤드 = max(1, ⌈작업 세트 {{ws}} / WiredTiger 캐시 {{cache}} GiB⌉ = {{byCache}}, ⌈데이터 {{data}} / 노드당 {{disk}} GiB⌉ = {{byDisk}}) = {{shards}}, × 복제본 세트 멤버 {{members}}개',
  },
  shardsGrows: { en: 'stored data (retention × write rate) and the working set', ko: '저장 데이터(보존 기간 × 쓰기율)와 작업 세트' },
  configServers: { en: 'config servers', ko: '구성 서버' },
  configWhy: {
    en: 'a {{n}}-member config-server replica set holds the shard metadata',
    ko: '멤버 {{n}}개의 구성 서버 복제본 세트가 샤드 메타데이터를 보관',
  },
  configNone: { en: 'not needed without sharding', ko: '샤딩하지 않으면 필요 없음' },
  configGrows: { en: 'fixed at 3 once sharded', ko: '샤딩 후 3대로 고정' },
  ebsShardMembers: { en: 'EBS gp3 for shard members', ko: '샤드 멤버용 EBS gp3' },
  mongoCacheNote: messageOf<{ inst: string; ram: number; cache: string }>({
    en: ({ inst, ram, cache }) => `WiredTiger cache on ${inst} (${ram} GiB RAM) = max(0.5 × (${ram} − 1), 0.25) = ${cache} GiB (${cite('M1')})`,
    ko: ({ inst, ram, cache }) => `${inst}(RAM ${ram} GiB)의 WiredTiger 캐시 = max(0.5 × (${ram} − 1), 0.25) = ${cache} GiB (${cite('M1')})`,
  }),
  mongoDataNote: {
    en: 'data per copy = {{stored}} × (1 + {{overhead}} index overhead, assumed) = {{perCopy}}; disk per member {{perMember}}',
    ko: '사본당 데이터 = {{stored}} × (1 + 인덱스 오버헤드 {{overhead}}, 가정) = {{perCopy}}, 멤버당 디스크 {{perMember}}',
  },
  mongoNoOps: {
    en: 'No vendor publishes an ops/s-per-node figure for MongoDB: the shard count is set by memory and disk; benchmark the write rate.',
    ko: 'MongoDB에는 공급사가 밝힌 노드당 ops/s 수치가 없음: 샤드 수는 메모리와 디스크로 정해지며, 쓰기율은 벤치마크하세요.',
  },
  // Cassandra / ScyllaDB
  cassandraTitle: { en: 'Apache Cassandra (self-managed on EC2)', ko: 'Apache Cassandra (EC2에서 자체 운영)' },
  scyllaTitle: { en: 'ScyllaDB (self-managed on EC2)', ko: 'ScyllaDB (EC2에서 자체 운영)' },
  coordinators: { en: 'coordinators', ko: '코디네이터' },
  coordinatorsWhy: {
    en: 'every node coordinates the requests it receives; token-aware drivers pick a replica directly',
    ko: '모든 노드가 받은 요청을 코디네이트하며, 토큰 인식 드라이버가 복제본을 직접 고름',
  },
  coordinatorsGrows: { en: 'client connections spread over all nodes', ko: '모든 노드에 분산된 클라이언트 연결' },
  replicasServeWhy: {
    en: 'reads are served by the replicas that own the partition; no separate query tier',
    ko: '읽기는 파티션을 가진 복제본이 처리하며, 별도 쿼리 계층 없음',
  },
  replicasServeGrows: { en: 'read rate, through the data-node count', ko: '읽기율(데이터 노드 수를 통해)' },
  nodes: { en: 'nodes', ko: '노드' },
  wideNodesWhy: {
    en: 'max(RF {{rf}}, ⌈{{onDisk}} on disk / {{usable}} usable per node⌉ = {{byDisk}}, ⌈{{ops}} replica ops/s / {{perNode}} per node⌉ = {{byOps}}) = {{nodes}}',
    ko: 'max(RF {{rf}}, ⌈디스크상 {{onDisk}} / 노드당 사용 가능 {{usable}}⌉ = {{byDisk}}, ⌈복제본 연산 {{ops}}/s / 노드당 {{perNode}}⌉ = {{byOps}}) = {{nodes}}',
  },
  growsThroughputBound: {
    en: 'peak request rate (throughput-bound now), then stored data',
    ko: '최대 요청률(지금은 처리량이 결정), 그다음 저장 데이터',
  },
  growsDiskBound: { en: 'stored data (disk-bound now), then peak request rate', ko: '저장 데이터(지금은 디스크가 결정), 그다음 최대 요청률' },
  nodesLocalNvme: { en: 'nodes (local NVMe, no EBS)', ko: '노드(로컬 NVMe, EBS 없음)' },
  usableDiskNote: { en: 'usable disk per {{inst}} = {{gb}} GB NVMe × {{why}}', ko: '{{inst}}의 노드당 사용 가능 디스크 = NVMe {{gb}} GB × {{why}}' },
  replicaOpsNote: {
    en: 'replica ops/s = peak writes {{writes}} × RF {{rf}} + peak reads {{reads}} × QUORUM {{quorum}} = {{ops}}; {{why}}',
    ko: '복제본 연산/s = 최대 쓰기 {{writes}} × RF {{rf}} + 최대 읽기 {{reads}} × QUORUM {{quorum}} = {{ops}}, {{why}}',
  },
  noCompression: {
    en: 'No compression assumed: LZ4 table compression usually shrinks text 2-4×, so disk-bound counts are an upper bound.',
    ko: '압축은 가정하지 않음: LZ4 테이블 압축은 보통 텍스트를 2-4배 줄이므로, 디스크로 정해진 노드 수는 상한입니다.',
  },
  cassandraUsable: messageOf<{ fs: number; compaction: number }>({
    en: ({ fs, compaction }) => `${fs} (file system) × ${compaction} (size-tiered compaction headroom) (${cite('C1')})`,
    ko: ({ fs, compaction }) => `${fs}(파일 시스템) × ${compaction}(size-tiered 컴팩션 여유) (${cite('C1')})`,
  }),
  cassandraOps: messageOf<{ perVcpu: string; vcpu: number; total: string }>({
    en: ({ perVcpu, vcpu, total }) => `${perVcpu} replica ops/s per vCPU × ${vcpu} vCPU = ${total} per node (${cite('C3')})`,
    ko: ({ perVcpu, vcpu, total }) => `vCPU당 복제본 연산 ${perVcpu}/s × vCPU ${vcpu}개 = 노드당 ${total} (${cite('C3')})`,
  }),
  scyllaUsable: messageOf<{ fraction: number }>({
    en: ({ fraction }) => `${fraction} (size-tiered compaction: keep disks ≤ 50% full) (${cite('S2')})`,
    ko: ({ fraction }) => `${fraction}(size-tiered 컴팩션: 디스크를 50% 이하로 유지) (${cite('S2')})`,
  }),
  scyllaOps: messageOf<{ perCore: string; cores: number; total: string }>({
    en: ({ perCore, cores, total }) => `${perCore} ops/s per physical core × ${cores} cores = ${total} per node (${cite('S1')})`,
    ko: ({ perCore, cores, total }) => `물리 코어당 ${perCore} ops/s × 코어 ${cores}개 = 노드당 ${total} (${cite('S1')})`,
  }),
  scyllaDiskRam: messageOf<{ inst: string; ratio: string; rule: number }>({
    en: ({ inst, ratio, rule }) => `disk:RAM on ${inst} = ${ratio}:1 (≤ 100:1 required, ${rule}:1 rule of thumb, ${cite('S1', 'S2')})`,
    ko: ({ inst, ratio, rule }) => `${inst}의 디스크:RAM = ${ratio}:1 (100:1 이하 필수, 경험칙 ${rule}:1, ${cite('S1', 'S2')})`,
  }),
  scyllaSmallNode: messageOf<{ inst: string; vcpu: number; rec: number }>({
    en: ({ inst, vcpu, rec }) =>
      `${inst} has ${vcpu} vCPU, below the ${rec}-60 logical cores ScyllaDB recommends per node (${cite('S2')}: "any number will fit"; ${cite('S3')} lists i4i from 2 vCPU): enough for this load; as it grows, move to larger nodes (i4i.8xlarge) before adding many small ones`,
    ko: ({ inst, vcpu, rec }) =>
      `${inst}은 vCPU ${vcpu}개로 ScyllaDB가 노드당 권장하는 논리 코어 ${rec}-60개보다 적음 (${cite('S2')}: "어떤 수든 맞음", ${cite('S3')}는 vCPU 2개부터 i4i를 권장): 이 부하에는 충분하며, 부하가 커지면 작은 노드를 많이 더하기 전에 더 큰 노드(i4i.8xlarge)로 옮기세요`,
  }),
  // Elasticsearch / OpenSearch
  esTitle: {
    en: 'Elasticsearch / OpenSearch (AWS OpenSearch Service instance types)',
    ko: 'Elasticsearch / OpenSearch (AWS OpenSearch Service 인스턴스 유형)',
  },
  coordinatingOnly: { en: 'coordinating-only nodes', ko: '코디네이팅 전용 노드' },
  coordinatingWhy: messageOf<{ peak: string; latency: string; pool: number; vcpu: number; n: number; dataCoordinates: boolean }>({
    en: ({ peak, latency, pool, vcpu, n, dataCoordinates }) =>
      `⌈peak ${peak} queries/s × ${latency} ms / 1000 / search pool ${pool} (${vcpu} vCPU)⌉ = ${n}${dataCoordinates ? '; below 2 the data nodes coordinate' : ''} (${cite('E5', 'E6')})`,
    ko: ({ peak, latency, pool, vcpu, n, dataCoordinates }) =>
      `⌈최대 쿼리 ${peak}/s × ${latency} ms / 1000 / 검색 풀 ${pool}(vCPU ${vcpu}개)⌉ = ${n}${dataCoordinates ? ', 2 미만이면 데이터 노드가 코디네이트' : ''} (${cite('E5', 'E6')})`,
  }),
  queryRateGrows: { en: 'peak query rate × query latency', ko: '최대 쿼리율 × 쿼리 지연 시간' },
  searchCapacity: { en: 'search capacity on data nodes', ko: '데이터 노드의 검색 용량' },
  searchWhy: messageOf<{ busy: string; pool: number; inst: string; n: number }>({
    en: ({ busy, pool, inst, n }) =>
      `⌈${busy} busy search threads / pool ${pool} per ${inst}⌉ = ${n} nodes' worth, served by the data nodes (${cite('E6')})`,
    ko: ({ busy, pool, inst, n }) => `⌈바쁜 검색 스레드 ${busy}개 / ${inst}당 풀 ${pool}⌉ = 노드 ${n}대 분량, 데이터 노드가 처리 (${cite('E6')})`,
  }),
  dataNodes: { en: 'data nodes', ko: '데이터 노드' },
  esDataWhy: {
    en: 'max({{copies}} copies, ⌈{{storage}} / {{perNode}} per node⌉ + {{spare}} spare = {{byStorage}}, ⌈{{shards}} shards / {{shardsPerNode}} per node⌉ = {{byShards}}, search {{bySearch}}) = {{n}}',
    ko: 'max(사본 {{copies}}개, ⌈{{storage}} / 노드당 {{perNode}}⌉ + 예비 {{spare}} = {{byStorage}}, ⌈샤드 {{shards}}개 / 노드당 {{shardsPerNode}}⌉ = {{byShards}}, 검색 {{bySearch}}) = {{n}}',
  },
  esStoragePerNode: messageOf<{ inst: string; ram: number; ratio: number; byRam: string; ebs: string; perNode: string }>({
    en: ({ inst, ram, ratio, byRam, ebs, perNode }) =>
      `storage per ${inst} = min(${ram} GiB RAM × ${ratio} disk:RAM = ${byRam}, largest gp3 volume ${ebs}) = ${perNode} (${cite('E3', 'OS1')})`,
    ko: ({ inst, ram, ratio, byRam, ebs, perNode }) =>
      `${inst}당 스토리지 = min(RAM ${ram} GiB × 디스크:RAM ${ratio} = ${byRam}, 최대 gp3 볼륨 ${ebs}) = ${perNode} (${cite('E3', 'OS1')})`,
  }),
  esDataGrows: { en: 'stored data × (replicas + 1), then query rate', ko: '저장 데이터 × (복제본 + 1), 그다음 쿼리율' },
  masters: { en: 'dedicated master nodes', ko: '전용 마스터 노드' },
  mastersWhy: messageOf<{ n: number; inst: string; dataNodes: string; shards: string; domains: number }>({
    en: ({ n, inst, dataNodes, shards, domains }) =>
      `${n} dedicated masters per domain keep cluster state stable (quorum of 2); ${inst} is AWS's recommended minimum for ${dataNodes} data nodes and ${shards} shards${domains > 1 ? ` per domain, × ${domains} domains` : ''} (${cite('OS2')})`,
    ko: ({ n, inst, dataNodes, shards, domains }) =>
      `도메인당 전용 마스터 ${n}대가 클러스터 상태를 안정적으로 유지 (정족수 2), ${inst}은(는) 데이터 노드 ${dataNodes}대·샤드 ${shards}개에 대한 AWS 권장 최소 크기${domains > 1 ? ` (도메인당, 도메인 ${domains}개)` : ''} (${cite('OS2')})`,
  }),
  mastersGrows: {
    en: 'fixed at 3; a larger instance past 10, 30, 75 and 125 data nodes',
    ko: '3대 고정, 데이터 노드가 10, 30, 75, 125대를 넘을 때마다 더 큰 인스턴스',
  },
  mastersCost: { en: 'dedicated masters', ko: '전용 마스터' },
  esEbs: { en: "gp3 storage for data nodes, at OpenSearch Service's own rate", ko: '데이터 노드용 gp3 스토리지 (OpenSearch Service 자체 요금)' },
  esStorageNote: messageOf<{ source: string; replicas: number; overhead: number; storage: string }>({
    en: ({ source, replicas, overhead, storage }) =>
      `storage = ${source} source × (${replicas} replica${replicas === 1 ? '' : 's'} + 1) × ${overhead} overhead = ${storage} (${cite('E4')}; AWS's own factor is ≈ 1.45, ${cite('E7')})`,
    ko: ({ source, replicas, overhead, storage }) =>
      `스토리지 = 원본 ${source} × (복제본 ${replicas} + 1) × 오버헤드 ${overhead} = ${storage} (${cite('E4')}, AWS 자체 계수는 ≈ 1.45, ${cite('E7')})`,
  }),
  esShardsNote: messageOf<{
    source: string;
    shardGb: number;
    primaries: number;
    total: number;
    perNode: string;
    perHeap: number;
    heap: string;
    cap: string;
  }>({
    en: ({ source, shardGb, primaries, total, perNode, perHeap, heap, cap }) =>
      `primary shards = ⌈${source} / ${shardGb} GiB⌉ = ${primaries} (${cite('E8')}), ${total} with replicas; ≤ ${perNode} per node = min(${perHeap} × ${heap} GiB heap (50% of RAM, at most 32 GiB), ${cap}) (AWS's rule, ${cite('E8', 'OS1')}; Elastic's 7.x guide said 20 per GB of heap, ${cite('E1')})`,
    ko: ({ source, shardGb, primaries, total, perNode, perHeap, heap, cap }) =>
      `프라이머리 샤드 = ⌈${source} / ${shardGb} GiB⌉ = ${primaries} (${cite('E8')}), 복제본 포함 ${total}, 노드당 ≤ ${perNode} = min(${perHeap} × 힙 ${heap} GiB (RAM의 50%, 최대 32 GiB), ${cap}) (AWS 기준, ${cite('E8', 'OS1')}, Elastic 7.x 가이드는 힙 GB당 20, ${cite('E1')})`,
  }),
  esDoesNotFit: messageOf<{ nodes: string; inst: string; shards: string; max: number; maxShards: string }>({
    en: ({ nodes, inst, shards, max, maxShards }) =>
      `does not fit one OpenSearch Service domain: even on the largest size (${inst}) it needs ${nodes} data and coordinating nodes and ${shards} shards, above ${max} instances, ${maxShards} shards or 3 PiB of storage per domain (${cite('OS1', 'OS2')}); split the indexes over several domains (each with its own masters, queried by cross-cluster search) or keep less (shorter retention, fewer replicas)`,
    ko: ({ nodes, inst, shards, max, maxShards }) =>
      `OpenSearch Service 도메인 하나에 맞지 않음: 가장 큰 크기(${inst})로도 데이터·코디네이팅 노드 ${nodes}대와 샤드 ${shards}개가 필요해 도메인당 인스턴스 ${max}대, 샤드 ${maxShards}개 또는 스토리지 3 PiB를 넘음 (${cite('OS1', 'OS2')}). 인덱스를 여러 도메인으로 나누거나(도메인마다 마스터, 교차 클러스터 검색) 보관량을 줄이세요 (보존 기간, 복제본 수)`,
  }),
  esQuota: messageOf<{ nodes: string; def: number; max: number }>({
    en: ({ nodes, def, max }) =>
      `${nodes} data nodes are above OpenSearch Service's default ${def} instances per domain: request a quota increase (up to ${max}) (${cite('OS1')})`,
    ko: ({ nodes, def, max }) =>
      `데이터 노드 ${nodes}대는 OpenSearch Service의 기본 도메인당 인스턴스 ${def}대를 넘음: 할당량 증가를 요청하세요 (최대 ${max}) (${cite('OS1')})`,
  }),
  esNoIndexRate: {
    en: 'No vendor publishes a docs/s-per-node figure for indexing: benchmark the write rate.',
    ko: '인덱싱에 대한 공급사의 노드당 docs/s 수치 없음: 쓰기율은 벤치마크하세요.',
  },
  // DynamoDB
  dynamoTitle: messageOf<{ mode: 'provisioned' | 'on-demand' }>({
    en: ({ mode }) => `Amazon DynamoDB (${mode}, chosen as the cheaper mode)`,
    ko: ({ mode }) => `Amazon DynamoDB (${mode === 'provisioned' ? '프로비저닝' : '온디맨드'}, 더 저렴한 모드로 선택)`,
  }),
  onDemandReads: { en: 'on-demand reads (eventually consistent)', ko: '온디맨드 읽기(최종 일관성)' },
  onDemandWrites: { en: 'on-demand writes', ko: '온디맨드 쓰기' },
  millionReadUnits: { en: 'million read request units', ko: '백만 읽기 요청 단위' },
  millionWriteUnits: { en: 'million write request units', ko: '백만 쓰기 요청 단위' },
  provisionedReads: { en: 'provisioned read capacity', ko: '프로비저닝된 읽기 용량' },
  provisionedWrites: { en: 'provisioned write capacity', ko: '프로비저닝된 쓰기 용량' },
  storageBeyondFree: { en: 'storage beyond the free {{gb}} GB', ko: '무료 {{gb}} GB를 넘는 스토리지' },
  dynamoItemTooBig: {
    en: "the largest record ({{bytes}} B) is above DynamoDB's 400 KB item limit: store the body in S3 and the key in DynamoDB",
    ko: '가장 큰 레코드({{bytes}} B)가 DynamoDB의 400 KB 항목 한도를 넘음: 본문은 S3에, 키는 DynamoDB에 저장하세요',
  },
  dynamoPitr: { en: 'point-in-time recovery (continuous backups)', ko: '특정 시점 복구 (연속 백업)' },
  mongoDocTooBig: messageOf<{ bytes: string }>({
    en: ({ bytes }) =>
      `the largest record (${bytes} B) is above MongoDB's 16 MiB BSON document limit (${cite('M8')}): store the body in GridFS or object storage`,
    ko: ({ bytes }) =>
      `가장 큰 레코드(${bytes} B)가 MongoDB의 16 MiB BSON 문서 한도를 넘음 (${cite('M8')}): 본문은 GridFS나 객체 스토리지에 저장하세요`,
  }),
  mongoTooManyMembers: messageOf<{ n: number }>({
    en: ({ n }) => `${n} copies need ${n} replica-set members, above MongoDB's 50 members per replica set (${cite('M8')})`,
    ko: ({ n }) => `사본 ${n}개에는 복제 세트 멤버 ${n}개가 필요해 MongoDB의 복제 세트당 50개 한도를 넘음 (${cite('M8')})`,
  }),
  dynamoTableQuota: {
    en: 'peak {{rru}} read / {{wru}} write units/s is above the default {{quota}} per table: request a quota increase before launch',
    ko: '최대 읽기 {{rru}} / 쓰기 {{wru}} 단위/s가 테이블당 기본 {{quota}}를 넘음: 출시 전에 할당량 증가를 요청하세요',
  },
  requestRouters: { en: 'request routers', ko: '요청 라우터' },
  awsEndpoint: { en: 'managed by AWS: clients call the HTTPS endpoint', ko: 'AWS가 관리: 클라이언트는 HTTPS 엔드포인트를 호출' },
  nothingToRun: { en: 'nothing to run', ko: '운영할 것 없음' },
  awsReads: { en: 'managed by AWS: reads are billed per request unit', ko: 'AWS가 관리: 읽기는 요청 단위로 과금' },
  awsReadsGrows: { en: 'nothing to run; cost grows with reads', ko: '운영할 것 없음, 비용은 읽기에 따라 증가' },
  partitions: { en: 'partitions (managed)', ko: '파티션(관리형)' },
  partitionsWhy: messageOf<{ storage: string; rcu: string; wcu: string; n: number }>({
    en: ({ storage, rcu, wcu, n }) =>
      `max(⌈${storage} / 10 GB⌉, ⌈${rcu} RCU / 3,000 + ${wcu} WCU / 1,000⌉) = ${n} (${cite('D3', 'D4')}); partitions never merge`,
    ko: ({ storage, rcu, wcu, n }) =>
      `max(⌈${storage} / 10 GB⌉, ⌈${rcu} RCU / 3,000 + ${wcu} WCU / 1,000⌉) = ${n} (${cite('D3', 'D4')}), 파티션은 병합되지 않음`,
  }),
  partitionsGrows: { en: 'stored data and provisioned throughput', ko: '저장 데이터와 프로비저닝된 처리량' },
  dynamoItemNote: messageOf<{ item: string; rru: string; wru: string }>({
    en: ({ item, rru, wru }) =>
      `item ≈ ${item} B: ⌈${item} / 4,096⌉ × 0.5 = ${rru} RRU per eventually consistent read, ⌈${item} / 1,024⌉ = ${wru} WRU per write (${cite('D1')})`,
    ko: ({ item, rru, wru }) =>
      `항목 ≈ ${item} B: ⌈${item} / 4,096⌉ × 0.5 = 최종 일관성 읽기당 ${rru} RRU, ⌈${item} / 1,024⌉ = 쓰기당 ${wru} WRU (${cite('D1')})`,
  }),
  dynamoOnDemandNote: messageOf<{ reads: string; rru: string; readPrice: number; writes: string; wru: string; writePrice: number; total: string }>({
    en: ({ reads, rru, readPrice, writes, wru, writePrice, total }) =>
      `on-demand = 2,628,000 s × (${reads} reads/s × ${rru} × $${readPrice}/M + ${writes} writes/s × ${wru} × $${writePrice}/M) = $${total}/month (${cite('D5')})`,
    ko: ({ reads, rru, readPrice, writes, wru, writePrice, total }) =>
      `온디맨드 = 2,628,000 s × (읽기 ${reads}/s × ${rru} × $${readPrice}/M + 쓰기 ${writes}/s × ${wru} × $${writePrice}/M) = 월 $${total} (${cite('D5')})`,
  }),
  dynamoProvisionedNote: messageOf<{ target: number; rcu: string; rcuPrice: number; wcu: string; wcuPrice: number; total: string }>({
    en: ({ target, rcu, rcuPrice, wcu, wcuPrice, total }) =>
      `provisioned for the peak at ${target}% target use: ${rcu} RCU × $${rcuPrice}/h + ${wcu} WCU × $${wcuPrice}/h × 730 h = $${total}/month (${cite('D6')})`,
    ko: ({ target, rcu, rcuPrice, wcu, wcuPrice, total }) =>
      `최대 부하를 목표 사용률 ${target}%로 프로비저닝: ${rcu} RCU × $${rcuPrice}/h + ${wcu} WCU × $${wcuPrice}/h × 730 h = 월 $${total} (${cite('D6')})`,
  }),
  dynamoStorageNote: {
    en: 'storage = {{stored}} + {{items}} items × {{overhead}} B overhead = {{total}}; DynamoDB keeps 3 copies across AZs inside that price',
    ko: '스토리지 = {{stored}} + 항목 {{items}}개 × 오버헤드 {{overhead}} B = {{total}}, DynamoDB는 이 가격 안에서 AZ에 걸쳐 사본 3개를 보관',
  },
  // Redis
  redisTitle: { en: 'Redis as a cache tier (Amazon ElastiCache)', ko: '캐시 계층으로서의 Redis (Amazon ElastiCache)' },
  proxies: { en: 'proxies', ko: '프록시' },
  proxiesWhy: {
    en: 'cluster-aware clients route by hash slot; no proxy tier',
    ko: '클러스터 인식 클라이언트가 해시 슬롯으로 라우팅하며, 프록시 계층 없음',
  },
  proxiesGrows: { en: 'client connections per shard', ko: '샤드당 클라이언트 연결' },
  readReplicas: { en: 'read replicas', ko: '읽기 복제본' },
  readReplicasWhy: messageOf<{ n: number }>({
    en: ({ n }) => `${n} replica${n === 1 ? '' : 's'} per shard also serve${n === 1 ? 's' : ''} reads (counted with the data nodes)`,
    ko: ({ n }) => `샤드당 복제본 ${n}개가 읽기도 처리 (데이터 노드에 포함해 셈)`,
  }),
  readRate: { en: 'read rate', ko: '읽기율' },
  shardNodes: { en: 'shard nodes (primary + replicas)', ko: '샤드 노드(프라이머리 + 복제본)' },
  redisShardsWhy: {
    en: 'shards = max(1, ⌈{{perCopy}} / ({{ram}} GiB × {{usable}})⌉ = {{byMemory}}, ⌈{{ops}} ops/s / {{perShard}} per shard⌉ = {{byOps}}) = {{shards}}; × {{copies}} copies',
    ko: '샤드 = max(1, ⌈{{perCopy}} / ({{ram}} GiB × {{usable}})⌉ = {{byMemory}}, ⌈{{ops}} ops/s / 샤드당 {{perShard}}⌉ = {{byOps}}) = {{shards}}, × 사본 {{copies}}개',
  },
  redisShardsGrows: {
    en: 'keys held (write rate × TTL or retention) and peak operations',
    ko: '보관 키 수(쓰기율 × TTL 또는 보존 기간)와 최대 연산',
  },
  cacheNodes: { en: 'cache nodes', ko: '캐시 노드' },
  redisMemoryNote: {
    en: "memory per copy = {{keys}} keys × ({{overhead}} B per key (Redis FAQ) + {{value}} B value allocated as {{allocated}} B, jemalloc's size class) = {{perCopy}}; ElastiCache keeps 25% reserved",
    ko: '사본당 메모리 = 키 {{keys}}개 × (키당 {{overhead}} B (Redis FAQ) + 값 {{value}} B를 jemalloc 크기 등급 {{allocated}} B로 할당) = {{perCopy}}, ElastiCache는 25%를 예약',
  },
  redisHotSet: {
    en: 'keys = {{ttl}} written with a TTL (held whole) + {{noTtl}} without × {{ws}} working set = {{hot}}: the cache holds the hot set, the store keeps the rest',
    ko: '키 = TTL로 쓴 {{ttl}}개 (전부 보관) + TTL 없는 {{noTtl}}개 × 작업 세트 {{ws}} = {{hot}}: 캐시는 자주 쓰는 부분만, 나머지는 저장소가 보관',
  },
  redisEvictionLru: {
    en: "maxmemory-policy allkeys-lru: some keys carry no TTL, and ElastiCache's default volatile-lru evicts only keys with a TTL, so a full cache would fail writes",
    ko: 'maxmemory-policy allkeys-lru: TTL 없는 키가 있는데 ElastiCache 기본값 volatile-lru는 TTL 있는 키만 내보내므로, 캐시가 차면 쓰기가 실패함',
  },
  redisEvictionTtl: {
    en: "every key carries a TTL: ElastiCache's default volatile-lru can evict any of them; the TTLs bound the keyspace",
    ko: '모든 키에 TTL이 있음: ElastiCache 기본값 volatile-lru로 어느 키든 내보낼 수 있고, TTL이 키 공간을 제한함',
  },
  redisDoesNotFit: messageOf<{ nodes: string; inst: string; max: number }>({
    en: ({ nodes, inst, max }) =>
      `does not fit one ElastiCache cluster: even on the largest node (${inst}) the cache needs ${nodes} nodes, above ElastiCache's ${max} nodes per cluster (${cite('EC1')}); cache less (a shorter TTL, a smaller working set) or split the keyspace over clusters in the application`,
    ko: ({ nodes, inst, max }) =>
      `ElastiCache 클러스터 하나에 맞지 않음: 가장 큰 노드(${inst})로도 노드 ${nodes}개가 필요해 클러스터당 ${max}개 한도를 넘음 (${cite('EC1')}). 캐시할 양을 줄이거나(더 짧은 TTL, 더 작은 작업 세트) 애플리케이션에서 키 공간을 여러 클러스터로 나누세요`,
  }),
  redisValueTooBig: {
    en: "a value of {{bytes}} B is above Redis's 512 MB string limit: store it elsewhere and cache a reference",
    ko: '{{bytes}} B 값은 Redis 문자열 한도 512 MB를 넘음: 다른 곳에 저장하고 참조만 캐시하세요',
  },
  redisQuota: {
    en: "{{nodes}} nodes are above ElastiCache's default {{def}} nodes per cluster: request a quota increase (up to {{max}})",
    ko: '노드 {{nodes}}개는 ElastiCache의 기본 클러스터당 {{def}}개를 넘음: 할당량 증가를 요청하세요 (최대 {{max}})',
  },
});

export const engineText = translator(ENGINE_MESSAGES);

/** The word for a sizing constraint id (what decided a node count); an id without one is shown as it is. */
export function constraintName(lang: Lang, id: string): string {
  const key = `constraint.${id}`;
  return Object.prototype.hasOwnProperty.call(ENGINE_MESSAGES, key) ? engineText(lang, key as `constraint.${'replicas'}`) : id;
}

/** The words for a service limit id a layout breaks; an id without them is shown as it is. */
export function limitName(lang: Lang, id: string): string {
  const key = `limit.${id}`;
  return Object.prototype.hasOwnProperty.call(ENGINE_MESSAGES, key) ? engineText(lang, key as `limit.${'nodesPerCluster'}`) : id;
}
