import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Chunk } from '../../src/content/chapter.js';

/** Deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = [
  'Nimbus',
  'Stratus',
  'Cirrus',
  'Aurora',
  'Zephyr',
  'Cobalt',
  'Quartz',
  'Harbor',
  'Beacon',
  'Summit',
];
const VENDORS = ['Amazon', 'AWS'];

/**
 * Write a corpus of about `targetChunks` chunks as markdown chapters, recombining the real chapter's
 * sentences under renamed services, so it parses and ranks like real content. Deterministic for a seed.
 *
 * @returns The number of chapters written.
 */
export async function writeSyntheticCorpus(
  dir: string,
  source: readonly Chunk[],
  targetChunks: number,
  seed = 42,
): Promise<number> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const sentences = source.flatMap((chunk) => chunk.text.split(/(?<=\.)\s+/)).filter((s) => s.length > 30);
  const titles = [...new Set(source.map((chunk) => chunk.feature).filter((t): t is string => t !== null))];
  // Every way the real chapter names a service (full name, name without vendor, acronym) becomes the new
  // service's name, so service terms are as rare in the corpus as they would be in a real course.
  const realServices = [
    ...new Set(source.map((chunk) => chunk.service).filter((s): s is string => s !== null)),
  ];
  const names = realServices.flatMap((service) => {
    const acronyms = [...service.matchAll(/\(([^)]+)\)/g)].map((match) => match[1]!);
    const bare = service.replace(/\([^)]*\)/g, '').trim();
    return [service, bare, bare.replace(/^(Amazon|AWS) /, ''), ...acronyms];
  });
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const renameFrom = new RegExp(
    [...new Set(names)]
      .sort((a, b) => b.length - a.length)
      .map((name) => `\\b${escape(name)}\\b`)
      .join('|'),
    'g',
  );
  const servicesPerChapter = 5;
  let written = 0;
  let chapter = 0;
  await mkdir(dir, { recursive: true });
  while (written < targetChunks) {
    chapter++;
    const lines = [
      '---',
      `title: "Synthetic Chapter ${chapter}"`,
      `weight: ${chapter}`,
      `pre: "<b> ${chapter}.1 </b>"`,
      '---',
      '',
      '## Introduction',
      pick(sentences),
      '',
    ];
    written++;
    for (let s = 0; s < servicesPerChapter && written < targetChunks; s++) {
      const name = `${pick(NAMES)} ${chapter}x${s}`;
      const service = `${pick(VENDORS)} ${name}`;
      const text = (count: number): string =>
        Array.from({ length: count }, () => pick(sentences))
          .join(' ')
          .replace(renameFrom, name);
      lines.push(`### ${service}:`, '', text(2), '', '**Key Feature:**', '');
      written++;
      const features = [...titles].sort(() => next() - 0.5).slice(0, 4 + Math.floor(next() * 4));
      for (const title of features) {
        if (written >= targetChunks) break;
        lines.push(`+ **${title}:** ${text(2 + Math.floor(next() * 2))}`, '');
        written++;
      }
    }
    await writeFile(join(dir, `chapter-${String(chapter).padStart(5, '0')}.md`), `${lines.join('\n')}\n`);
  }
  return chapter;
}
