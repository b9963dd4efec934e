import { runStoreContract } from '../contract.js';
import { SqliteStore } from './adapter.js';

runStoreContract('sqlite', async (clock) => {
  const store = new SqliteStore(':memory:', () => clock.now);
  await store.migrate();
  return store;
});
