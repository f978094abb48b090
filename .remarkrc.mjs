// Front matter validation in VS Code (extension unifiedjs.vscode-remark) and with `npx remark`.
// The schemas come from the content model: run `make schema` after changing data/taxonomy.yml.
// Each schema names the files it applies to in its "x-files" key, so new content types need no edit here.
import { readdirSync, readFileSync } from 'node:fs';
import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';

const schemaDir = new URL('./schemas/', import.meta.url);
const schemas = {};
for (const name of readdirSync(schemaDir).filter((file) => file.endsWith('.schema.json'))) {
  const schema = JSON.parse(readFileSync(new URL(name, schemaDir), 'utf8'));
  const markdown = (schema['x-files'] || []).filter((glob) => glob.endsWith('.md'));
  if (markdown.length) schemas[`./schemas/${name}`] = markdown;
}

export default {
  plugins: [remarkFrontmatter, [remarkLintFrontmatterSchema, { schemas }]],
};
