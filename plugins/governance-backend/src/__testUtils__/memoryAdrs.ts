import { mockServices } from '@backstage/backend-test-utils';
import type { AdrTrust } from '@datamesh-governance/plugin-governance-common';
import { AdrRepository } from '../adrs/AdrRepository';
import type { AdrFile } from '../adrs/parseAdr';

/** An ADR file's text from its front matter and title. */
export function adrFile(
  fileName: string,
  frontMatter: Record<string, unknown>,
  title: string,
): AdrFile {
  const yaml = Object.entries(frontMatter)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
  return {
    fileName,
    url: `decisions/${fileName}`,
    content: `---\n${yaml}\n---\n\n# ${title}\n`,
  };
}

/**
 * A repository over in-memory folders whose files a test changes between
 * refreshes, e.g. to accept a proposal.
 */
export function memoryAdrs(
  folders: Array<{ id: string; trust: AdrTrust; files: AdrFile[] }>,
) {
  const adrs = new AdrRepository(
    async () =>
      folders.map(folder => ({
        id: folder.id,
        kind: 'location' as const,
        trust: folder.trust,
        target: folder.id,
        readFiles: async () => folder.files,
      })),
    mockServices.logger.mock(),
  );
  return { adrs, folders };
}
