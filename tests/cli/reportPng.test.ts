import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqliteStore.js';
import { CONTENT_DIR, ROOT } from '../helpers.js';

it('npm run report -- --png FILE writes the chart as a PNG and still prints the report', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'report-png-'));
  const databasePath = join(folder, 'a.db');
  const store = new SqliteStore(databasePath);
  await store.recordQuestion({
    askedAt: Date.now() - 60_000,
    place: 'guild',
    userId: '100000000000000001',
    question: 'how do I bake bread',
    verdict: 'noMatch',
    topIds: [],
    latencyMs: 1,
  });
  await store.close();
  const file = join(folder, 'chart.png');
  const run = spawnSync(process.execPath, [join(ROOT, 'dist/cli/report.js'), '--png', file], {
    cwd: tmpdir(),
    encoding: 'utf8',
    env: { PATH: process.env.PATH, DATABASE_PATH: databasePath, CONTENT_DIR },
  });
  expect(run.status, run.stderr).toBe(0);
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  expect(run.stderr).toContain(`chart written to ${file} (${width}×${height} PNG)`);
  expect(run.stdout).toContain('how do I bake bread');
});
