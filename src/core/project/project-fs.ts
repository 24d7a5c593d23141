// What the project model reads: files by absolute path, with the language server's open documents in front of the
// disk. Reads are memoised per instance (one scan, or until the server invalidates a path).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

export interface ProjectFs {
  /** The text of a file, or null when it is not a readable file. */
  read(absPath: string): string | null;
  isFile(absPath: string): boolean;
  isDirectory(absPath: string): boolean;
  /** Sub-folders of a folder, sorted, node_modules left out. */
  childDirs(absPath: string): string[];
  /** The files directly in a directory. */
  childFiles(absPath: string): string[];
  /** The text of a file without keeping it (a pass over many files, the importer index). */
  peek(absPath: string): string | null;
}

/** Files larger than this are not summarised (generated code, bundles); the scan's own limit is usually lower. */
const MAX_SUMMARY_BYTES = 2_000_000;

export class DiskFs implements ProjectFs {
  private readonly texts = new Map<string, string | null>();
  private readonly kinds = new Map<string, 'file' | 'dir' | null>();
  /** Texts that win over the disk (open documents). */
  private readonly overrides = new Map<string, string>();

  read(absPath: string): string | null {
    const o = this.overrides.get(absPath);
    if (o !== undefined) return o;
    if (this.texts.has(absPath)) return this.texts.get(absPath)!;
    let text: string | null = null;
    try {
      if (this.kind(absPath) === 'file' && statSync(absPath).size <= MAX_SUMMARY_BYTES) text = readFileSync(absPath, 'utf8');
    } catch {
      text = null;
    }
    this.texts.set(absPath, text);
    return text;
  }

  isFile(absPath: string): boolean {
    return this.overrides.has(absPath) || this.kind(absPath) === 'file';
  }

  isDirectory(absPath: string): boolean {
    return this.kind(absPath) === 'dir';
  }

  childDirs(absPath: string): string[] {
    try {
      return readdirSync(absPath, { withFileTypes: true })
        .filter((e) => e.isDirectory() && e.name !== 'node_modules')
        .map((e) => join(absPath, e.name))
        .sort();
    } catch {
      return [];
    }
  }

  childFiles(absPath: string): string[] {
    try {
      return readdirSync(absPath, { withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(absPath, e.name))
        .sort();
    } catch {
      return [];
    }
  }

  peek(absPath: string): string | null {
    const o = this.overrides.get(absPath) ?? this.texts.get(absPath);
    if (o !== undefined) return o;
    try {
      return statSync(absPath).size <= MAX_SUMMARY_BYTES ? readFileSync(absPath, 'utf8') : null;
    } catch {
      return null;
    }
  }

  private kind(absPath: string): 'file' | 'dir' | null {
    let k = this.kinds.get(absPath);
    if (k === undefined) {
      try {
        const s = statSync(absPath);
        k = s.isFile() ? 'file' : s.isDirectory() ? 'dir' : null;
      } catch {
        k = null;
      }
      this.kinds.set(absPath, k);
    }
    return k;
  }

  /** An open document's text (null: closed, read the disk again). */
  setOverride(absPath: string, text: string | null): void {
    if (text === null) this.overrides.delete(absPath);
    else this.overrides.set(absPath, text);
    this.forget(absPath);
  }

  /** Forget what was read of a path (it changed on disk). */
  forget(absPath: string): void {
    this.texts.delete(absPath);
    this.kinds.delete(absPath);
  }

  /** Forget everything read from disk (files may have been created or removed); open documents stay. */
  forgetAll(): void {
    this.texts.clear();
    this.kinds.clear();
  }
}

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** JSON with comments and trailing commas (tsconfig.json, jsconfig.json); null when it still does not parse. */
export function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
      out += ' ';
    } else out += c;
  }
  try {
    return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
  } catch {
    return null;
  }
}

/** A project held in memory (tests, and the property that summaries do not depend on the order files are read). */
export class MemoryFs implements ProjectFs {
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>();

  /** `files`: absolute path -> text. */
  constructor(files: Record<string, string>) {
    for (const [path, text] of Object.entries(files)) {
      this.files.set(path, text);
      for (let d = dirname(path); !this.dirs.has(d) && dirname(d) !== d; d = dirname(d)) this.dirs.add(d);
    }
  }

  read(absPath: string): string | null {
    return this.files.get(absPath) ?? null;
  }

  isFile(absPath: string): boolean {
    return this.files.has(absPath);
  }

  isDirectory(absPath: string): boolean {
    return this.dirs.has(absPath);
  }

  childDirs(absPath: string): string[] {
    return [...this.dirs].filter((d) => dirname(d) === absPath && !d.endsWith(`${sep}node_modules`)).sort();
  }

  childFiles(absPath: string): string[] {
    return [...this.files.keys()].filter((f) => dirname(f) === absPath).sort();
  }

  peek(absPath: string): string | null {
    return this.read(absPath);
  }
}
