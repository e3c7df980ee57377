import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Issue #19: a clone of the repository is all a user has. Nothing in it may send a reader or a
 * program to a folder beside the clone (our own notes live there, the users' machines have none).
 */
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** The files a user gets: tracked ones and new ones not ignored (so the spec also guards work in progress). */
function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' });
  return out.split('\0').filter((file) => file && existsSync(path.join(root, file)));
}

const CHECKED = /^(apps|libs|test|processes|docs|\.ci)\/|^README\.md$|^package\.json$|^jest\.config\.js$|^tsconfig[^/]*\.json$|^bin\//;
const TEXT = /\.(ts|js|mjs|cjs|json|md|bpmn|dmn|html|css|yml|yaml|sh)$|^\.ci\/run$|^bin\/[^.]+$/;

/** Path-like mentions of a `shared` folder one or more levels up, written as a path or as path.join's parts. */
const UP_TO_SHARED = /(?:\.\.\/)+shared\b[^\s'"`)\]]*/g;
const JOINED_UP_TO_SHARED = new RegExp(`['"]\\.\\.['"]\\s*,\\s*['"]${'shared'}['"]`);
/** The absolute path of our notes on the development machines. */
const OUR_NOTES = new RegExp(`/work/${'shared'}\\b`);

/** GitHub's anchors for a document's headings: lower case, punctuation dropped, spaces to dashes. */
function headingSlugs(file: string): Set<string> {
  const headings = [...readFileSync(file, 'utf8').matchAll(/^#{1,6}\s+(.+)$/gm)].map(([, text]) => text);
  return new Set(headings.map((text) => text.trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-')));
}

function escapesTheClone(file: string, reference: string): boolean {
  const target = path.resolve(path.dirname(path.join(root, file)), reference);
  return path.relative(root, target).startsWith('..');
}

describe('the repository stands alone', () => {
  const files = repositoryFiles().filter((file) => CHECKED.test(file) && TEXT.test(file));

  it('given its sources, tests, processes, docs and CI script, then none refers to a folder outside the clone', () => {
    expect(files.length).toBeGreaterThan(300);
    const outside: string[] = [];
    for (const file of files) {
      const text = readFileSync(path.join(root, file), 'utf8');
      // `../shared/domain-error.js` from apps/engine/src/identity is the engine's own folder: only
      // a reference that resolves above the clone's root is a fault.
      for (const match of text.matchAll(UP_TO_SHARED)) if (escapesTheClone(file, match[0])) outside.push(`${file}: ${match[0]}`);
      const joined = JOINED_UP_TO_SHARED.exec(text) ?? OUR_NOTES.exec(text);
      if (joined) outside.push(`${file}: ${joined[0]}`);
    }
    expect(outside).toEqual([]);
  });

  it('given the README and every document, then each relative link opens a file inside the clone', () => {
    const documents = repositoryFiles().filter((file) => file.endsWith('.md') && !file.startsWith('node_modules/'));
    expect(documents).toEqual(expect.arrayContaining(['README.md', 'docs/api.md', 'docs/bpmn.md', 'docs/domain.md', 'docs/operations.md']));
    const broken: string[] = [];
    let links = 0;
    for (const file of documents) {
      const text = readFileSync(path.join(root, file), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
        links++;
        const relative = decodeURIComponent(target.split('#')[0]);
        const resolved = path.resolve(path.dirname(path.join(root, file)), relative);
        if (path.relative(root, resolved).startsWith('..') || path.isAbsolute(relative)) broken.push(`${file}: ${target} (outside the clone)`);
        else if (!existsSync(resolved)) broken.push(`${file}: ${target} (no such file)`);
        else if (target.includes('#') && resolved.endsWith('.md') && !headingSlugs(resolved).has(target.split('#')[1])) broken.push(`${file}: ${target} (no such heading)`);
      }
    }
    expect(links).toBeGreaterThan(5);
    expect(broken).toEqual([]);
  });

  it('given the MIWG reference models, then their licence and source are noted beside them', () => {
    const note = readFileSync(path.join(root, 'test/fixtures/miwg/README.md'), 'utf8');
    expect(note).toMatch(/Creative Commons Attribution 3\.0/);
    expect(note).toMatch(/bpmn-miwg\/bpmn-miwg-test-suite/);
    expect(note).toMatch(/OMG/);
  });
});
