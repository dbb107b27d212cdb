#!/usr/bin/env node
// Checks Cypher files with Neo4j's own Cypher grammar (@neo4j-cypher/language-support, the parser behind Neo4j
// Browser, Workspace and the VS Code extension). Usage: node lint.js FILE... ; prints one line per syntax error
// (file:line:column message) and exits 1 if any file has one, 0 when all parse. Warnings (unknown labels against an
// empty database schema) are not errors here.
import { readFileSync } from 'node:fs';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node lint.js FILE.cypher...');
  process.exit(2);
}
let errors = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const { diagnostics } = lintCypherQuery(text, {});
  const found = diagnostics.filter((d) => d.severity === 1);
  for (const d of found) {
    console.log(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message.split('\n')[0].slice(0, 300)}`);
  }
  errors += found.length;
  if (found.length === 0) console.log(`${file}: ok`);
}
process.exit(errors > 0 ? 1 : 0);
