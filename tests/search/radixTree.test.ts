import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exportMiniSearch,
  importMiniSearch,
  type RadixNode,
  type TermData,
} from '../../src/search/miniSearchIndex.js';
import { RadixEditor } from '../../src/search/radixTree.js';

/** MiniSearch's tree of these terms when they are inserted in sorted order, as an index is built. */
function builtTree(terms: Iterable<string>): RadixNode {
  const sorted = [...new Set(terms)].sort().map((term): [string, TermData] => [term, data(term)]);
  return exportMiniSearch(
    importMiniSearch({
      documentCount: 0,
      nextId: 0,
      documentIds: new Map(),
      fieldLength: new Map(),
      averageFieldLength: [],
      terms: { inOrder: sorted },
    }),
  ).terms.tree;
}

/** Each term's data names the term, so a misplaced one shows. */
function data(term: string): TermData {
  return new Map([[term.length, new Map([[0, term.length]])]]);
}

/** A tree as nested lists, in its own order: two trees are the same only node for node, in order. */
function shape(node: RadixNode): unknown[] {
  return [...node].map(([label, below]) => [label, label === '' ? below : shape(below as RadixNode)]);
}

const term = fc.stringMatching(/^[abc]{1,5}$/);

describe('RadixEditor', () => {
  it('gives, after any additions and removals, the tree that its terms alone build', () => {
    fc.assert(
      fc.property(
        fc.array(term, { maxLength: 30 }),
        fc.array(fc.record({ term, isAdded: fc.boolean() }), { maxLength: 30 }),
        (initial, edits) => {
          const editor = new RadixEditor(builtTree(initial));
          const terms = new Set(initial);
          for (const edit of edits) {
            if (edit.isAdded) {
              editor.set(edit.term, data(edit.term));
              terms.add(edit.term);
            } else {
              editor.delete(edit.term);
              terms.delete(edit.term);
            }
          }
          expect(shape(editor.root)).toEqual(shape(builtTree(terms)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('edits the tree of the index it was given, so the index finds the terms it set', () => {
    const miniSearch = importMiniSearch({
      documentCount: 1,
      nextId: 1,
      documentIds: new Map([[0, 'doc']]),
      fieldLength: new Map([[0, [1]]]),
      averageFieldLength: [1],
      terms: { inOrder: [['alpha', new Map([[0, new Map([[0, 1]])]])]] },
    });
    const editor = new RadixEditor(exportMiniSearch(miniSearch).terms.tree);
    editor.delete('alpha');
    editor.set('beta', new Map([[0, new Map([[0, 1]])]]));
    expect(miniSearch.search('beta').map((result) => result.id)).toEqual(['doc']);
    expect(miniSearch.search('alpha')).toEqual([]);
  });
});
