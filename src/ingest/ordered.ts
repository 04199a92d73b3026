/**
 * Runs `work` over the items with at most `limit` in flight and yields the results in input
 * order. `work` must not reject (it returns failures as values).
 */
export async function* mapOrdered<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Array<Promise<R>> = [];
  let started = 0;
  const startNext = (): void => {
    if (started < items.length) pending.push(work(items[started++]!));
  };
  for (let i = 0; i < limit; i++) startNext();
  for (let i = 0; i < items.length; i++) {
    const result = await pending[i]!;
    startNext();
    yield result;
  }
}
