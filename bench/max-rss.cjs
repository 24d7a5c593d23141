// Preloaded into the process the bench measures (node --require): prints its peak resident set size at exit.
// resourceUsage().maxRSS is in KiB and covers every thread of the process, worker threads included.
process.on('exit', () => {
  require('node:fs').writeSync(2, `AIA_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
