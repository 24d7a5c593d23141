// Preloaded into the process the bench measures (node --require): prints its peak resident set size at exit.
// On Linux, VmHWM of /proc/self/status: the high-water mark of this process's own memory (every thread, worker
// threads included), reset by exec. resourceUsage().maxRSS is not: a child forked from the large bench process
// starts from the parent's figure, so it is only the fallback where /proc is missing.
process.on('exit', () => {
  let kb = null;
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'));
    if (m) kb = Number(m[1]);
  } catch {
    kb = null;
  }
  require('node:fs').writeSync(2, `AIA_MAX_RSS_KB=${kb ?? process.resourceUsage().maxRSS}\n`);
});
