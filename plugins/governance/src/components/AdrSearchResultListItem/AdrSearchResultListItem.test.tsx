import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { AdrSearchResultListItem } from './AdrSearchResultListItem';

describe('AdrSearchResultListItem', () => {
  it('shows the title linking to the ADR, its status and a snippet', async () => {
    await renderInTestApp(
      <AdrSearchResultListItem
        result={
          {
            title: 'Access to personal data lasts at most 180 days',
            text: 'Grants on personal data end after 180 days.',
            location: '/governance/adrs/decisions--0005-max-180-days',
            status: 'proposed',
          } as any
        }
      />,
    );

    expect(
      screen.getByRole('link', {
        name: 'Access to personal data lasts at most 180 days',
      }),
    ).toHaveAttribute('href', '/governance/adrs/decisions--0005-max-180-days');
    expect(screen.getByText('proposed')).toBeInTheDocument();
    expect(
      screen.getByText('Grants on personal data end after 180 days.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Team decision')).toBeNull();
  });

  it("marks a team's own decision, so it is not taken for forum policy", async () => {
    await renderInTestApp(
      <AdrSearchResultListItem
        result={
          {
            title: 'Use Kafka',
            text: 'We use Kafka.',
            location:
              '/governance/adrs/component-default-payments--0001-use-kafka',
            status: 'accepted',
            trust: 'team',
          } as any
        }
      />,
    );

    expect(screen.getByText('Team decision')).toBeInTheDocument();
  });
});
