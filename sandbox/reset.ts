/**
 * `npm run sandbox:reset`: back to the seed. Deletes the sandbox's data files, and if a sandbox is
 * running on PORT (default 5173) asks it to reset too, so its memory does not write them back.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { dataFiles, DEFAULT_APP_ROOT, DEFAULT_PORT } from './server';

async function main(): Promise<void> {
  const dataDir = process.env.SANDBOX_DATA_DIR ?? join(DEFAULT_APP_ROOT, '.sandbox-data');
  for (const file of Object.values(dataFiles(dataDir))) rmSync(file, { force: true });
  const url = `http://localhost:${process.env.PORT ?? DEFAULT_PORT}/api/reset`;
  try {
    await fetch(url, { method: 'POST', headers: { accept: 'application/json' } });
    console.log(`Reset the running sandbox (${url}) and its data in ${dataDir}.`);
  } catch {
    console.log(`Reset the sandbox data in ${dataDir}; the next \`npm start\` begins from the seed.`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
