import {
  createMockDirectory,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import type { JsonObject } from '@backstage/types';

/**
 * Runs an action's handler as the scaffolder would, with a real workspace
 * directory, and answers its outputs. (The scaffolder's own
 * createMockActionContext lives in a test-utils package that does not
 * follow the installed scaffolder-node yet.)
 */
export async function runAction(
  action: TemplateAction<any, any, any>,
  input: JsonObject,
) {
  const workspace = createMockDirectory();
  const outputs: Record<string, unknown> = {};
  await action.handler({
    input,
    workspacePath: workspace.path,
    logger: mockServices.logger.mock(),
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
    checkpoint: async ({ fn }: { fn: () => Promise<any> }) => fn(),
    createTemporaryDirectory: async () => createMockDirectory().path,
    getInitiatorCredentials: async () => mockCredentials.user(),
    task: { id: 'task-1' },
  } as any);
  return { outputs, workspace };
}
