import http from 'node:http';
import { expect, test } from 'vitest';
import { fairTurns } from './fair-turns';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

test('turns are given in arrival order, one per turn of the event loop', async () => {
  const takeTurn = fairTurns().take;
  const log: string[] = [];
  const turns = ['a', 'b', 'c'].map((name) => takeTurn().then(() => log.push(name)));
  // Other work queued meanwhile (I/O, a job's next chunk) runs between two turns, not after all of them.
  setImmediate(() => log.push('other'));
  await Promise.all(turns);
  expect(log).toEqual(['a', 'other', 'b', 'c']);
});

test('work that yields goes on at once when nobody waits, and behind those who wait otherwise', async () => {
  const turns = fairTurns();
  const log: string[] = [];
  await turns.afterWaiting();
  log.push('alone: at once');
  const request = turns.take().then(() => log.push('request'));
  await turns.afterWaiting().then(() => log.push('job'));
  await request;
  expect(log).toEqual(['alone: at once', 'request', 'job']);
});

/**
 * A server whose requests hold the loop (as SQLite's synchronous statements do), `busy` connections
 * keeping it saturated, then `late` new connections: how many answers the busy ones got before
 * the last newcomer's first answer. libuv accepts one connection per turn of the loop; when a turn
 * serves every busy connection, the last newcomer waits about late × busy answers.
 */
async function answersBeforeLastNewcomer(gated: boolean, busy: number, late: number): Promise<number> {
  const takeTurn = fairTurns().take;
  const server = http.createServer((request, response) => {
    void (gated ? takeTurn() : Promise.resolve()).then(() => {
      const until = performance.now() + 1;
      while (performance.now() < until); // the synchronous work of a request
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let answers = 0;
  let running = true;
  const get = (agent: http.Agent) => new Promise<void>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, agent }, (response) => { response.resume(); response.on('end', resolve); }).on('error', reject);
  });
  const loops = Array.from({ length: busy }, async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    while (running) {
      await get(agent);
      answers += 1;
    }
    agent.destroy();
  });
  while (answers < busy * 3) await nextTurn();
  const before = answers;
  await Promise.all(Array.from({ length: late }, () => get(new http.Agent({ keepAlive: false }))));
  const waited = answers - before;
  running = false;
  await Promise.all(loops);
  await new Promise((resolve) => server.close(resolve));
  return waited;
}

test('a new connection is served after about one round of the others, not one round per connection ahead of it', async () => {
  const busy = 30;
  const late = 30;
  const fair = await answersBeforeLastNewcomer(true, busy, late);
  // One round of everyone (busy + late) plus the turns it takes to accept the newcomers.
  expect(fair).toBeLessThan(3 * (busy + late));
}, 60_000);

