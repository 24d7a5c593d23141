import { analyze } from './src/core/analyze';
(async () => {
  const r = await analyze({ root: process.argv[2]!, workers: Number(process.argv[3] ?? 1) });
  for (const f of r.findings) console.log(f.path, f.range.startLine, f.ruleId, f.message.slice(0, 200));
  for (const l of r.llm) for (const c of l.calls) console.log('CALL', l.path, c.line, JSON.stringify({ persisted: c.persisted, store: c.store, cache: c.cacheBeforeCall }));
})();
