import { mockServices } from '@backstage/backend-test-utils';
import { AccessRequestChange, AccessRequestChanges } from './changes';

const change = {
  kind: 'approve',
  request: { id: 'r1' },
  actorRef: 'user:default/olav',
} as AccessRequestChange;

describe('AccessRequestChanges', () => {
  it('tells every listener, and a failing one neither fails the change nor stops the others', async () => {
    const logger = mockServices.logger.mock();
    const changes = new AccessRequestChanges(logger);
    const heard: string[] = [];
    changes.listen(async () => {
      throw new Error('notifications are down');
    });
    changes.listen(async c => {
      heard.push(`${c.kind}:${c.request.id}`);
    });
    await expect(changes.tell(change)).resolves.toBeUndefined();
    expect(heard).toEqual(['approve:r1']);
    expect(logger.warn).toHaveBeenCalledWith(
      'Reacting to approve of access request r1 failed',
      expect.objectContaining({ message: 'notifications are down' }),
    );
  });
});
