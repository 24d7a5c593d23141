// The credential choke point itself: every key shape masked wherever it sits in a string (and every key of several),
// nothing else touched, and linear time on adversarial megabyte strings (it runs on every message and report).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hasSecret, maskSecret, redactDeep, redactSecrets } from '../../../src/core/model/redact';

const SHAPES = [
  'sk-proj-8fJ2kLmN4pQrS6tUvW8xYz0aBcDeFgHiJkLmNoPq',
  'sk-svcacct-Q1w2E3r4T5y6U7i8O9p0AsDfGhJkLzXcVbNm',
  'sk-admin-Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1',
  'sk-ant-api03-Zq9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa9Zy8Xw7Vu6Ts5Rq4Po3Nm2Lk1Ji0HgFeDcBaZ-AA',
  'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
  'AIzaSyD3f4G5h6J7k8L9m0N1b2V3c4X5z6A7s8D',
  'AKIAQ3EGRX7WJ5T2LMNP',
  'ASIAZ7Y6X5W4V3U2T1SR',
  'ghp_R8s7T6u5V4w3X2y1Z0a9B8c7D6e5F4g3H2i1',
  'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz',
  'xoxb-2048-1024-Qw3Er4Ty5Ui6Op7As8',
  'hf_QwErTyUiOpAsDfGhJkLzXcVbNmQwErTyU',
  'gsk_Qw3Er4Ty5Ui6Op7As8Df9Gh0Jk1Lz2Xc3Vb4Nm5',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhaWEtdXNlciJ9.Hk3mQ9vX2pL7rT5wZ8yB1cN4dF6gJ0sA',
];
const AROUND = ['', 'x ', '"', "model='", 'https://api.example.com/v1?x=1&key=', 'len("', 'strlen("', 'Authorization: Bearer ', ' and ', '/', '\n'];

/** Every 12-character run of `key` that `s` holds. */
const leaks = (s: string, key: string) =>
  Array.from({ length: Math.max(0, key.length - 11) }, (_, i) => key.slice(i, i + 12)).filter((r) => s.includes(r));

describe('redactSecrets', () => {
  // Keys are separated by something that is not a key character: `risk-management-…` glued to `sk-` is a word.
  it('masks every key shape in any context, and every key when there are several', () => {
    const sep = AROUND.filter(Boolean).map((a) => (/^[A-Za-z0-9_-]/.test(a) ? ` ${a}` : a));
    fc.assert(
      fc.property(
        fc.constantFrom(...AROUND),
        fc.array(fc.tuple(fc.constantFrom(...sep), fc.constantFrom(...SHAPES)), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('', ...sep),
        (head, parts, tail) => {
          const s = head + parts.map(([a, k]) => a + k).join('') + tail;
          const out = redactSecrets(s);
          for (const [, k] of parts) assert.deepEqual(leaks(out, k), [], `${JSON.stringify(s)} -> ${JSON.stringify(out)}`);
          assert.equal(redactSecrets(out), out, 'idempotent');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('an Azure-style 32-hex key is masked next to a key word; a hash or fingerprint is not', () => {
    const hex = '4f9c2b7e1d3a5c8b0e6f2a9d7c1b3e5f';
    for (const ctx of [`apiKey: '${hex}'`, `api-key: ${hex}`, `AZURE_OPENAI_API_KEY=${hex}`, `Ocp-Apim-Subscription-Key: ${hex}`])
      assert.ok(!redactSecrets(ctx).includes(hex), ctx);
    assert.equal(redactSecrets(`4f…3e5f`), '4f…3e5f');
    for (const clean of [
      `primaryLocationLineHash/v1 ${hex}`,
      `sha ${hex}${hex}`,
      '123e4567-e89b-12d3-a456-426614174000',
      'risk-assessment-framework-v2-document',
      'cudaMemcpyHostToDevice',
      'sizeof(float) * N * 1024',
      'src/kernels/whole_dataset_saxpy.cu',
      'https://api.openai.com/v1/chat/completions?stream=true',
      'text-embedding-3-small',
    ]) {
      assert.equal(redactSecrets(clean), clean, clean);
    }
  });

  it('masks keep a recognisable prefix and the last four characters only', () => {
    assert.equal(redactSecrets('k = "sk-proj-8fJ2kLmN4pQrS6tUvW8xYz0aBcDeFgHiJkLmNoPq"'), 'k = "sk-…NoPq"');
    assert.equal(redactSecrets('AKIAQ3EGRX7WJ5T2LMNP'), 'AKIA…LMNP');
    assert.equal(maskSecret('short'), '…');
    assert.ok(hasSecret('AIzaSyD3f4G5h6J7k8L9m0N1b2V3c4X5z6A7s8D'));
  });

  it('redactDeep masks values and object keys, copies only what changed, keeps prototypes', () => {
    const clean = { a: [1, 'x'], b: { c: null } };
    assert.equal(redactDeep(clean), clean);
    const bare = Object.create(null) as Record<string, unknown>;
    bare['AKIAQ3EGRX7WJ5T2LMNP'] = ['ghp_R8s7T6u5V4w3X2y1Z0a9B8c7D6e5F4g3H2i1'];
    const out = redactDeep({ bare, n: 3 });
    assert.equal(Object.getPrototypeOf(out.bare), null);
    assert.deepEqual(Object.keys(out.bare), ['AKIA…LMNP']);
    assert.equal(JSON.stringify(out), '{"bare":{"AKIA…LMNP":["ghp_…H2i1"]},"n":3}');
    const proto = JSON.parse('{"__proto__": "sk-proj-8fJ2kLmN4pQrS6tUvW8xYz0aBcDeFgHiJkLmNoPq"}') as object;
    assert.equal(JSON.stringify(redactDeep(proto)), '{"__proto__":"sk-…NoPq"}');
  });

  it('linear time on adversarial 1 MB strings', function () {
    this.timeout(60_000);
    const MB = 1 << 20;
    const cases: Record<string, string> = {
      a: 'a'.repeat(MB),
      sk: 'sk-'.repeat(MB / 3),
      skRun: `sk-${'a'.repeat(MB)}`,
      akia: 'AKIA'.repeat(MB / 4),
      query: '?key='.repeat(MB / 5),
      queryRun: `?api_key=${'x'.repeat(MB)}`,
      bearer: 'Bearer '.repeat(MB / 7),
      bearerRun: `Bearer  ${'a'.repeat(MB)}`,
      hex: `${'0'.repeat(31)} `.repeat(MB / 32),
      hexKey: `key ${'0'.repeat(31)}g`.repeat(MB / 36),
      hexRun: 'f'.repeat(MB),
      jwt: 'eyJ'.repeat(MB / 3),
      jwtDots: `eyJ${'a'.repeat(10)}.`.repeat(MB / 14),
      jwtTwo: `eyJ${'a'.repeat(10)}.eyJ${'a'.repeat(MB)}`,
      ghp: 'ghp_'.repeat(MB / 4),
      hf: 'hf_'.repeat(MB / 3),
      slack: 'xoxb-'.repeat(MB / 5),
      aiza: 'AIza'.repeat(MB / 4),
      dashes: '-'.repeat(MB),
      stripe: 'sk_live_'.repeat(MB / 8),
    };
    for (const [name, s] of Object.entries(cases)) {
      const t = performance.now();
      redactSecrets(s);
      const ms = performance.now() - t;
      assert.ok(ms < 1500, `${name}: ${ms.toFixed(0)} ms for 1 MB`);
    }
  });
});
