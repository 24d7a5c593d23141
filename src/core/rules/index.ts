// The explicit rule registry: adding a rule means a file here, a line below, a test and a docs page.
import type { Rule } from './rule';
import { rule as gpuExceedsDeviceMemory } from './gpu-exceeds-device-memory';
import { rule as gpuWholeDatasetUpload } from './gpu-whole-dataset-upload';
import { rule as gpuCopyInLoop } from './gpu-copy-in-loop';
import { rule as gpuSyncInLoop } from './gpu-sync-in-loop';
import { rule as gpuAllocInLoop } from './gpu-alloc-in-loop';
import { rule as gpuAsyncCopyPageable } from './gpu-async-copy-pageable';
import { rule as gpuManagedOversubscription } from './gpu-managed-oversubscription';
import { rule as gpuMissingFree } from './gpu-missing-free';
import { rule as gpuUncheckedCall } from './gpu-unchecked-call';
import { rule as openclBufferExceedsMaxAlloc } from './opencl-buffer-exceeds-max-alloc';
import { rule as openclNoMaxAllocQuery } from './opencl-no-max-alloc-query';
import { rule as openclBlockingTransferInLoop } from './opencl-blocking-transfer-in-loop';
import { rule as openclUnreleasedMemObject } from './opencl-unreleased-mem-object';
import { rule as openclUncheckedError } from './opencl-unchecked-error';
import { rule as llmHardcodedApiKey } from './llm-hardcoded-api-key';
import { rule as llmMissingMaxTokens } from './llm-missing-max-tokens';
import { rule as llmMissingTimeout } from './llm-missing-timeout';
import { rule as llmCallInLoop } from './llm-call-in-loop';
import { rule as llmResponseNotPersisted } from './llm-response-not-persisted';
import { rule as llmNoCacheLookup } from './llm-no-cache-lookup';
import { rule as llmResultsInRdbms } from './llm-results-in-rdbms';
import { rule as llmStoreWithoutTtl } from './llm-store-without-ttl';
import { rule as llmEmbeddingsNotPersisted } from './llm-embeddings-not-persisted';

export const RULES: readonly Rule[] = [
  gpuExceedsDeviceMemory,
  gpuWholeDatasetUpload,
  gpuCopyInLoop,
  gpuSyncInLoop,
  gpuAllocInLoop,
  gpuAsyncCopyPageable,
  gpuManagedOversubscription,
  gpuMissingFree,
  gpuUncheckedCall,
  openclBufferExceedsMaxAlloc,
  openclNoMaxAllocQuery,
  openclBlockingTransferInLoop,
  openclUnreleasedMemObject,
  openclUncheckedError,
  llmHardcodedApiKey,
  llmMissingMaxTokens,
  llmMissingTimeout,
  llmCallInLoop,
  llmResponseNotPersisted,
  llmNoCacheLookup,
  llmResultsInRdbms,
  llmStoreWithoutTtl,
  llmEmbeddingsNotPersisted,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);
