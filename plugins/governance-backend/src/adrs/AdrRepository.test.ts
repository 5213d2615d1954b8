import { mockServices } from '@backstage/backend-test-utils';
import { AdrRepository } from './AdrRepository';
import { AdrFileSource } from './sources/types';

/** A source over files held in memory, failing on demand. */
class MemorySource implements AdrFileSource {
  readonly kind = 'location' as const;
  readonly trust = 'forum' as const;
  reads = 0;
  failWith?: Error;
  constructor(readonly id: string, public files: Record<string, string>) {}
  get target() {
    return `memory:${this.id}`;
  }
  async readFiles() {
    this.reads += 1;
    if (this.failWith) throw this.failWith;
    return Object.entries(this.files).map(([fileName, content]) => ({
      fileName,
      url: `memory:${fileName}`,
      content,
    }));
  }
}

const logger = mockServices.logger.mock();

describe('AdrRepository', () => {
  it('reads on the first request when no refresh has run yet, once', async () => {
    const source = new MemorySource('b', { '0001-x.md': '# X' });
    const repository = new AdrRepository(async () => [source], logger);
    const [index] = await Promise.all([
      repository.index(),
      repository.get('b--0001-x'),
    ]);
    expect(index.items.map(a => a.id)).toEqual(['b--0001-x']);
    expect(source.reads).toBe(1);
    await repository.index();
    expect(source.reads).toBe(1);
  });

  it('sorts by source then file name and keeps everything when sources cannot be listed', async () => {
    const b = new MemorySource('b', { '0002-y.md': '# Y', '0001-x.md': '# X' });
    const a = new MemorySource('a', { '0009-z.md': '# Z' });
    let listing: () => Promise<AdrFileSource[]> = async () => [b, a];
    const repository = new AdrRepository(() => listing(), logger);
    await repository.refresh();
    const ids = (await repository.index()).items.map(adr => adr.id);
    expect(ids).toEqual(['a--0009-z', 'b--0001-x', 'b--0002-y']);

    listing = async () => {
      throw new Error('catalog down');
    };
    await repository.refresh();
    expect((await repository.index()).items.map(adr => adr.id)).toEqual(ids);
  });

  it('drops a source that is no longer listed, and keeps a failing one', async () => {
    const a = new MemorySource('a', { '0001-x.md': '# X' });
    const b = new MemorySource('b', { '0001-x.md': '# X' });
    let sources = [a, b];
    const repository = new AdrRepository(async () => sources, logger);
    await repository.refresh();
    a.failWith = new Error('disk on fire');
    sources = [a];
    await repository.refresh();
    const index = await repository.index();
    expect(index.items.map(adr => adr.id)).toEqual(['a--0001-x']);
    expect(index.sources).toEqual([
      expect.objectContaining({ id: 'a', ok: false, error: 'disk on fire' }),
    ]);
  });
});
