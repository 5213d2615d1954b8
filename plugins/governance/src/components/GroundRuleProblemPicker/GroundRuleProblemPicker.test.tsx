import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useState } from 'react';
import {
  governanceBaseUrl,
  renderGovernance,
} from '../../__testUtils__/renderGovernance';
import { GroundRuleProblemPicker } from './GroundRuleProblemPicker';

const server = setupServer();
registerMswTestHooks(server);

const problem = (id: string, title: string, supportCount: number) => ({
  id,
  title,
  description: '',
  entityRefs: [],
  raisedBy: 'user:default/ada.analyst',
  createdAt: '2026-11-20T10:00:00Z',
  status: 'open',
  supportCount,
  supportedByMe: false,
});

function Form(props: { values: unknown[] }) {
  const [value, setValue] = useState<unknown>(undefined);
  return (
    <GroundRuleProblemPicker
      {...({
        schema: { title: 'Problems it answers' },
        idSchema: { $id: 'root_problems' },
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

describe('GroundRuleProblemPicker', () => {
  it('offers the open problems by title, most supported first, and answers their ids', async () => {
    const asked: string[] = [];
    server.use(
      http.get(`${governanceBaseUrl}/problems`, ({ request }) => {
        asked.push(new URL(request.url).search);
        return HttpResponse.json({
          items: [
            problem('p-1', 'Nobody to ask when a pipeline breaks', 3),
            problem('p-2', 'Grants outlive their projects', 1),
          ],
        });
      }),
    );
    const values: unknown[] = [];
    await renderGovernance(<Form values={values} />);

    const input = screen.getByRole('textbox', { name: 'Problems it answers' });
    fireEvent.mouseDown(input);
    fireEvent.click(
      await screen.findByText('Grants outlive their projects (1 support)'),
    );
    expect(values.at(-1)).toEqual(['p-2']);
    expect(asked).toEqual(['?status=open&limit=100']);
  });
});
