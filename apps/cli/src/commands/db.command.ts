import type { Command } from 'commander';
import { backupDb, createDb, migrateDb, restoreDb } from '@kehu/db';
import { isEmpty, loadConfig, seedDemo } from '@kehu/server';

/** `kehu db migrate|seed|backup|restore` on the configured database (DATABASE_URL or KEHU_DATA_DIR). */
export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('Database maintenance / 数据库维护');
  const open = async () => {
    const config = loadConfig();
    const database = await createDb(config.databaseUrl);
    await migrateDb(database);
    return database;
  };

  db.command('migrate').description('Apply pending migrations / 执行数据库迁移').action(async () => {
    const database = await open();
    console.log(`migrated ${database.location}`);
    await database.close();
  });

  db.command('seed').description('Load demo data into an empty database / 载入演示数据').action(async () => {
    const database = await open();
    try {
      if (!(await isEmpty(database))) {
        console.error('The database already has tenants; demo data is only loaded into an empty one. / 数据库非空，未载入演示数据。');
        process.exitCode = 1;
        return;
      }
      const { logins } = await seedDemo(database);
      console.log(`loaded demo data; ${logins.length} logins`);
    } finally {
      await database.close();
    }
  });

  db.command('backup <file>').description('Write every row to a gzipped file / 备份').action(async (file: string) => {
    const database = await open();
    try {
      const counts = await backupDb(database, file);
      for (const [t, n] of Object.entries(counts)) console.log(`${t.padEnd(20)} ${n}`);
      console.log(`backup written to ${file}`);
    } finally {
      await database.close();
    }
  });

  db.command('restore <file>').description('Load a backup into an empty database / 从备份恢复到空库').action(async (file: string) => {
    const database = await open();
    try {
      const counts = await restoreDb(database, file);
      for (const [t, n] of Object.entries(counts)) console.log(`${t.padEnd(20)} ${n}`);
      console.log('restore complete');
    } finally {
      await database.close();
    }
  });
}
