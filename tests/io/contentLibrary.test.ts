import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentLibrary, type LibraryEvents } from '../../src/io/contentLibrary.js';
import { CONTENT_DIR } from '../helpers.js';

type Events = Required<LibraryEvents>;
type Event = { [K in keyof Events]: { kind: K; info: Parameters<Events[K]>[0] } }[keyof Events];

/** The library's events as they happen, and a way to wait for one. */
function recorder() {
  const seen: Event[] = [];
  const waiters: { test: (e: Event) => boolean; resolve: (e: Event) => void }[] = [];
  const push = (event: Event): void => {
    seen.push(event);
    for (const waiter of [...waiters]) {
      if (!waiter.test(event)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(event);
    }
  };
  const events: Events = {
    reloaded: (info) => push({ kind: 'reloaded', info }),
    failed: (info) => push({ kind: 'failed', info }),
    skipped: (info) => push({ kind: 'skipped', info }),
    watching: (info) => push({ kind: 'watching', info }),
    cache: (info) => push({ kind: 'cache', info }),
  };
  /** The next event (after those already seen) that passes `test`. */
  const next = (test: (e: Event) => boolean): Promise<Event> =>
    new Promise((resolve, reject) => {
      const waiter = { test, resolve };
      waiters.push(waiter);
      setTimeout(() => reject(new Error(`no such event; seen: ${JSON.stringify(seen)}`)), 10_000).unref();
    });
  return { events, seen, next };
}

/** A copy of the shipped content in a folder of its own (its parent is watched too). */
function contentCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'library-')), 'content');
  cpSync(CONTENT_DIR, dir, { recursive: true });
  return dir;
}

const FEATURE = '\n+ **Zephyr Relay:** A zephyr relay forwards zephyr traffic.\n';
let library: ContentLibrary | null = null;
afterEach(() => library?.close());

describe('ContentLibrary.watch', () => {
  it('falls back to polling when the folder cannot be watched, says why, and still reloads', async () => {
    const dir = contentCopy();
    const { events, next } = recorder();
    library = await ContentLibrary.load(dir, events);
    const chunks = library.current().chunks.size;
    const noWatches = (): never => {
      throw Object.assign(new Error('inotify watch limit reached'), { code: 'ENOSPC' });
    };
    const polling = next((e) => e.kind === 'watching');
    await library.watch(events, { watchFolder: noWatches, pollMs: 20 });
    expect(await polling).toEqual({
      kind: 'watching',
      info: { state: 'polling', reason: 'cannot watch the content folder (ENOSPC)', folders: 0 },
    });
    const reloaded = next((e) => e.kind === 'reloaded');
    writeFileSync(join(dir, 'networking-service.md'), FEATURE, { flag: 'a' });
    expect(await reloaded).toMatchObject({ info: { chunks: chunks + 1 } });
  });

  it('reloads a change made after loading and before watching began', async () => {
    const dir = contentCopy();
    const { events, next } = recorder();
    library = await ContentLibrary.load(dir, events);
    const chunks = library.current().chunks.size;
    writeFileSync(join(dir, 'networking-service.md'), FEATURE, { flag: 'a' });
    const reloaded = next((e) => e.kind === 'reloaded');
    await library.watch(events, { quietMs: 10 });
    expect(await reloaded).toMatchObject({ info: { chunks: chunks + 1 } });
  });

  it('reloads when asked.yml is written; a line for a section that is gone is left out, the rest loaded', async () => {
    const dir = contentCopy();
    const { events, next } = recorder();
    library = await ContentLibrary.load(dir, events);
    await library.watch(events, { quietMs: 10 });
    const id = 'networking-service/aws-direct-connect/dedicated-connections';
    const reloaded = next((e) => e.kind === 'reloaded');
    writeFileSync(join(dir, 'asked.yml'), `${id}:\n  - how many co-locations do i need\n`);
    await reloaded;
    expect(library.current().asked.get(id)).toEqual(['how many co-locations do i need']);
    const again = next((e) => e.kind === 'reloaded');
    writeFileSync(join(dir, 'asked.yml'), `${id}:\n  - a\nnetworking-service/gone:\n  - b\n`);
    await again;
    expect([...library.current().asked]).toEqual([[id, ['a']]]);
  });

  it('says when the folder is gone and when it is back, and reloads what comes back', async () => {
    const dir = contentCopy();
    const { events, next } = recorder();
    library = await ContentLibrary.load(dir, events);
    const chunks = library.current().chunks.size;
    await library.watch(events, { quietMs: 10 });
    const gone = next((e) => e.kind === 'watching');
    rmSync(dir, { recursive: true });
    expect(await gone).toMatchObject({ info: { state: 'waiting', reason: 'the content folder is missing' } });
    const back = next((e) => e.kind === 'watching');
    const reloaded = next((e) => e.kind === 'reloaded' && e.info.chunks === chunks + 1);
    cpSync(CONTENT_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'networking-service.md'), FEATURE, { flag: 'a' });
    expect(await back).toMatchObject({ info: { state: 'watching', reason: 'the content folder is back' } });
    await reloaded;
  });

  it('says when the folder was replaced at once, and reloads the new one', async () => {
    const dir = contentCopy();
    const { events, next } = recorder();
    library = await ContentLibrary.load(dir, events);
    const chunks = library.current().chunks.size;
    await library.watch(events, { quietMs: 10 });
    const replaced = next((e) => e.kind === 'watching');
    const reloaded = next((e) => e.kind === 'reloaded' && e.info.chunks === chunks + 1);
    rmSync(dir, { recursive: true });
    cpSync(CONTENT_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'networking-service.md'), FEATURE, { flag: 'a' });
    expect(await replaced).toMatchObject({
      info: { state: 'watching', reason: 'the content folder was replaced', folders: 1 },
    });
    await reloaded;
  });
});
