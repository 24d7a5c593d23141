// The cheap keyword test that decides whether a file is worth parsing: one regular expression over the text.
// Files without any GPU or LLM identifier are never parsed (most of a workspace). OpenCL C (.cl) is always
// parsed: every .cl file is device code.
import type { Language } from '../model/types';

const GPU_OR_LLM = /\b(?:cuda\w*|cu[A-Z]\w*|cl[A-Z]\w*|CL_[A-Z_]+|cupy|cupyx|pycuda|pyopencl|numba|torch|thrust|__global__|openai|OpenAI|AzureOpenAI|langchain\w*|ai-sdk)\b|<<</;

export function mayBeRelevant(text: string, language: Language): boolean {
  if (language === 'opencl-c') return true;
  return GPU_OR_LLM.test(text);
}
