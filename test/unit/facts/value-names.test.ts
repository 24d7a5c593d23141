// The editor keeps, per top-level part of a C-family file, the identifiers it uses other than as a callee, and puts
// the file's answer together from the parts (c-segments.ts). It must equal one scan of the whole text, whatever the
// split and however the parts change from one analysis to the next.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { namesUsedAsValues } from '../../../src/core/facts/c-constants';
import { CFactsCache } from '../../../src/core/facts/c-segments';

function wholeText(text: string): Set<string> {
  const n = namesUsedAsValues(text);
  const set = new Set(n.values);
  if (n.tail) set.add(n.tail);
  return set;
}

const piece = fc.constantFrom('f', 'g1', 'alloc', '$x', '_', '9', ' ', '\n', '\t', '(', ')', ';', '{', '}', ',', '//', '*');

/** A text cut at some points into parts and a trailing rest, as segments and the text after the last one. */
const splitText = fc.tuple(fc.array(piece, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 })).map(([pieces, cuts]) => {
  const text = pieces.join('');
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let at = 0;
  for (const p of points) {
    parts.push(text.slice(at, p));
    at = p;
  }
  return { text, parts: parts.filter((p) => p.length > 0), trailing: text.slice(at) };
});

describe('identifiers used as values, put together from parts', () => {
  it('equal one scan of the whole text for any split, or say the split cannot be used', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.array(splitText, { minLength: 1, maxLength: 4 }), (texts) => {
        // One cache through several analyses in a row: its counts are updated by difference.
        const cache = new CFactsCache();
        for (const { text, parts, trailing } of texts) {
          const lookup = cache.namesUsedAsValues(
            parts.map((p) => ({ text: p, names: namesUsedAsValues(p) })),
            namesUsedAsValues(trailing),
          );
          if (!lookup) continue;
          answered++;
          const expected = wholeText(text);
          for (const name of ['f', 'g1', 'alloc', '$x', '_', 'g19', 'f9', 'ff', 'allocf'])
            assert.equal(
              lookup.has(name),
              expected.has(name),
              `${JSON.stringify(text)} split ${JSON.stringify(parts)} | ${JSON.stringify(trailing)}: ${name}`,
            );
        }
      }),
      { numRuns: 2000, seed: 20261204 },
    );
    // Most splits can be used (a cut inside a word cannot): the comparison above must have run, and often.
    assert.ok(answered > 2000, `answered ${answered}`);
  });

  it('counts a part that appears twice once per appearance, and forgets a part that went away', () => {
    const cache = new CFactsCache();
    const part = (text: string) => ({ text, names: namesUsedAsValues(text) });
    const end = namesUsedAsValues('');
    assert.equal(cache.namesUsedAsValues([part('int a = f;\n'), part('int b = f;\n')], end)!.has('f'), true);
    // One of the two copies is gone: the other still names f as a value.
    assert.equal(cache.namesUsedAsValues([part('int a = f;\n'), part('g();\n')], end)!.has('f'), true);
    assert.equal(cache.namesUsedAsValues([part('h();\n'), part('g();\n')], end)!.has('f'), false);
    // A last word decided by the next part: `f` then `(x);` is a call.
    assert.equal(cache.namesUsedAsValues([part('x = f\n'), part('  (y);\n')], end)!.has('f'), false);
    assert.equal(cache.namesUsedAsValues([part('x = f\n'), part('  + y;\n')], end)!.has('f'), true);
    // Two parts that meet inside a word cannot be put together.
    assert.equal(cache.namesUsedAsValues([part('x = f'), part('g;\n')], end), null);
  });
});
