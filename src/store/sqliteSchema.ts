import type Database from 'better-sqlite3';
import { MIGRATIONS, MIGRATIONS_TABLE } from './migrations.js';

/** Whether the file holds the question store's tables (any version). */
export function hasSchema(db: Database.Database): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'questions'").get() !== undefined
  );
}

/**
 * Apply the migrations not yet applied, under one write lock so two processes opening the file at once
 * migrate it once. A file from before `schema_migrations` counted its migrations in `user_version`.
 */
export function migrate(db: Database.Database): void {
  db.transaction(() => {
    db.exec(MIGRATIONS_TABLE);
    let current = (
      db.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_migrations').get() as { v: number }
    ).v;
    const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
    if (current === 0) {
      const legacy = db.pragma('user_version', { simple: true }) as number;
      for (let version = 1; version <= legacy; version++) record.run(version, Date.now());
      current = legacy;
    }
    for (const migration of MIGRATIONS.filter((m) => m.version > current)) {
      db.exec(migration.sqlite);
      record.run(migration.version, Date.now());
    }
  }).immediate();
}
