// Korean message templates for every rule, keyed like each rule's `meta.messages`. The placeholders are the same
// ({{name}}); values computed by the rules (sizes, expressions, API names) are inserted as they are.
// test/unit/rules/messages-ko.test.ts checks that every English template has a Korean one with the same placeholders.

export const MESSAGES_KO: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'gpu-exceeds-device-memory': {
    exceeds:
      '이 지점에서 살아 있는 장치 메모리가 {{live}}에 이르러 {{gpu}}의 용량({{capacity}})을 넘습니다{{unknown}}. 들어가는 크기의 청크로 나누어 처리하거나 더 큰 GPU를 대상으로 하세요.',
  },
  'gpu-whole-dataset-upload': {
    large:
      '{{api}}가 {{size}}를 한 번의 호출로 같은 크기의 버퍼에 호스트→장치 복사합니다: {{gpu}}({{capacity}})의 {{share}}로, 청크 기준인 {{threshold}}를 넘습니다. 재사용하는 장치 버퍼 하나로 {{chunk}}씩 {{chunks}}개의 청크로 나누어 스트리밍하세요.',
    unknownSize:
      '{{api}}가 입력 전체({{expr}})를 한 번의 호출로 호스트→장치 복사하며, 그 크기는 실행 시에만 알 수 있습니다({{unknowns}}에 따라 달라짐). {{chunk}}({{gpu}}의 {{threshold}})를 넘는 입력은 {{chunk}}씩 청크로 나누어 스트리밍해야 합니다: 재사용하는 장치 버퍼로 ceil(({{expr}}) / {{chunkBytes}})개의 청크.',
  },
  'gpu-copy-in-loop': {
    copyInLoop:
      '{{api}}가 {{loopLine}}행의 루프{{trips}}에서 반복마다 {{size}}를 {{direction}} 방향으로 복사하며, 매번 같은 버퍼를 처음부터 복사합니다{{total}}{{allocates}}. 루프 밖에서 한 번만 복사하거나, 반복마다 데이터가 바뀐다면 바뀐 부분(오프셋/청크)만 복사하고 스트림으로 복사와 커널을 겹치세요.',
  },
  'gpu-sync-in-loop': {
    syncInLoop:
      '{{loopLine}}행의 루프{{trips}} 안의 {{api}}는 반복마다 GPU가 유휴 상태가 될 때까지 호스트를 멈추게 하므로, 다음 실행이나 복사가 미리 대기열에 들어가지 못합니다. 루프가 끝난 뒤 한 번만 동기화하거나, 필요한 결과에 대한 이벤트만 기다리세요.',
    syncInTimedLoop:
      '{{loopLine}}행의 루프{{trips}} 안의 {{api}}는 반복마다 GPU가 유휴 상태가 될 때까지 호스트를 멈추게 합니다. 이 루프는 바깥에서 시간을 재므로, 측정 시간에 단계마다 호스트 왕복이 들어가고 다음 실행이 미리 대기열에 들어가지 못합니다: 루프가 끝난 뒤, 시계를 읽기 전에 한 번만 동기화하세요.',
  },
  'gpu-alloc-in-loop': {
    allocInLoop:
      '{{api}}가 {{loopLine}}행의 루프{{trips}}에서 반복마다 {{space}} 메모리 {{size}}를 할당합니다. 할당은 느리고 장치를 동기화할 수 있으며 메모리를 단편화합니다: 루프 전에 한 번 할당해 버퍼를 재사용하세요(또는 스트림 순서 풀: cudaMallocAsync, CuPy/PyTorch 캐싱 할당자).',
    allocInTimedLoop:
      '{{api}}가 {{loopLine}}행의 벤치마크 루프{{trips}}의 측정 구간 안에서 반복마다 {{space}} 메모리 {{size}}를 할당합니다: 측정 시간에 커널뿐 아니라 할당도 들어갑니다. 루프 전에 한 번 할당해 버퍼를 재사용하세요(값을 지우려면 memset/fill).',
  },
  'gpu-async-copy-pageable': {
    pageable:
      "{{api}}는 비동기이지만 호스트 버퍼 '{{buffer}}'가 페이지 가능 메모리입니다({{originLine}}행의 {{origin}}): 드라이버가 고정(pinned) 중간 버퍼를 거쳐 복사하므로 커널과 겹칠 수 없습니다. {{remedy}}",
  },
  'gpu-managed-oversubscription': {
    oversubscribed:
      '관리(managed) 할당이 여기서 {{total}}에 이르러 {{gpu}}의 {{capacity}}를 넘는데, 이 파일은 cudaMemPrefetchAsync나 cudaMemAdvise를 호출하지 않습니다: 페이지가 필요할 때마다 폴트로 이동하고 커널이 페이지 폴트에서 멈춥니다. 각 커널이 쓰는 부분을 미리 가져오거나(cudaMemPrefetchAsync) cudaMemAdviseSetPreferredLocation / SetReadMostly를 설정하세요. 더 좋은 방법은 최대 {{budget}}의 청크로 데이터를 처리하는 것입니다.',
  },
  'gpu-missing-free': {
    missingFree:
      "{{api}}가 '{{target}}'에 {{size}}를 할당하지만 이 파일은 이를 해제({{freeApi}})하지 않습니다: 프로세스가 끝날 때까지 메모리가 잡혀 있고, 이 코드가 여러 번 실행되면 매번 누수됩니다.",
  },
  'gpu-unchecked-call': {
    call: '{{api}}가 반환한 상태 값을 버립니다: 실패하면(메모리 부족, 잘못된 인자, 앞선 비동기 오류) 프로그램은 잘못된 포인터나 오래된 데이터로 계속 실행되다가 엉뚱한 곳에서 실패합니다. 반환 값을 확인하세요{{macro}}.',
    calls:
      '{{function}}의 CUDA 호출 {{count}}개가 상태 값을 버립니다({{apis}}): 하나라도 실패하면(메모리 부족, 잘못된 인자, 앞선 비동기 오류) 프로그램은 잘못된 포인터나 오래된 데이터로 계속 실행되다가 엉뚱한 곳에서 실패합니다. 각각 확인하세요{{macro}}. 관련 위치에 모두 나열되어 있습니다.',
    stored:
      '{{api}}가 반환한 상태 값을 {{name}}에 저장하지만, 아무도 읽기 전에 덮어쓰거나 버립니다: 실패하면(메모리 부족, 잘못된 인자, 앞선 비동기 오류) 프로그램은 잘못된 포인터나 오래된 데이터로 계속 실행되다가 엉뚱한 곳에서 실패합니다. 호출 직후 {{name}}을 확인하세요{{macro}}.',
    launch:
      '{{kernel}}의 실행(launch)을 확인하지 않습니다: 잘못된 실행 구성이나 자원 부족은 cudaGetLastError()(또는 다음 동기화 호출의 상태)로만 드러나는데, 이 함수는 실행 후 그 값을 읽지 않습니다.',
  },
  'opencl-buffer-exceeds-max-alloc': {
    exceeds:
      '{{api}}가 {{size}}를 요청하는데, 이는 {{gpu}}의 CL_DEVICE_MAX_MEM_ALLOC_SIZE({{limit}}, {{capacity}}의 {{fraction}})를 넘습니다: {{cudaVerdict}} 생성은 CL_INVALID_BUFFER_SIZE로 실패합니다. 최대 {{limit}}짜리 버퍼 {{parts}}개로 나누거나 데이터를 청크로 처리하세요.',
  },
  'opencl-no-max-alloc-query': {
    aboveMinimum:
      '이 버퍼는 {{size}}로, 모든 OpenCL 장치가 버퍼 하나에 허용해야 하는 {{minimum}}보다 크지만 이 파일은 CL_DEVICE_MAX_MEM_ALLOC_SIZE를 조회하지 않습니다. {{gpu}}는 {{limit}}까지 허용하지만, 메모리가 더 작은 장치는 더 작은 한계를 보고하며 CL_INVALID_BUFFER_SIZE로 실패합니다. 한계를 조회하고(clGetDeviceInfo / device.max_mem_alloc_size) 넘으면 나누거나 청크로 처리하세요.',
    noQuery:
      '이 버퍼의 크기({{expr}})는 실행 시에만 알 수 있는 {{unknowns}}에 따라 달라지는데, 이 파일은 CL_DEVICE_MAX_MEM_ALLOC_SIZE를 조회하지 않습니다. {{gpu}}에서 버퍼 하나는 최대 {{limit}}까지만 가능하며, 더 큰 입력은 CL_INVALID_BUFFER_SIZE로 실패합니다. 한계를 조회하고(clGetDeviceInfo / device.max_mem_alloc_size) 넘으면 나누거나 청크로 처리하세요.',
  },
  'opencl-blocking-transfer-in-loop': {
    blocking:
      '{{loopLine}}행의 루프{{trips}} 안에서 블로킹 {{api}}({{size}})를 호출합니다: 반복마다 복사가 끝날 때까지 기다린 뒤에야 다음 작업을 대기열에 넣으므로 전송이 커널과 겹치지 않습니다. 논블로킹(CL_FALSE / is_blocking=False)으로 넣고 데이터를 쓰는 곳에서만 이벤트를 기다리며, 버퍼 두 개와 큐 두 개로 이중 버퍼링하세요.',
  },
  'opencl-unreleased-mem-object': {
    unreleased:
      "{{api}}가 '{{target}}'({{size}})을 만들지만 이 파일은 clReleaseMemObject({{target}})를 호출하지 않습니다: 컨텍스트가 해제될 때까지 버퍼가 장치 메모리를 차지하고, 반복 호출하면 메모리가 고갈됩니다.",
  },
  'opencl-unchecked-error': {
    status:
      '{{api}}가 반환한 cl_int 상태 값을 버립니다: CL_INVALID_BUFFER_SIZE, CL_OUT_OF_RESOURCES, CL_MEM_OBJECT_ALLOCATION_FAILURE 같은 실패를 알아채지 못하고 잘못된 데이터로 계속 실행됩니다. CL_SUCCESS와 비교하세요.',
    calls:
      '{{function}}의 OpenCL 호출 {{count}}개가 오류 코드를 확인하지 않습니다({{apis}}): CL_INVALID_BUFFER_SIZE, CL_OUT_OF_RESOURCES, CL_MEM_OBJECT_ALLOCATION_FAILURE 같은 실패를 알아채지 못하고 잘못된 데이터로 계속 실행됩니다. 각 상태 값(또는 errcode_ret)을 CL_SUCCESS와 비교하세요. 관련 위치에 모두 나열되어 있습니다.',
    stored:
      '{{api}}의 cl_int 상태 값을 {{name}}에 저장하지만, 아무도 읽기 전에 덮어쓰거나 버립니다: CL_INVALID_BUFFER_SIZE, CL_OUT_OF_RESOURCES, CL_MEM_OBJECT_ALLOCATION_FAILURE 같은 실패를 알아채지 못하고 잘못된 데이터로 계속 실행됩니다. 호출 직후 {{name}}을 CL_SUCCESS와 비교하세요.',
    errcode:
      '{{api}}를 errcode_ret에 NULL을 넘겨 호출하므로, 실패(CL_DEVICE_MAX_MEM_ALLOC_SIZE를 넘는 버퍼의 CL_INVALID_BUFFER_SIZE, CL_OUT_OF_HOST_MEMORY 등)가 나중에 잘못된 핸들로만 드러납니다. &err를 넘기고 확인하세요.',
  },
  'llm-hardcoded-api-key': {
    key: '소스에 API 키 리터럴({{masked}})이 있습니다: 저장소, 로그, 배포된 번들을 읽을 수 있는 누구나 이 계정으로 비용을 쓸 수 있습니다. 환경 변수({{env}})에서 읽고, 이 키는 교체하세요.',
  },
  'llm-missing-max-tokens': {
    unbounded:
      '{{operation}}에 {{param}}이 없습니다: 응답마다 {{model}}의 최대 출력 토큰 {{limit}}개(저장할 텍스트 {{bytes}})까지 갈 수 있어, 호출당 비용의 상한이 {{cost}}뿐입니다. 기능에 필요한 만큼 {{param}}을 설정하세요.',
    unknownModel:
      '{{operation}}에 {{param}}이 없습니다: 여기서는 모델을 알 수 없어 호출당 비용도 응답당 저장 바이트도 상한이 없습니다. 기능에 필요한 만큼 {{param}}을 설정하세요.',
    noModelLimit:
      '{{operation}}에 {{param}}이 없습니다: 응답마다 {{model}} 자체의 출력 한도까지 갈 수 있는데 {{provider}} 가격 데이터에 그 한도가 없어, 호출당 비용도 응답당 저장 바이트도 알려진 상한이 없습니다. 기능에 필요한 만큼 {{param}}을 설정하세요.',
    fromCallers:
      '{{operation}}에 {{param}}이 없고, 옵션은 호출하는 쪽({{callers}})에서 오는데 그쪽도 {{keys}}만 넘깁니다: 여기서는 모델을 알 수 없어 호출당 비용도 응답당 저장 바이트도 상한이 없습니다. 여기나 호출하는 쪽에서 {{param}}을 설정하세요.',
    partial:
      '{{operation}}은 {{condition}}일 때만 {{param}}을 설정합니다: 다른 경로에서는 null을 보내므로 그 응답들은 호출당 비용도 저장 바이트도 상한이 없습니다. 모든 경로에서 {{param}}을 설정하세요.',
    required:
      '{{operation}}에 {{param}}이 없습니다: {{provider}} API는 이 값을 필수로 요구하므로 이 요청은 출력 없이 거부됩니다(HTTP 400, TypeScript SDK에서는 타입 오류). 기능에 필요한 만큼 {{param}}을 설정하세요.',
  },
  'llm-missing-timeout': {
    sdk: '{{api}}에 타임아웃이 없습니다: SDK 기본값은 시도당 {{minutes}}분, 재시도 {{retries}}회이므로 요청 하나가 멈추면 워커를 최대 {{worst}}분 붙잡을 수 있습니다. timeout을 설정하세요{{retryHint}}.',
    http: 'OpenAI API로 가는 {{api}}에 타임아웃이 없습니다: 연결이 멈추면 무한정 기다리며 워커를 붙잡습니다. timeout을 넘기세요.',
    legacyPython:
      '{{api}}에 request_timeout이 없습니다: openai 1.0 미만은 값을 주지 않으면 요청마다 최대 {{minutes}}분을 기다리므로, 요청 하나가 멈추면 워커를 그만큼 붙잡습니다. 호출에 request_timeout=을 넘기세요.',
    legacy:
      '{{api}}에 타임아웃이 없습니다: openai v3(axios 기반)와 openai-edge(fetch 기반)에는 기본 타임아웃이 없어 요청 하나가 멈추면 무한정 기다리며 워커를 붙잡습니다. Configuration의 baseOptions: { timeout }을 설정하거나 요청마다 { timeout } / { signal }을 넘기세요.',
  },
  'llm-call-in-loop': {
    batch:
      '{{operation}}가 오프라인 작업의 {{loopLine}}행 {{loop}}에서 요소마다 한 번씩 실행됩니다{{trips}}: {{cost}}{{total}}. {{batchApi}}는 같은 요청을 {{discount}} 할인({{batchCost}})으로 {{hours}}시간 안에 처리합니다{{max}}.',
    embeddings:
      '{{operation}}가 {{loopLine}}행의 {{loop}}{{trips}} 안에서 요청마다 입력 하나씩 임베딩합니다: 텍스트를 배열 입력 하나로(요청당 최대 {{perRequest}}개) 보내 요청 수를 줄이거나{{requests}}, Batch API로 {{discount}} 할인을 받으세요.',
  },
  'llm-response-not-persisted': {
    dropped:
      '{{operation}}가 {{handlerLine}}행의 {{framework}} 요청 핸들러에서 실행되고, 응답은 한 번 쓰이고 버려집니다: 저장하지도 않고 먼저 캐시를 읽지도 않으므로 같은 질문마다 {{cost}}를 다시 냅니다. 답이 반복된다면 프롬프트 해시를 키로 TTL과 함께 저장하세요.',
  },
  'llm-no-cache-lookup': {
    noLookup:
      '{{operation}}의 결과를 {{store}}({{storeLine}}행)에 쓰지만, 호출 전에 프롬프트를 키로 한 조회가 없습니다: 반복될 때마다 {{cost}}를 다시 내고 {{bytes}}를 또 저장합니다. 먼저 프롬프트(또는 그 해시)를 조회하고, 없을 때만 호출하세요.',
  },
  'llm-results-in-rdbms': {
    rdbms:
      '{{operation}}의 결과({{callLine}}행, 응답당 {{bytes}})를 {{store}}에 씁니다{{helper}}. 관계형 데이터베이스는 서비스 자체 데이터에 두고, API 결과는 TTL이 있는 문서형 또는 키-값 저장소(MongoDB, DynamoDB, Redis)에 두어 스스로 확장되고 만료되게 하세요.',
  },
  'llm-store-without-ttl': {
    noTtl:
      '{{operation}}의 결과({{callLine}}행)를 만료 없이 {{store}}에 씁니다: 호출마다 {{bytes}}가 늘고 아무것도 지우지 않아 저장량이 끝없이 커집니다. 만료시키려면 {{how}}.',
  },
  'llm-embeddings-not-persisted': {
    notStored:
      '{{operation}}가 계산한 임베딩{{model}}{{dims}}을 저장하지 않습니다: 실행할 때마다 같은 텍스트를 다시 계산하고 다시 비용({{cost}})을 냅니다. 각 벡터를 텍스트 해시를 키로 저장하세요(벡터 데이터베이스, 또는 텍스트 옆에 float32로 벡터당 {{vectorBytes}}).',
  },
};
