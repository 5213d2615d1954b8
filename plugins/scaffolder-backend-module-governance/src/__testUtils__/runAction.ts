import {
  createMockDirectory,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import type { JsonObject } from '@backstage/types';

/**
 * Runs an action's handler as the scaffolder would, with a real workspace
 * directory, as `credentials` (Pia by default). Answers the handler's
 * promise, its outputs and the workspace.
 */
export async function runAction(
  action: TemplateAction<any, any, any>,
  input: JsonObject,
  options: {
    credentials?: BackstageCredentials;
    /** Files in the workspace before the action runs, e.g. an earlier step's. */
    workspaceContent?: Record<string, string>;
  } = {},
) {
  const credentials =
    options.credentials ?? mockCredentials.user('user:default/pia.platform');
  const workspace = createMockDirectory({ content: options.workspaceContent });
  const outputs: Record<string, unknown> = {};
  const run = action.handler({
    input,
    workspacePath: workspace.path,
    logger: mockServices.logger.mock(),
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
    checkpoint: async ({ fn }: { fn: () => Promise<any> }) => fn(),
    createTemporaryDirectory: async () => createMockDirectory().path,
    getInitiatorCredentials: async () => credentials,
    task: { id: 'task-1' },
  } as any);
  return { run, outputs, workspace };
}
