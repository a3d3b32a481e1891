import { Parser, type Node } from 'commonmark';
import type { PhrasingContent, Root, RootContent } from 'mdast';

const parser = new Parser();

/**
 * Parse markdown (CommonMark) into the mdast nodes the chapter reader uses: commonmark.js, the reference
 * parser, is many times faster than remark on large chapters, and its tree maps onto mdast one node for one
 * (adjacent text and soft line breaks merged into one text node, as mdast has them; link reference
 * definitions, which have no text, are left out).
 *
 * @param markdown A chapter body, front matter removed.
 */
export function parseMarkdown(markdown: string): Root {
  return { type: 'root', children: blocks(parser.parse(markdown)) as RootContent[] };
}

type Position = { start: { line: number; column: number }; end: { line: number; column: number } };

function positionOf(node: Node): Position | undefined {
  const [start, end] = node.sourcepos ?? [];
  if (start === undefined || end === undefined) return undefined;
  return { start: { line: start[0], column: start[1] }, end: { line: end[0], column: end[1] } };
}

function childrenOf(node: Node): Node[] {
  const children: Node[] = [];
  for (let child = node.firstChild; child !== null; child = child.next) children.push(child);
  return children;
}

function blocks(node: Node): RootContent[] {
  return childrenOf(node).map(block);
}

function block(node: Node): RootContent {
  const position = positionOf(node);
  switch (node.type) {
    case 'paragraph':
      return { type: 'paragraph', children: inlines(node), position };
    case 'heading':
      return { type: 'heading', depth: node.level as 1, children: inlines(node), position };
    case 'list':
      return {
        type: 'list',
        ordered: node.listType === 'ordered',
        start: node.listType === 'ordered' ? node.listStart : null,
        spread: !node.listTight,
        children: childrenOf(node).map((item) => ({
          type: 'listItem',
          spread: !node.listTight,
          children: blocks(item) as never,
          position: positionOf(item),
        })),
        position,
      };
    case 'block_quote':
      return { type: 'blockquote', children: blocks(node) as never, position };
    case 'code_block':
      return {
        type: 'code',
        lang: node.info === null || node.info === '' ? null : node.info.split(/\s/)[0]!,
        value: (node.literal ?? '').replace(/\n$/, ''),
        position,
      };
    case 'html_block':
      return { type: 'html', value: (node.literal ?? '').replace(/\n$/, ''), position };
    case 'thematic_break':
      return { type: 'thematicBreak', position };
    default:
      return { type: 'html', value: '', position };
  }
}

function inlines(node: Node): PhrasingContent[] {
  const result: PhrasingContent[] = [];
  const appendText = (value: string): void => {
    const tail = result.at(-1);
    if (tail?.type === 'text') tail.value += value;
    else result.push({ type: 'text', value });
  };
  for (const child of childrenOf(node)) {
    switch (child.type) {
      case 'text':
        appendText(child.literal ?? '');
        break;
      case 'softbreak':
        appendText('\n');
        break;
      case 'linebreak':
        result.push({ type: 'break' });
        break;
      case 'code':
        result.push({ type: 'inlineCode', value: child.literal ?? '' });
        break;
      case 'html_inline':
        result.push({ type: 'html', value: child.literal ?? '' });
        break;
      case 'emph':
        result.push({ type: 'emphasis', children: inlines(child) });
        break;
      case 'strong':
        result.push({ type: 'strong', children: inlines(child) });
        break;
      case 'link':
        result.push({
          type: 'link',
          url: child.destination ?? '',
          title: child.title || null,
          children: inlines(child),
        });
        break;
      case 'image':
        result.push({ type: 'image', url: child.destination ?? '', title: child.title || null, alt: null });
        break;
      default:
        appendText(child.literal ?? '');
    }
  }
  return result;
}
