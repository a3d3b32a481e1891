import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

describe('npm run report -- --since', () => {
  it.each(['99999999d', '3651d', '10000w'])('refuses %s, a window longer than anything is kept', (since) => {
    const database = join(mkdtempSync(join(tmpdir(), 'report-')), 'assistant.db');
    const run = spawnSync(process.execPath, [join(ROOT, 'dist/cli/report.js'), '--since', since], {
      cwd: tmpdir(),
      encoding: 'utf8',
      env: { PATH: process.env.PATH, DATABASE_PATH: database },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^error: --since takes a window such as 7d, 24h, 30m or 2w\nusage: npm run report -- \[--since 7d \(at most 3650d\)\]/,
    );
  });
});
