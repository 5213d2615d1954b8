import { Adr, adrIdOf } from '@datamesh-governance/plugin-governance-common';

// What a rendered ADR may link to. Anything else (javascript:, data:, vbscript:
// …) is dropped: the Markdown comes from a repository, not from this app.
const linkProtocols = new Set(['http:', 'https:', 'mailto:', 'file:']);
const imageProtocols = new Set(['http:', 'https:', 'file:']);

function resolve(href: string, base: string): URL | undefined {
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

function folderOf(url: URL): string {
  return new URL('.', url).href;
}

/**
 * Makes the `transformLinkUri` / `transformImageUri` pair for one ADR:
 * relative targets resolve against the file's own URL, a link to another
 * Markdown file in the same folder opens that ADR here, and unsafe schemes
 * become an empty target (the link renders as plain text).
 */
export function adrLinkResolvers(
  adr: Pick<Adr, 'url' | 'sourceId'>,
  adrPath: (adrId: string) => string,
) {
  const base = resolve(adr.url, 'file:///');
  return {
    link(href: string): string {
      // An empty href is what is left when the sanitiser removed an unsafe one.
      if (!href.trim()) return '';
      if (href.startsWith('#')) return href;
      const url = base && resolve(href, base.href);
      if (!url || !linkProtocols.has(url.protocol)) return '';
      const fileName = decodeURIComponent(url.pathname.split('/').pop() ?? '');
      if (/\.md$/i.test(fileName) && base && folderOf(url) === folderOf(base)) {
        return `${adrPath(adrIdOf(adr.sourceId, fileName))}${url.hash}`;
      }
      return url.href;
    },
    image(src: string): string {
      if (!src.trim()) return '';
      const url = base && resolve(src, base.href);
      return url && imageProtocols.has(url.protocol) ? url.href : '';
    },
  };
}
