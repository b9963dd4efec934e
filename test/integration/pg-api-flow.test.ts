/**
 * The full API flow (upload → submit → poll → download) again, on PostgreSQL: the same test
 * file, with startTestServer giving each server a fresh database. `npm run test:pg` runs every
 * API test this way; CI runs this one so both stores keep passing the end-to-end path.
 */
process.env.REELSCRIPT_TEST_STORE = 'postgres';
await import('./api-flow.test.js');
