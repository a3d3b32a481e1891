import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { toAnswerJson } from '../../src/answer/answerJson.js';
import { ContentLibrary } from '../../src/io/contentLibrary.js';
import { readContent } from '../../src/io/readContent.js';
import type { KnowledgeIndex } from '../../src/search/buildIndex.js';
import { indexContent } from '../../src/search/indexContent.js';
import { contentFile, fixtureChapter, ROOT } from '../helpers.js';
import { chapterArbitrary, type ChapterTruth } from '../study/chapterArbitrary.js';

/** Three generated chapters, then the shipped one, so the eval questions find answers. */
const FILES = ['a.md', 'b.md', 'c.md', 'networking.md'] as const;

const EVAL_DIR = `${ROOT}tests/fixtures/eval`;
/** Every eval question. */
const EVAL_QUESTIONS = readdirSync(EVAL_DIR)
  .filter((file) => file.endsWith('.jsonl'))
  .flatMap((file) =>
    readFileSync(join(EVAL_DIR, file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { q: string }).q),
  );

/** One edit of the content folder: a chapter rewritten, extended, reworded, emptied (broken) or removed. */
type Edit =
  | { kind: 'write'; file: number; chapter: ChapterTruth }
  | { kind: 'append'; file: number; feature: string }
  | { kind: 'reword'; file: number; from: number; to: string }
  | { kind: 'break'; file: number }
  | { kind: 'remove'; file: number };

const fileIndex = fc.integer({ min: 0, max: FILES.length - 1 });
const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('write' as const),
      file: fileIndex,
      chapter: chapterArbitrary(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('append' as const),
      file: fileIndex,
      feature: fc.constantFrom('Zephyr Relay', 'Quorum Gate', 'Lattice Cache'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('reword' as const),
      file: fileIndex,
      from: fc.nat(),
      to: fc.constantFrom('zephyr', 'bandwith', 'relays', 'a'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('break' as const), file: fileIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), file: fileIndex }) },
);

function applyEdit(dir: string, edit: Edit): void {
  const path = join(dir, FILES[edit.file]!);
  if (edit.kind === 'write') writeFileSync(path, edit.chapter.file.text);
  else if (edit.kind === 'append') {
    const word = edit.feature.split(' ')[0]!.toLowerCase();
    writeFileSync(path, `\n+ **${edit.feature}:** A ${word} relay forwards ${word} traffic.\n`, {
      flag: 'a',
    });
  } else if (edit.kind === 'reword') {
    // One word of the text (never of a heading or a bold lead) becomes another: the vocabulary changes.
    const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const words = [...text.matchAll(/(?<=[a-z] )[a-z]{4,}(?= [a-z])/g)];
    const word = words[edit.from % Math.max(1, words.length)];
    if (word !== undefined)
      writeFileSync(path, text.slice(0, word.index) + edit.to + text.slice(word.index + word[0].length));
  } else if (edit.kind === 'break') writeFileSync(path, '');
  else rmSync(path, { force: true });
}

/** Questions about whatever the generated chapters say, and a few that no chapter answers. */
function questionsOf(chapters: readonly ChapterTruth[]): string[] {
  return [
    ...chapters.flatMap((chapter) =>
      chapter.services.flatMap((service) => [
        `what is ${service.heading}`,
        ...service.features.slice(0, 2).map((feature) => `${feature.title} of ${service.names.at(-1)}`),
      ]),
    ),
    'what is a zephyr relay',
    'quorum gate limits',
    'how do I bake bread',
  ];
}

const answers = (index: KnowledgeIndex, questions: readonly string[]): string[] =>
  questions.map((question) => JSON.stringify(toAnswerJson(answer(index, question, { limit: 50 }))));

/** A fresh build of the folder as it is now, or null when its content is broken. */
async function freshIndex(dir: string): Promise<KnowledgeIndex | null> {
  try {
    return indexContent(await readContent(dir));
  } catch {
    return null;
  }
}

describe('ContentLibrary.reload', () => {
  it('answers every eval question, after any sequence of edits, exactly as a fresh build of the same files (or the last good one), updating in place where it can', async () => {
    const updates = { inPlace: 0, whole: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(chapterArbitrary(), { minLength: FILES.length - 1, maxLength: FILES.length - 1 }),
        fc.array(editArbitrary, { minLength: 1, maxLength: 4 }),
        async (initial, edits) => {
          const dir = mkdtempSync(join(tmpdir(), 'incremental-'));
          initial.forEach((chapter, i) => writeFileSync(join(dir, FILES[i]!), chapter.file.text));
          writeFileSync(join(dir, FILES[3]), contentFile('networking-service.md').text);
          writeFileSync(join(dir, 'glossary.yml'), contentFile('glossary.yml').text);
          const questions = [
            ...questionsOf([...initial, ...edits.flatMap((e) => (e.kind === 'write' ? [e.chapter] : []))]),
            ...EVAL_QUESTIONS,
          ];
          let good = await freshIndex(dir);
          if (good === null) return; // Generated chapters that clash (a duplicate id): nothing to reload.
          const library = await ContentLibrary.load(dir);
          await library.watch(
            {
              reloaded: (info) => void (info.rebuilt === null ? updates.inPlace++ : updates.whole++),
              failed: () => {},
            },
            { quietMs: 60_000 },
          );
          library.close();
          for (const edit of edits) {
            applyEdit(dir, edit);
            await library.reload();
            const fresh = await freshIndex(dir);
            if (fresh !== null) good = fresh;
            expect(answers(library.current(), questions)).toEqual(answers(good, questions));
          }
          rmSync(dir, { recursive: true, force: true });
        },
      ),
      { numRuns: 8 },
    );
    // Both paths were taken: chapters re-indexed in place, and built whole when something library-wide changed.
    expect(updates.inPlace).toBeGreaterThan(0);
    expect(updates.whole).toBeGreaterThan(0);
  }, 300_000);

  it('parses again only the chapter that changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'incremental-'));
    writeFileSync(join(dir, 'a.md'), contentFile('networking-service.md').text);
    writeFileSync(join(dir, 'b.md'), fixtureChapter('h2-services.md').text);
    const parsed: number[] = [];
    const library = await ContentLibrary.load(dir);
    await library.watch({ reloaded: (info) => parsed.push(info.parsed), failed: () => {} }, { quietMs: 10 });
    library.close();
    applyEdit(dir, { kind: 'append', file: 0, feature: 'Zephyr Relay' });
    await library.reload();
    expect(parsed.at(-1)).toBe(1);
  });
});
