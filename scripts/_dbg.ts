import { Project } from '../src/core/project/project';
import { initTreeSitter } from '../src/core/parse/tree-sitter';
async function main() {
  await initTreeSitter?.();
  const [root, file] = process.argv.slice(2);
  const p = new Project(root!);
  const s = await p.summary(p.absolute(file!));
  console.log(JSON.stringify(s, null, 1).slice(0, 4000));
}
main();
