import GithubSlugger from 'github-slugger';
import type { Chapter, Chunk, ChunkKind, ContentFile } from './chapter.js';
import { ContentError } from './contentError.js';
import { parseFrontMatter } from './parseFrontMatter.js';
import { findServiceDepth, readSection, splitSections } from './sections.js';

/** Headings that introduce a chapter rather than name a service. */
const INTRODUCTION_TITLE = /^(introduction|intro|overview|about|preface|background)\b/i;

/**
 * Parse a markdown chapter into chunks: the introduction, one overview per service and one chunk per feature.
 *
 * Services are the headings at the depth where feature lists live (H3 in the first chapter, H2 elsewhere);
 * shallower headings are containers, deeper ones sub-sections of their service.
 *
 * @param source The file's path relative to the content folder and its text.
 * @throws ContentError for unparseable front matter, an empty chapter or two chunks with one id.
 */
export function chunkChapter(source: ContentFile): Chapter {
  const { file, text } = source;
  if (text.trim() === '') throw new ContentError('chunkChapter: empty chapter', file, null);
  const { frontMatter, body, bodyLineOffset } = parseFrontMatter(text, file);
  const sections = splitSections(body, bodyLineOffset);
  const h1 = sections.find((section) => section.depth === 1);
  const title = frontMatter.title ?? h1?.title ?? titleFromPath(file);
  const slug = file.replace(/\.md$/i, '').split('/').map(slugify).join('/');

  const contents = sections.map((section) => readSection(section, bodyLineOffset));
  const serviceDepth = findServiceDepth(sections, contents);
  const chunks: Chunk[] = [];
  const slugger = new GithubSlugger();
  const anchors = sections.map((section) => (section.depth === 0 ? '' : slugger.slug(section.title)));
  const stack: { depth: number; title: string; anchor: string }[] = [];
  let service: { title: string; anchor: string } | null = null;
  let introduction: { parts: string[]; line: number; headings: string[]; anchor: string } | null = null;

  const push = (
    kind: ChunkKind,
    headings: string[],
    feature: string | null,
    chunkText: string,
    line: number,
    anchor: string,
  ): void => {
    const serviceTitle = kind === 'introduction' ? null : (service?.title ?? headings.at(-1) ?? title);
    const idParts = [slug, ...headings.slice(1).map(slugify), ...(feature ? [slugify(feature)] : [])];
    chunks.push({
      id: idParts.filter((part) => part !== '').join('/'),
      kind,
      chapter: title,
      service: serviceTitle,
      feature,
      headings: feature ? [...headings, feature] : headings,
      text: chunkText,
      anchor,
      source: { file, line },
    });
  };

  sections.forEach((section, index) => {
    const content = contents[index]!;
    const anchor = anchors[index]!;
    while (stack.length > 0 && stack.at(-1)!.depth >= section.depth) stack.pop();
    if (section.depth > 0) stack.push({ depth: section.depth, title: section.title, anchor });
    // A leading "## Introduction" at the services' depth introduces the chapter; it is not a service.
    const isIntroduction =
      chunks.length === 0 && content.features.length === 0 && INTRODUCTION_TITLE.test(section.title);
    if (section.depth === serviceDepth && !isIntroduction) service = { title: section.title, anchor };
    else if (section.depth <= serviceDepth) service = null;

    const inService = service !== null;
    const trail = [title, ...stack.filter((entry) => entry.depth >= serviceDepth).map((e) => e.title)];
    const prose = content.prose.join('\n');
    if (!inService && chunks.length === 0) {
      // Everything before the first service is the chapter's introduction, whatever its headings.
      if (prose !== '') {
        introduction ??= {
          parts: [],
          line: content.proseLine ?? section.line,
          headings: section.depth > 1 ? [title, section.title] : [title],
          anchor,
        };
        introduction.parts.push(prose);
      }
      for (const feature of content.features) {
        push('feature', [title], feature.title, feature.text, feature.line, anchor);
      }
      return;
    }
    const sectionTrail = inService ? trail : [title, section.title];
    if (prose !== '') {
      const isServiceHeading = section.depth <= serviceDepth;
      const kind: ChunkKind = isServiceHeading ? 'overview' : 'feature';
      const feature = isServiceHeading ? null : section.title;
      const headings = isServiceHeading ? sectionTrail : sectionTrail.slice(0, -1);
      push(kind, headings, feature, prose, content.proseLine ?? section.line, anchor);
    }
    for (const feature of content.features) {
      push('feature', sectionTrail, feature.title, feature.text, feature.line, anchor);
    }
  });
  if (introduction !== null) {
    const intro = introduction as { parts: string[]; line: number; headings: string[]; anchor: string };
    chunks.unshift({
      id: slug,
      kind: 'introduction',
      chapter: title,
      service: null,
      feature: null,
      headings: intro.headings,
      text: intro.parts.join('\n'),
      anchor: intro.anchor,
      source: { file, line: intro.line },
    });
  }
  assertUniqueIds(chunks);
  const glossary = Object.entries(frontMatter.glossary).map(([term, aliases]) => ({ term, aliases }));
  return { file, slug, title, number: frontMatter.number, weight: frontMatter.weight, chunks, glossary };
}

function assertUniqueIds(chunks: Chunk[]): void {
  const seen = new Map<string, Chunk>();
  for (const chunk of chunks) {
    const first = seen.get(chunk.id);
    if (first !== undefined) {
      throw new ContentError(
        `chunkChapter: duplicate id "${chunk.id}" (first at line ${first.source.line})`,
        chunk.source.file,
        chunk.source.line,
      );
    }
    seen.set(chunk.id, chunk);
  }
}

function titleFromPath(file: string): string {
  const name = file.split('/').at(-1)!.replace(/\.md$/i, '').replace(/[-_]+/g, ' ').trim();
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** GitHub-style slug of one heading, independent of other headings (ids must not shift when text moves). */
function slugify(text: string): string {
  return GithubSlugger.prototype.slug.call(new GithubSlugger(), text) as string;
}
