import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { accessProvisionerExtensionPoint } from '@datamesh-governance/plugin-data-products-node';
import { dataProductsModulePostgres } from './module';
import { PostgresAccessProvisioner } from './PostgresAccessProvisioner';

function start(data: object, addProvisioner = jest.fn()) {
  return startTestBackend({
    extensionPoints: [[accessProvisionerExtensionPoint, { addProvisioner }]],
    features: [
      dataProductsModulePostgres,
      mockServices.rootConfig.factory({ data }),
    ],
  });
}

describe('dataProductsModulePostgres', () => {
  it('adds the provisioner for postgres ports when configured', async () => {
    const addProvisioner = jest.fn();
    await start(
      {
        dataProducts: {
          provisioners: {
            postgres: {
              connections: {
                benefits: {
                  server: { host: 'db.example', database: 'benefits' },
                  user: 'dp_provisioner',
                },
              },
            },
          },
        },
      },
      addProvisioner,
    );
    expect(addProvisioner).toHaveBeenCalledTimes(1);
    const [provisioner] = addProvisioner.mock.calls[0];
    expect(provisioner).toBeInstanceOf(PostgresAccessProvisioner);
    expect(provisioner.serverTypes).toEqual(['postgres']);
  });

  it('adds nothing without config, so owners apply grants by hand', async () => {
    const addProvisioner = jest.fn();
    await start({}, addProvisioner);
    expect(addProvisioner).not.toHaveBeenCalled();
  });

  it('stops the startup on a config mistake', async () => {
    await expect(
      start({
        dataProducts: { provisioners: { postgres: { connections: {} } } },
      }),
    ).rejects.toThrow(/names no connection/);
  });
});
