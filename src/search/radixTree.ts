import type { RadixNode, TermData } from './miniSearchIndex.js';

/** The label under which a node holds the data of the term ending there (MiniSearch's `LEAF`). */
const LEAF = '';

/**
 * Edits MiniSearch's radix tree of terms in place. Every node keeps its labels sorted (the leaf first), the
 * order MiniSearch itself gives a tree whose terms are inserted in sorted order (`MiniSearchBuilder`): the
 * same terms give the same tree, node for node, however they came to be there, so typos and prefixes
 * expand in the same order and score to the same last bit.
 */
export class RadixEditor {
  readonly root: RadixNode;

  /** @param root The tree to edit. */
  constructor(root: RadixNode) {
    this.root = root;
  }

  /** The data of a term, or undefined when the tree does not hold it. */
  get(term: string): TermData | undefined {
    let node = this.root;
    let position = 0;
    while (position < term.length) {
      const label = labelAt(node, term, position);
      if (label === undefined || !term.startsWith(label, position)) return undefined;
      node = node.get(label) as RadixNode;
      position += label.length;
    }
    return node.get(LEAF) as TermData | undefined;
  }

  /** Set a term's data, adding the term where it is missing. */
  set(term: string, data: TermData): void {
    let node = this.root;
    let position = 0;
    while (position < term.length) {
      const label = labelAt(node, term, position);
      if (label === undefined) {
        const leaf: RadixNode = new Map([[LEAF, data]]);
        insertSorted(node, term.slice(position), leaf);
        return;
      }
      const shared = sharedLength(label, term, position);
      if (shared < label.length) {
        // The term ends or turns off inside this edge: split it where they part.
        const split: RadixNode = new Map([[label.slice(shared), node.get(label)!]]);
        replaceLabel(node, label, label.slice(0, shared), split);
        node = split;
      } else {
        node = node.get(label) as RadixNode;
      }
      position += shared;
    }
    if (node.has(LEAF)) node.set(LEAF, data);
    else insertSorted(node, LEAF, data);
  }

  /** Remove a term, merging nodes as MiniSearch does, so the tree stays the one its terms alone make. */
  delete(term: string): void {
    const path: [RadixNode, string][] = [];
    let node = this.root;
    let position = 0;
    while (position < term.length) {
      const label = labelAt(node, term, position);
      if (label === undefined || !term.startsWith(label, position)) return;
      path.push([node, label]);
      node = node.get(label) as RadixNode;
      position += label.length;
    }
    if (!node.delete(LEAF)) return;
    if (node.size === 0) this.#cleanup(path);
    else if (node.size === 1) merge(path, node);
  }

  /** Drop the emptied node at the end of `path`, then merge or drop its parent as it needs. */
  #cleanup(path: [RadixNode, string][]): void {
    const last = path.pop();
    if (last === undefined) return;
    const [node, label] = last;
    node.delete(label);
    if (node.size === 0) this.#cleanup(path);
    else if (node.size === 1 && !node.has(LEAF)) merge(path, node);
  }
}

/** A node left with one child (and no term of its own) is joined to the edge above it. */
function merge(path: readonly [RadixNode, string][], node: RadixNode): void {
  const parent = path.at(-1);
  if (parent === undefined) return;
  const [above, label] = parent;
  const [childLabel, child] = node.entries().next().value!;
  if (childLabel === LEAF) return;
  replaceLabel(above, label, label + childLabel, child);
}

/** The label of the edge from `node` that starts with the character at `position`, if any. */
function labelAt(node: RadixNode, term: string, position: number): string | undefined {
  const first = term[position];
  for (const label of node.keys()) if (label !== LEAF && label[0] === first) return label;
  return undefined;
}

function sharedLength(label: string, term: string, position: number): number {
  let shared = 1;
  while (
    shared < label.length &&
    position + shared < term.length &&
    label[shared] === term[position + shared]
  )
    shared++;
  return shared;
}

/** Add an edge at its sorted place. */
function insertSorted(node: RadixNode, label: string, value: RadixNode | TermData): void {
  const entries = [...node];
  if (entries.length === 0 || entries.at(-1)![0] < label) {
    node.set(label, value);
    return;
  }
  node.clear();
  let isPlaced = false;
  for (const [key, below] of entries) {
    if (!isPlaced && label < key) {
      node.set(label, value);
      isPlaced = true;
    }
    node.set(key, below);
  }
}

/** Rename an edge in place (the new label starts with the same character, so its sorted place holds). */
function replaceLabel(node: RadixNode, label: string, renamed: string, value: RadixNode | TermData): void {
  const entries = [...node];
  node.clear();
  for (const [key, below] of entries) {
    if (key === label) node.set(renamed, value);
    else node.set(key, below);
  }
}
