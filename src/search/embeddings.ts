// Embeddings for hybrid search, from OpenAI, Azure OpenAI or any OpenAI-compatible server.
import type OpenAI from 'openai';
import type { Config } from '../config.ts';

export type Embedder = (texts: string[]) => Promise<number[][]>;

/** Inputs per embeddings request. */
const BATCH = 256;

/** An embedder when an embeddings model is configured, else null (text search only). */
export function createEmbedder(config: Config): Embedder | null {
  if (!config.OPENAI_EMBEDDING_MODEL || !config.llmEnabled) return null;
  const common = { timeout: config.OPENAI_TIMEOUT_MS, maxRetries: 1 };
  // The client library is loaded when first used: a process without embeddings (most) starts
  // about 0.3 s sooner without it.
  let client: Promise<OpenAI> | undefined;
  const api = () =>
    (client ??= import('openai').then(({ default: OpenAIClient, AzureOpenAI }) =>
      config.AZURE_OPENAI_ENDPOINT
        ? new AzureOpenAI({
            ...common,
            endpoint: config.AZURE_OPENAI_ENDPOINT,
            apiKey: config.AZURE_OPENAI_API_KEY,
            apiVersion: config.AZURE_OPENAI_API_VERSION,
          })
        : new OpenAIClient({
            ...common,
            apiKey: config.OPENAI_API_KEY ?? 'not-needed',
            baseURL: config.OPENAI_BASE_URL,
          }),
    ));
  const model = config.OPENAI_EMBEDDING_MODEL;
  return async (texts) => {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += BATCH) {
      const res = await (await api()).embeddings.create({ model, input: texts.slice(i, i + BATCH) });
      for (const d of [...res.data].sort((a, b) => a.index - b.index)) out.push(d.embedding);
    }
    return out;
  };
}
