import { registerMswTestHooks } from '@backstage/test-utils';
import { PolicyDefinition } from '@datamesh-governance/plugin-governance-common';
import { fireEvent, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useState } from 'react';
import {
  governanceBaseUrl,
  renderGovernance,
} from '../../__testUtils__/renderGovernance';
import { GroundRulePolicyPicker } from './GroundRulePolicyPicker';

const server = setupServer();
registerMswTestHooks(server);

const checks: PolicyDefinition[] = [
  {
    id: 'personal-data-max-duration',
    title: 'Access to personal data is time-limited',
    description: 'Ports with personal data declare access.maxDuration.',
    parameters: [
      {
        name: 'maxDuration',
        title: 'Longest grant',
        description: 'An ISO 8601 duration, e.g. P180D',
        pattern: '^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?$',
        default: 'P180D',
      },
    ],
  },
  {
    id: 'freshness-sla',
    title: 'Data products publish a freshness SLA',
    description: 'Every output port declares a freshness SLA.',
  },
];

/** The field as the scaffolder's form holds it: the value it last reported. */
function Form(props: { values: unknown[] }) {
  const [value, setValue] = useState<unknown>(undefined);
  return (
    <GroundRulePolicyPicker
      {...({
        schema: { title: 'Policies it would introduce' },
        idSchema: { $id: 'root_policies' },
        formData: value,
        rawErrors: [],
        onChange: (next: unknown) => {
          props.values.push(next);
          setValue(next);
        },
      } as any)}
    />
  );
}

describe('GroundRulePolicyPicker', () => {
  beforeEach(() =>
    server.use(
      http.get(`${governanceBaseUrl}/policies`, () =>
        HttpResponse.json({ items: checks }),
      ),
    ),
  );

  it('offers the registered checks and asks for the parameters of a picked one', async () => {
    const values: unknown[] = [];
    await renderGovernance(<Form values={values} />);

    const maxDuration = await screen.findByRole('checkbox', {
      name: 'Access to personal data is time-limited',
    });
    expect(
      screen.queryByRole('textbox', { name: 'Longest grant' }),
    ).not.toBeInTheDocument();
    fireEvent.click(maxDuration);
    fireEvent.click(
      screen.getByRole('checkbox', {
        name: 'Data products publish a freshness SLA',
      }),
    );
    const longest = screen.getByRole('textbox', { name: 'Longest grant' });
    expect(longest).toHaveAttribute('placeholder', 'P180D');

    fireEvent.change(longest, { target: { value: '90 days' } });
    expect(
      screen.getByText(/Not a valid longest grant: An ISO 8601 duration/),
    ).toBeInTheDocument();
    fireEvent.change(longest, { target: { value: 'P90D' } });
    expect(values.at(-1)).toEqual([
      { id: 'personal-data-max-duration', params: { maxDuration: 'P90D' } },
      { id: 'freshness-sla' },
    ]);

    // Unpicking a check drops it and its parameters.
    fireEvent.click(maxDuration);
    expect(values.at(-1)).toEqual([{ id: 'freshness-sla' }]);
  });

  it('says so when the checks cannot be loaded', async () => {
    server.use(
      http.get(`${governanceBaseUrl}/policies`, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'not for you' } },
          { status: 403 },
        ),
      ),
    );
    await renderGovernance(<Form values={[]} />);
    expect(
      await screen.findByText(/The policy checks could not be loaded/),
    ).toBeInTheDocument();
  });
});
