import { Adr, adrIdOf } from '@datamesh-governance/plugin-governance-common';

// What a rendered ADR may link to. Anything else (javascript:, data:, vbscript:
// …) is dropped: the Markdown comes from a repository, not from this app.
const linkProtocols = new Set(['http:', 'https:', 'mailto:']);
const imageProtocols = new Set(['http:', 'https:']);

// ADRs from a local folder have a relative `url` (e.g.
// `governance/decisions/0001-x.md`); it is resolved against this stand-in
// so that links to sibling ADRs still work. Nothing else under it is
// reachable from the browser, so other relative targets become plain text.
const LOCAL_BASE = 'relative:/';

function resolve(href: string, base: string): URL | undefined {
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

/** The folder of a hierarchical URL; undefined for opaque ones such as `javascript:`. */
function folderOf(url: URL): string | undefined {
  return resolve('.', url.href)?.href;
}

/** The file name a URL points at, or undefined when its encoding is broken. */
function fileNameOf(url: URL): string | undefined {
  try {
    return decodeURIComponent(url.pathname.split('/').pop() ?? '');
  } catch {
    return undefined;
  }
}

/**
 * Makes the `transformLinkUri` / `transformImageUri` pair for one ADR:
 * relative targets resolve against the file's own URL, a link to another
 * Markdown file in the same folder opens that ADR here, and unsafe schemes
 * or malformed targets become an empty target (the link renders as plain
 * text).
 */
export function adrLinkResolvers(
  adr: Pick<Adr, 'url' | 'sourceId'>,
  adrPath: (adrId: string) => string,
) {
  const base = resolve(adr.url, LOCAL_BASE);
  return {
    link(href: string): string {
      // An empty href is what is left when the sanitiser removed an unsafe one.
      if (!href.trim()) return '';
      if (href.startsWith('#')) return href;
      const url = base && resolve(href, base.href);
      if (!base || !url) return '';
      const fileName = fileNameOf(url);
      if (fileName === undefined) return '';
      const sibling =
        /\.md$/i.test(fileName) &&
        url.protocol === base.protocol &&
        folderOf(url) !== undefined &&
        folderOf(url) === folderOf(base);
      if (sibling) {
        return `${adrPath(adrIdOf(adr.sourceId, fileName))}${url.hash}`;
      }
      return linkProtocols.has(url.protocol) ? url.href : '';
    },
    image(src: string): string {
      if (!src.trim()) return '';
      const url = base && resolve(src, base.href);
      return url && imageProtocols.has(url.protocol) ? url.href : '';
    },
  };
}
