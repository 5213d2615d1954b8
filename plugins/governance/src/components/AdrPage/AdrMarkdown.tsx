import { MarkdownContent } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { Adr } from '@datamesh-governance/plugin-governance-common';
import { useMemo } from 'react';
import { adrRouteRef } from '../../routes';
import { adrLinkResolvers } from './resolveAdrLinks';

/**
 * The ADR body. MarkdownContent sanitises raw HTML (no scripts, no event
 * handlers, no unsafe URLs); the resolvers point relative links and images at
 * the source, since a replaced resolver also replaces the built-in URL check.
 */
export function AdrMarkdown(props: {
  adr: Pick<Adr, 'url' | 'sourceId'> & { markdown: string };
}) {
  const adrRoute = useRouteRef(adrRouteRef);
  const { url, sourceId } = props.adr;
  const resolvers = useMemo(
    () => adrLinkResolvers({ url, sourceId }, adrId => adrRoute({ adrId })),
    [url, sourceId, adrRoute],
  );
  return (
    <MarkdownContent
      content={props.adr.markdown}
      transformLinkUri={resolvers.link}
      transformImageUri={resolvers.image}
    />
  );
}
