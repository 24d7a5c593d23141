// A JS/TS file's import bindings, read one way for the OpenAI extractor, its flow and the project model: ES imports
// and CommonJS requires, local name -> module and the name imported from it.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { EstreeIndex, constString, unwrap, type Node } from './estree';

export interface JsImport {
  source: string;
  /**
   * The imported name; `default`; or `*` for the whole module: `import * as x` and `const x = require(m)` (CommonJS
   * `module.exports`, whose properties are the module's named exports and which is the default export when it is a
   * function or class: `require` marks that case, see `cjs`).
   */
  imported: string;
  /** `const x = require(m)`: `x(...)` is the module's default export, `x.y` its export `y`. */
  cjs?: true;
}

/** Every import binding in the file (top level or not): `import`, `import * as`, `require` whole, destructured or `.x`. */
export function jsImports(index: EstreeIndex): Map<string, JsImport> {
  const imports = new Map<string, JsImport>();
  for (const n of index.nodes) {
    if (n.type === 'ImportDeclaration') {
      for (const s of n.specifiers) imports.set(s.local.name, { source: String(n.source.value), imported: specifierName(s) });
    } else if (n.type === 'VariableDeclarator' && n.init) {
      const init = unwrap(n.init);
      const req = requireOf(init, index);
      if (req !== null) {
        if (n.id.type === 'Identifier') imports.set(n.id.name, { source: req, imported: '*', cjs: true });
        else if (n.id.type === 'ObjectPattern')
          for (const p of n.id.properties)
            if (p.type === 'Property' && p.key.type === 'Identifier' && p.value.type === 'Identifier')
              imports.set(p.value.name, { source: req, imported: p.key.name });
      } else if (init.type === 'MemberExpression' && n.id.type === 'Identifier' && !init.computed && init.property.type === 'Identifier') {
        const inner = requireOf(unwrap(init.object), index);
        if (inner !== null) imports.set(n.id.name, { source: inner, imported: init.property.name });
      }
    }
  }
  return imports;
}

function specifierName(s: TSESTree.ImportClause): string {
  if (s.type === 'ImportSpecifier') return s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value);
  return s.type === 'ImportDefaultSpecifier' ? 'default' : '*';
}

/** `require('m')` (or `await import('m')`): the module; null for any other expression. */
function requireOf(n: Node, index: EstreeIndex): string | null {
  if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'require')
    return constString(n.arguments[0] as Node | undefined, index);
  if (n.type === 'ImportExpression') return constString(n.source as Node, index);
  return null;
}
