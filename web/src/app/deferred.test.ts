import { describe, expect, it, vi } from 'vitest';
import { whenPageSettled } from './deferred';
import { queryClient } from './query-client';

// Node has no frames or idle callbacks: a timer stands in for both.
vi.stubGlobal('window', {});
vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 0));

const settledYet = async (promise: Promise<void>) => {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setTimeout(resolve, 100));
  return settled;
};

describe('whenPageSettled', () => {
  it("waits for the first page's queries to answer; later pages find it settled", async () => {
    let answer: (rows: string) => void = () => undefined;
    const firstPage = queryClient.fetchQuery({ queryKey: ['first page'], queryFn: () => new Promise<string>((resolve) => (answer = resolve)) });
    const settled = whenPageSettled();
    await expect(settledYet(settled)).resolves.toBe(false);
    answer('rows');
    await firstPage;
    await expect(settledYet(settled)).resolves.toBe(true);
    await expect(settledYet(whenPageSettled())).resolves.toBe(true);
  });
});
