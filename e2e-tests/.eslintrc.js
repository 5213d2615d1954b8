// The journeys run in Node (Playwright), so they follow the Node rules.
module.exports =
  require('@backstage/cli/config/eslint-factory').createConfigForRole(
    __dirname,
    'node-library',
  );
