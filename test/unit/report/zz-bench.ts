import { redactSecrets } from '../../../src/core/model/redact';
const msg = "Allocation of 4.00 GiB (4,294,967,296 bytes) in 'd_buffer' at line 42 exceeds the T4's budget of 14.40 GiB; sizeof(float) * N";
let t = performance.now();
for (let i = 0; i < 100000; i++) redactSecrets(msg + i);
console.log('100k messages', (performance.now() - t).toFixed(0), 'ms');
const MB = 1 << 20;
const cases: Record<string, string> = {
  a: 'a'.repeat(MB), sk: 'sk-'.repeat(MB / 3), skrun: 'sk-' + 'a'.repeat(MB), akia: 'AKIA'.repeat(MB / 4), query: '?key='.repeat(MB / 5), query2: '?api_key=' + 'x'.repeat(MB),
  bearer: 'Bearer '.repeat(MB / 7), bearer2: 'Bearer  ' + 'a'.repeat(MB), hex: ('0'.repeat(31) + ' ').repeat(MB / 32), hexkey: ('key ' + '0'.repeat(31) + 'g').repeat(MB / 36), hexlong: 'f'.repeat(MB),
  jwt: 'eyJ'.repeat(MB / 3), jwt2: ('eyJ' + 'a'.repeat(10) + '.').repeat(MB / 14), ghp: 'ghp_'.repeat(MB / 4), hf: 'hf_'.repeat(MB / 3), xox: 'xoxb-'.repeat(MB / 5), aiza: 'AIza'.repeat(MB / 4), dash: '-'.repeat(MB),
};
for (const [k, s] of Object.entries(cases)) { t = performance.now(); redactSecrets(s); console.log(k, (performance.now() - t).toFixed(0), 'ms'); }
