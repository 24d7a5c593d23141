// Reading a file of the scan (or a settings file) safely: refused unless it is a regular file when opened (a FIFO
// or device swapped in after discovery never blocks: the open is non-blocking and the kind comes from fstat of the
// open descriptor), bounded by the bytes actually read rather than by the size stat reports (/proc files say 0), and,
// unless configured, never through a link that leads out of the scanned root.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { formatInteger } from '../model/units';

export type ReadResult = { bytes: Buffer } | { reason: string; failed: boolean };

const CHUNK = 64 * 1024;

/** Whether `file`'s real path (links resolved) is inside `realRoot` (itself a real path). */
export function insideRoot(realFile: string, realRoot: string): boolean {
  const rel = relative(realRoot, realFile);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The reason a file whose links lead outside the root is not read. */
export function outsideRootReason(real: string): string {
  return `a link to ${real}, outside the scanned root (set followLinksOutsideRoot to read it)`;
}

/**
 * Reads at most `maxBytes` bytes of `file`; more is the size-limit skip. `root` (a real path) confines links unless
 * null. Never throws; a file that cannot be read has the reason, and `failed` says whether it counts as not analysed
 * (an error) or was left out by a rule (not a regular file, too large, a link out of the root).
 */
export function readBounded(file: string, maxBytes: number, root: string | null): ReadResult {
  if (root !== null) {
    let real: string;
    try {
      // The native call is one syscall; the JS realpathSync lstat()s every component of the path.
      real = realpathSync.native(file);
    } catch (err) {
      return unreadable(err);
    }
    if (!insideRoot(real, root)) return { reason: outsideRootReason(real), failed: false };
  }
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading with no writer would otherwise wait forever.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return unreadable(err);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      return {
        reason: st.isDirectory() ? 'a folder, not a file' : st.isFIFO() ? 'not a regular file (a named pipe)' : 'not a regular file',
        failed: false,
      };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(CHUNK, maxBytes + 1 - total);
      const buf = Buffer.allocUnsafe(want);
      const n = readSync(fd, buf, 0, want, null);
      if (n === 0) break;
      chunks.push(n === want ? buf : buf.subarray(0, n));
      total += n;
      if (total > maxBytes) return { reason: `larger than the size limit (more than ${formatInteger(maxBytes)} bytes read)`, failed: false };
    }
    return { bytes: Buffer.concat(chunks, total) };
  } catch (err) {
    return unreadable(err);
  } finally {
    closeSync(fd);
  }
}

function unreadable(err: unknown): { reason: string; failed: boolean } {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return { reason: 'unreadable: symbolic link loop (ELOOP)', failed: false };
  if (code === 'ENAMETOOLONG') return { reason: 'unreadable: the path is longer than the system allows (ENAMETOOLONG)', failed: true };
  return { reason: `unreadable: ${code ?? (err as Error).message}`, failed: true };
}
