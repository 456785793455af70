// Run by file-account-store.test.ts in a child process: start a PATCH and die (SIGKILL) once the new
// content is durable in its temporary file, before the rename that would publish it.
import { FileAccountStore } from '../../src/store/file/file-account-store.js';
import { DEMO_SEED_FILE } from '../../src/store/file/seed.js';
import { FAST_HASH } from '../support/test-server.js';

const dataDir = process.argv[2]!;
const store = await FileAccountStore.open({
  dataDir,
  seedFile: DEMO_SEED_FILE,
  hashParams: FAST_HASH,
  writeHooks: {
    beforeRename: () => {
      process.kill(process.pid, 'SIGKILL');
    },
  },
});
const { version } = (await store.get('cmartin'))!;
await store.update('cmartin', { website: 'https://example.org/never-published' }, version);
