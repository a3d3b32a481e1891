import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answer, type AnswerOptions } from '../../src/answer/answer.js';
import { toAnswerJson } from '../../src/answer/answerJson.js';
import type { Chapter, ContentFile } from '../../src/content/chapter.js';
import { chunkChapter } from '../../src/content/chunkChapter.js';
import { parseGlossary } from '../../src/content/parseGlossary.js';
import { buildIndex, type KnowledgeIndex } from '../../src/search/buildIndex.js';
import { updateIndex } from '../../src/search/updateIndex.js';
import { contentFile, fixtureChapter, ROOT } from '../helpers.js';

const EVAL_DIR = `${ROOT}tests/fixtures/eval`;
/** Every eval question. */
const QUESTIONS = readdirSync(EVAL_DIR)
  .filter((file) => file.endsWith('.jsonl'))
  .flatMap((file) =>
    readFileSync(`${EVAL_DIR}/${file}`, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { q: string }).q),
  );

const glossaryFile = contentFile('glossary.yml');
const glossary = parseGlossary(glossaryFile.text, glossaryFile.file);

const answers = (
  index: KnowledgeIndex,
  options: Partial<AnswerOptions> = {},
  questions: readonly string[] = QUESTIONS,
): string[] =>
  questions.map((question) =>
    JSON.stringify(toAnswerJson(answer(index, question, { limit: 50, ...options }))),
  );

/** The shipped chapter between two fixture chapters, parsed. */
function library(): Chapter[] {
  return [
    fixtureChapter('h2-services.md'),
    contentFile('networking-service.md'),
    fixtureChapter('key-features-subsections.md'),
  ].map((file) => chunkChapter(file));
}

/** The library with one chapter's text changed by `edit`. */
function edited(chapters: readonly Chapter[], file: string, edit: (text: string) => string): Chapter[] {
  const source: ContentFile = file === 'networking-service.md' ? contentFile(file) : fixtureChapter(file);
  return chapters.map((chapter) =>
    chapter.file === file ? chunkChapter({ file, text: edit(source.text) }) : chapter,
  );
}

describe('updateIndex', () => {
  const chapters = library();

  it.each([
    [
      'a feature removed (later chapters move up)',
      'networking-service.md',
      (text: string) => text.replace(/^\+ \*\*Scalability:\*\*.*$/m, ''),
    ],
    [
      'a word changed (the vocabulary forgets and learns)',
      'networking-service.md',
      (text: string) => text.replaceAll('bandwidth levels', 'bandwith tiers'),
    ],
    [
      'a feature added to the first chapter',
      'h2-services.md',
      (text: string) => `${text}\n- **Zephyr Relay:** A zephyr relay forwards zephyr traffic.\n`,
    ],
  ])('answers every eval question as a fresh build does after %s, updated in place', (_, file, edit) => {
    const next = edited(chapters, file, edit);
    const update = updateIndex(buildIndex(chapters, glossary), next, glossary);
    expect(update.rebuilt).toBeNull();
    expect(answers(update.index)).toEqual(answers(buildIndex(next, glossary)));
  });

  it('answers as a fresh build does when a large index picks candidates first, equal scores in reading order', () => {
    // Forced on a small library: a quick pass keeps one candidate, and a typo's matches add one more.
    const pruned = { pruneAbovePostings: 0, candidatesMax: 1 };
    const relay = '- **Zephyr Relay:** A zephyr relay forwards traffic.';
    const withRelay = (text: string): string => `${text}\n${relay}\n`;
    // The same feature in the last chapter, then in the first: both score the same for any question.
    const before = edited(chapters, 'h2-services.md', withRelay);
    const after = edited(before, 'key-features-subsections.md', withRelay);
    const update = updateIndex(buildIndex(before, glossary), after, glossary);
    expect(update.rebuilt).toBeNull();
    const questions = ['what does a zephir relay do', ...QUESTIONS];
    expect(answers(update.index, pruned, questions)).toEqual(
      answers(buildIndex(after, glossary), pruned, questions),
    );
  });

  it('finds a word first where a fresh build does when its first chunk loses it and a later one gains it', () => {
    // "zebrafish" leaves the overview and joins the last feature: a kept feature between holds it first.
    const chapter = (overview: string, last: string): Chapter[] => [
      chunkChapter({
        file: 'a.md',
        text: `# Alpha Guide\n\nIntro text.\n\n## Amazon Foo\n\nFoo stores ${overview} records.\n\n- **One:** The first feature talks of widgets.\n- **Two:** The second feature mentions zebrafish too.\n- **Three:** The third feature covers gadgets ${last}.\n`,
      }),
    ];
    const next = chapter('plain', 'zebrafosh and zebrafosh and zebrafish');
    const update = updateIndex(buildIndex(chapter('zebrafish', 'zebrafosh and zebrafosh'), []), next, []);
    const fresh = buildIndex(next, []);
    expect(update.rebuilt).toBeNull();
    // First occurrence breaks the tie between two words one typo away.
    expect(update.index.tokenizer.vocabulary.correct('zebrafush')).toBe(
      fresh.tokenizer.vocabulary.correct('zebrafush'),
    );
    expect(answers(update.index, {}, ['what does zebrafush do?'])).toEqual(
      answers(fresh, {}, ['what does zebrafush do?']),
    );
  });

  it('builds whole, saying why, when the glossary changes, and leaves the previous index as it was', () => {
    const previous = buildIndex(chapters, glossary);
    const before = answers(previous);
    const update = updateIndex(previous, chapters, [
      ...glossary,
      { term: 'zephyr', aliases: ['breeze'], source: { file: 'g.yml', line: 1 } },
    ]);
    expect(update.rebuilt).toBe('the glossary changed');
    expect(answers(previous)).toEqual(before);
  });
});
