import type Database from 'better-sqlite3';
import { MIGRATIONS, MIGRATIONS_TABLE } from './migrations.js';

/** Whether the file holds the question store's tables (any version). */
export function hasSchema(db: Database.Database): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'questions'").get() !== undefined
  );
}

/** The migration versions the file recorded (in `schema_migrations`, or counted in `user_version` before it). */
export function appliedMigrations(db: Database.Database): number[] {
  const hasTable =
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !==
    undefined;
  if (hasTable) return db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[];
  const legacy = db.pragma('user_version', { simple: true }) as number;
  return Array.from({ length: legacy }, (_, i) => i + 1);
}

/**
 * Apply the migrations not yet applied, under one write lock so two processes opening the file at once
 * migrate it once. A file from before `schema_migrations` counted its migrations in `user_version`.
 */
export function migrate(db: Database.Database): void {
  db.transaction(() => {
    db.exec(MIGRATIONS_TABLE);
    const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
    let applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
    if (applied.size === 0) {
      const legacy = db.pragma('user_version', { simple: true }) as number;
      for (let version = 1; version <= legacy; version++) record.run(version, Date.now());
      applied = new Set(Array.from({ length: legacy }, (_, i) => i + 1));
    }
    // Every migration not recorded, not only those above the highest: a branch's number may land later.
    for (const migration of MIGRATIONS.filter((m) => !applied.has(m.version))) {
      db.exec(migration.sqlite);
      record.run(migration.version, Date.now());
    }
  }).immediate();
}
