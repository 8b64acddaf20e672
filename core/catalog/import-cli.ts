// Usage: npm run catalog:import -- FILE   (env DATA_DIR, default ./data; database DATA_DIR/terminal.sqlite)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase } from '../db/connection.js';
import { CatalogValidationError, importCatalogText } from './import.js';

function main(argv: string[]): number {
  const file = argv[0];
  if (!file) {
    console.error('用法 / usage: npm run catalog:import -- FILE');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch (err) {
    console.error(`无法读取文件 / cannot read ${file}: ${(err as Error).message}`);
    return 1;
  }
  const dbFile = resolve(process.env.DATA_DIR ?? './data', 'terminal.sqlite');
  const db = openDatabase(dbFile);
  try {
    const s = importCatalogText(db, text);
    console.log(
      `已导入 / imported ${file} into ${dbFile}: ${s.procedures} 个事项 procedures, ${s.categories} 个分类 categories, ` +
        `${s.departments} 个部门 departments (sha256 ${s.hash.slice(0, 12)})`,
    );
    return 0;
  } catch (err) {
    if (!(err instanceof CatalogValidationError)) throw err;
    for (const i of err.issues) console.error(`${i.path}: ${i.message}${i.procedure ? ` [${i.procedure}]` : ''}`);
    console.error(`共 ${err.issues.length} 处错误，未导入任何内容 / ${err.issues.length} error(s); nothing was imported.`);
    return 1;
  } finally {
    db.close();
  }
}

process.exitCode = main(process.argv.slice(2));
