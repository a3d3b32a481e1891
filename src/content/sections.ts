import type { Heading, RootContent } from 'mdast';
import { blockText, headingTitle, plainText, splitFeature, splitLabel } from './markdownText.js';
import { parseMarkdown } from './parseMarkdown.js';

/** The run of blocks under one heading (or before the first heading, at depth 0). */
export interface Section {
  depth: number;
  title: string;
  line: number;
  nodes: RootContent[];
}

/** What a section says: prose before or between its lists, and its features. */
export interface SectionContent {
  prose: string[];
  proseLine: number | null;
  features: { title: string; text: string; line: number }[];
}

/** Split a chapter body into sections at its headings; lines are file lines. */
export function splitSections(body: string, lineOffset: number): Section[] {
  const tree = parseMarkdown(body);
  const sections: Section[] = [{ depth: 0, title: '', line: lineOffset + 1, nodes: [] }];
  for (const node of tree.children) {
    if (node.type === 'heading') {
      sections.push({
        depth: node.depth,
        title: headingTitle(plainText((node as Heading).children)),
        line: lineOf(node, lineOffset),
        nodes: [],
      });
    } else {
      sections.at(-1)!.nodes.push(node);
    }
  }
  return sections;
}

/** Read a section's prose and features; `**Label:**` lines are structure, not text. */
export function readSection(section: Section, lineOffset: number): SectionContent {
  const content: SectionContent = { prose: [], proseLine: null, features: [] };
  let label: string | null = null;
  const addProse = (text: string, node: RootContent): void => {
    if (text === '') return;
    content.prose.push(text);
    content.proseLine ??= lineOf(node, lineOffset);
  };
  for (const node of section.nodes) {
    if (node.type === 'paragraph') {
      const labelled = splitLabel(node);
      label = labelled?.label ?? null;
      addProse(labelled ? plainText(labelled.rest) : plainText(node.children), node);
      continue;
    }
    if (node.type === 'list') {
      const isFeatureList = node.children.some((item) => splitFeature(item) !== null);
      if (!isFeatureList && label !== null) {
        // A label over a plain list names it: `**Benefits:**` then bullets is a feature "Benefits".
        content.features.push({ title: label, text: blockText(node), line: lineOf(node, lineOffset) });
      } else if (!isFeatureList) {
        addProse(blockText(node), node);
      } else {
        for (const item of node.children) {
          const feature = splitFeature(item);
          const previous = content.features.at(-1);
          if (feature !== null) {
            content.features.push({ ...feature, line: lineOf(item, lineOffset) });
          } else if (previous !== undefined) {
            previous.text = [previous.text, blockText({ ...node, children: [item] })].join('\n');
          } else {
            addProse(blockText({ ...node, children: [item] }), item as unknown as RootContent);
          }
        }
      }
      label = null;
      continue;
    }
    label = null;
    addProse(blockText(node), node);
  }
  return content;
}

/** The depth of the headings that own feature lists most often; without features, the shallowest below H1. */
export function findServiceDepth(sections: Section[], contents: SectionContent[]): number {
  const counts = new Map<number, number>();
  sections.forEach((section, index) => {
    if (section.depth > 0 && contents[index]!.features.length > 0) {
      counts.set(section.depth, (counts.get(section.depth) ?? 0) + 1);
    }
  });
  if (counts.size > 0) {
    let depth = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
    // Repeated titles ("### Key Features" under every service) are sub-sections, not services.
    const titles = sections
      .filter((section, index) => section.depth === depth && contents[index]!.features.length > 0)
      .map((section) => section.title.toLowerCase());
    const parents = sections.map((section) => section.depth).filter((d) => d > 1 && d < depth);
    if (new Set(titles).size < titles.length && parents.length > 0) depth = Math.max(...parents);
    return depth;
  }
  const depths = sections.map((section) => section.depth).filter((depth) => depth > 1);
  return depths.length > 0 ? Math.min(...depths) : 1;
}

function lineOf(node: { position?: { start: { line: number } } }, lineOffset: number): number {
  return (node.position?.start.line ?? 1) + lineOffset;
}
