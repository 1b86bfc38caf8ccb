// The answerer the CLI and the bot use: the record loaded from the store (updated in place when the
// record changes), the offline answer, and — when an LLM is configured — a grounded answer over the same
// passages, falling back to the offline answer on any error.
import { osloToday, systemClock, type Clock } from '../meetings/clock.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createEmbedder } from '../search/embeddings.ts';
import type { Store } from '../store/types.ts';
import { loadLibrary, type Library } from './library.ts';
import { answerOffline } from './offline.ts';
import { understand, type Question } from './question.ts';
import { timeline } from './history.ts';
import { rankCases } from './rank.ts';
import { earlierTreatments } from './related.ts';
import type { Answer, Answerer, AskOptions } from './types.ts';

export interface AnswererDeps {
  store: Store;
  config: Config;
  logger: Logger;
  /**
   * Whether to be told of record changes as they happen (a long-running bot). A command that asks
   * and exits gains nothing by it: each question compares the revision anyway.
   */
  followChanges?: boolean;
  /** What "the next meeting" is counted from; the system clock unless a test moves its own. */
  clock?: Pick<Clock, 'now'>;
}

/** How long a question waits for the record to be brought up to date before it is answered as it stood. */
const FRESH_WAIT_MS = 2_000;

export async function createAnswerer(deps: AnswererDeps): Promise<Answerer> {
  const embed = createEmbedder(deps.config);
  // Without working embeddings the index is text-only: a vector failure must not stop answers.
  const loadWithFallback = (): Promise<Library> =>
    loadLibrary(deps.store, embed).catch((err: unknown) => {
      if (!embed) throw err;
      deps.logger.warn(
        { err: err instanceof Error ? err.message : String(err) },
        'embeddings failed; text search only',
      );
      return loadLibrary(deps.store);
    });
  // Loading runs in the background; a failure (the store closed under it at shutdown) reaches the
  // next question instead of stopping the process as an unhandled rejection.
  const load = (): Promise<Library> => {
    const loading = loadWithFallback();
    loading.catch((err: unknown) => deps.logger.warn({ err }, 'the record could not be loaded'));
    return loading;
  };
  const ready = load();
  const grounded = deps.config.llmEnabled
    ? (await import('./llm.ts')).createGroundedWriter(deps.config, deps.logger)
    : null;

  // When the record moved (an ingest, a Teams upload, a new innspill), the library is updated in
  // place for the saker that changed — once, however many questions come meanwhile.
  let refreshing: Promise<unknown> | null = null;
  /** The latest revision the store told of. */
  let told = 0;
  const refresh = (lib: Library): Promise<unknown> =>
    (refreshing ??= lib
      .refresh()
      .then(
        () => {
          // A change told while this update ran is taken up right after it.
          if (lib.revision < told) setImmediate(() => void refresh(lib));
        },
        (err: unknown) => deps.logger.warn({ err }, 'the record could not be updated'),
      )
      .finally(() => {
        refreshing = null;
      }));

  // Told of each change (by NOTIFY on PostgreSQL), the library is updated before the next question
  // comes, so that question does not wait for it.
  if (deps.followChanges ?? true)
    deps.store
      .onRecordChange((revision) => {
        told = Math.max(told, revision);
        ready.then(
          (lib) => lib.revision < told && refresh(lib),
          () => undefined, // a library that failed to load is reported to the next question
        );
      })
      .catch((err: unknown) => deps.logger.warn({ err }, 'record changes cannot be followed'));

  // Each question still compares the revision, in case a notice was missed. An update takes
  // milliseconds and is waited for; should one hang, questions are answered from the record as it
  // stood.
  async function current(): Promise<Library> {
    const lib = await ready;
    if (!refreshing && (await deps.store.revision()) !== lib.revision) void refresh(lib);
    if (refreshing) {
      const waited = new Promise<void>((resolve) => setTimeout(resolve, FRESH_WAIT_MS).unref());
      await Promise.race([refreshing, waited]);
    }
    return lib;
  }

  return {
    async ask(question: string, options: AskOptions = {}): Promise<Answer> {
      const lib = await current();
      const q = { ...understand(question), today: osloToday((deps.clock ?? systemClock).now()) };
      const offline = await answerOffline(lib, q, options);
      if (!grounded || offline.answer.abstained || !offline.passages.length) return offline.answer;
      return grounded(q, offline, lib);
    },
    async timeline(topic: string) {
      const lib = await current();
      // The topic as a history question: every step, whichever meetings or years it names.
      const q: Question = { ...understand(topic), intent: 'history' };
      return timeline(lib, q, (await rankCases(lib, q, {})).ranked);
    },
    async earlierTreatments(ref) {
      return earlierTreatments(await current(), ref);
    },
  };
}
