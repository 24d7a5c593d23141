// The project model's plain data: what one file offers the files that import it. Summaries are JSON-safe (they are
// cached by content hash and can cross threads) and hold no syntax tree.
import type { LlmApiKind, LlmVia, StoreKind } from '../model/types';

/** One store write a helper makes with one of its parameters (or with what it builds from it). */
export interface StoreEffect {
  kind: StoreKind;
  engine: string;
  api: string;
  /** Line of the write in the helper's file. */
  line: number;
  /** `param`: the seconds are the helper's parameter at that position (or, Python, of that name): the caller's argument. */
  ttl: { seconds: number | null; how: string; param?: number | string } | null;
  /** The value lands in a record attribute (`chat.name`): the app's own data (StoreWriteFact.entityField). */
  entityField?: string;
  /** The row is a conversation turn (StoreWriteFact.conversationKey). */
  conversationKey?: string;
  /** Written through a name this file imports (`Message.create`): typed by the view from that name's own summary. */
  deferred?: UseBinding;
}

/** What one exported name is, as far as the OpenAI analysis cares. Facets combine (a function may store and read). */
export interface ExportFacts {
  /** Line of the definition in its file. */
  line: number;
  /** A function or method: per parameter position, the stores that parameter reaches (empty: none). */
  paramStores?: StoreEffect[][];
  /** A destructured parameter (`{ chatId, reply }`): per position, per property, the stores that property reaches. */
  paramPropStores?: Record<number, Record<string, StoreEffect[]>>;
  /** Python: the parameter names by position (`self`/`cls` left out), for keyword arguments. */
  params?: string[];
  /** A function or method that reads a store or an in-memory cache keyed by one of its parameters. */
  cacheRead?: { kind: StoreKind; api: string; line: number };
  /** An OpenAI client instance (`export const openai = new OpenAI()`) or a function that returns one. */
  client?: {
    via: LlmVia;
    factory: boolean;
    className: string;
    /** LangChain classes: the kind of API their methods call. */
    api?: LlmApiKind;
    timeoutMs: number | null;
    timeoutSet: boolean;
    maxRetries: number | null;
    maxRetriesSet: boolean;
  };
  /** A store client instance or handle (`export const redis = new Redis()`), or a function that returns one. */
  store?: { kind: StoreKind; engine: string };
  /**
   * A decorator whose wrapper reads a cache before calling the function it wraps and writes what it returns
   * (`@cached`): its stores (a TTL from its own parameter keeps `param` and the default as seconds) and cache read.
   */
  decorator?: { stores: StoreEffect[]; cacheRead?: { kind: StoreKind; api: string; line: number }; params: string[] };
  /** A function that returns (or wraps) the result of an OpenAI call. */
  returnsResult?: { operation: string; line: number };
  /** An exported constant: a model name, a limit. */
  constant?: string | number;
  /** A class (or an instance of a class, or an object literal of functions): its methods. */
  methods?: Record<string, ExportFacts>;
}

/** A name this file exports that is defined in another file. */
export interface ReExport {
  /** The module specifier as written (resolved by the project). */
  from: string;
  /** The name in that module (`*`: the module's namespace object; with `exported` `*` too: `export * from`). */
  imported: string;
  /** The name this file exports it as (`*` for `export * from`). */
  exported: string;
}

/** An import binding as a use names it: JS `{ source, imported }`, Python `{ module, name }` (name null: the module). */
export type UseBinding = { source: string; imported: string } | { module: string; name: string | null };

/** A call in this file of a name it imports, with what this file does with the call's result (callers of a result). */
export interface ResultUse {
  /** The local name called and the members after it (`svc.ask(...)`: `svc`, [`ask`]), and its import binding. */
  local: string;
  members: string[];
  binding: UseBinding;
  /** Line of the call; the name of the function it is in (null: module level). */
  line: number;
  inFunction: string | null;
  /** Stores the result reaches in this file (same-file taint and helpers). */
  stores: StoreEffect[];
  /** The result passed on to another imported name, at an argument position (resolved when a view is made). */
  /** `position`: the argument's index, or (Python) the keyword it is passed as. */
  passedTo: Array<{
    local: string;
    members: string[];
    binding: UseBinding;
    position: number | string;
    line: number;
    constArgs?: Record<string, number>;
    props?: string[];
  }>;
  /** A cache read keyed by the call's arguments, whose hit skips the call (the caller's own lookup). */
  cacheRead?: { kind: StoreKind; api: string; line: number };
  /**
   * The option names the call passes, per argument position (JS: an object literal of named properties only) or, at
   * `kw` (Python), its keyword names: what a callee that spreads its parameter (`...options`, `**kwargs`) gets.
   */
  argKeys?: Record<string, string[]>;
}

export interface FileSummary {
  /** Project-relative path with `/`. */
  path: string;
  /** Content hash of the text the summary was made from. */
  hash: string;
  language: 'javascript' | 'typescript' | 'python';
  exports: Record<string, ExportFacts>;
  reexports: ReExport[];
  /** Calls of imported names whose result this file stores or passes on (absent: none). */
  uses?: ResultUse[];
}

/** An imported name resolved to where it is defined. */
export interface ResolvedSymbol {
  facts: ExportFacts;
  /** How messages name it: `saveChat`, `ChatStore.save`. */
  name: string;
  /** Project-relative path of the defining file. */
  path: string;
}

/**
 * What an extractor asks about a name it cannot see defined in its own file: `symbol('saveChat', [])`,
 * `symbol('store', ['saveChat'])` for `store.saveChat(...)`. Null when the name is not imported from a project file
 * or the file says nothing about it.
 */
export interface ImportedLookup {
  symbol(local: string, members: readonly string[]): ResolvedSymbol | null;
  /**
   * Callers in other project files of this file's function `name` (defined at `line`): what each does with the result
   * it returns. Empty when none is known (or the view was made without looking for callers).
   */
  callers?(name: string, line: number): CallerUse[];
}

/** One caller in another file of a function that returns an OpenAI result, and what it does with the result. */
export interface CallerUse {
  /** Project-relative path and line of the caller's call. */
  path: string;
  line: number;
  /** The function the call is in (null: module level). */
  inFunction: string | null;
  /** Writes, each with where it is: the caller's file, or a helper's file the caller passes the result to. */
  stores: Array<StoreEffect & { path: string; via: string }>;
  cacheRead: { kind: StoreKind; api: string; path: string; line: number } | null;
  /** The option names the caller passes (ResultUse.argKeys). */
  argKeys?: Record<string, string[]>;
}
