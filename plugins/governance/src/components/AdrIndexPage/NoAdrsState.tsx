import { CodeSnippet, EmptyState } from '@backstage/core-components';

const exampleConfig = `governance:
  adrs:
    locations:
      - id: forum
        target: https://github.com/my-org/governance/tree/main/decisions`;

/** Shown when no source holds any ADR yet: says what to configure. */
export function NoAdrsState() {
  return (
    <EmptyState
      missing="content"
      title="No decisions recorded yet"
      description="ADRs are Markdown files read from the folders listed in governance.adrs.locations, and from catalog entities annotated with backstage.io/adr-location."
      action={
        <CodeSnippet language="yaml" text={exampleConfig} showCopyCodeButton />
      }
    />
  );
}
