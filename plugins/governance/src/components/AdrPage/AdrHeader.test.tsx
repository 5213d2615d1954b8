import { screen } from '@testing-library/react';
import { maxDurationAdr, legalBasisAdr } from '../../__testUtils__/fixtures';
import { renderGovernance } from '../../__testUtils__/renderGovernance';
import { AdrHeader } from './AdrHeader';

describe('AdrHeader', () => {
  it('says by when opinions on a proposal are due, and who proposed it', async () => {
    await renderGovernance(
      <AdrHeader
        adr={{
          ...maxDurationAdr,
          opinionsDue: '2026-12-15',
          proposer: 'user:default/pia.platform',
        }}
      />,
    );
    expect(
      screen.getByText(
        /Proposed 2024-06-10 · by pia\.platform · Opinions due 2026-12-15 ·/,
      ),
    ).toBeInTheDocument();
  });

  it('no longer asks for opinions once the ADR is decided', async () => {
    await renderGovernance(
      <AdrHeader adr={{ ...legalBasisAdr, opinionsDue: '2024-02-20' }} />,
    );
    expect(screen.getByText(/Decided 2024-03-01/)).toBeInTheDocument();
    expect(screen.queryByText(/Opinions due/)).not.toBeInTheDocument();
  });
});
