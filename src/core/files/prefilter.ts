// The cheap keyword test that decides whether a file is worth parsing: one regular expression over the text.
// Files without any GPU or LLM identifier are never parsed (most of a workspace). OpenCL C (.cl) is always
// parsed: every .cl file is device code. A call through a client made in another file (`ai.chat.completions.create`)
// is kept by its method path alone.
import type { Language } from '../model/types';

/**
 * An import of the Vercel AI SDK's core package (`import { streamText } from "ai"`): its calls name no provider when the
 * model comes from another file or a gateway id, so the package name is the only word that gives them away.
 */
export const AI_SDK_IMPORT = String.raw`\bfrom\s*['"]ai['"]|\brequire\(\s*['"]ai['"]\s*\)`;

/** The keyword pattern; the bench hands the same source to ripgrep, so keep it in the syntax both engines share. */
export const PREFILTER_PATTERN = String.raw`\b(?:cuda\w*|cu[A-Z]\w*|cl[A-Z]\w*|CL_[A-Z_]+|cupy|cupyx|pycuda|pyopencl|numba|torch|thrust|__global__|openai|OpenAI|AzureOpenAI|langchain\w*|ai-sdk|anthropic|Anthropic|genai|litellm|bedrock-runtime)\b|<<<|\bsk-[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{35}|\.(?:chat\.completions|embeddings|responses)\.create\b|${AI_SDK_IMPORT}`;
const GPU_OR_LLM = new RegExp(PREFILTER_PATTERN);

export function mayBeRelevant(text: string, language: Language): boolean {
  if (language === 'opencl-c') return true;
  return GPU_OR_LLM.test(text);
}

/**
 * Minified or bundled JavaScript: analysing it reports on someone else's code with meaningless positions.
 * A `.min.js` name, or long average lines with little whitespace in a file of some size (the usual bundler output).
 */
export function looksMinified(path: string, text: string): string | null {
  if (/\.min\.[cm]?js$/i.test(path)) return 'minified bundle (.min.js)';
  if (text.length < 20_000) return null;
  let lines = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  const average = text.length / lines;
  if (average <= 300) return null;
  // Long lines of prose (a big prompt in a template string) are not a bundle: minifiers drop the whitespace.
  const sample = text.slice(0, 100_000);
  let spaces = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 32 || sample.charCodeAt(i) === 9) spaces++;
  return spaces / sample.length < 0.08 ? `minified bundle (average line ${Math.round(average)} characters)` : null;
}
