// Resolves the suite's packages (@datamesh-governance/*) from the checkout
// this harness lives in, also where the code that asks lives in a shared
// node_modules: Backstage finds a plugin's migrations folder through
// @backstage/backend-plugin-api. In the repository itself this changes
// nothing; in an export made by checkout.mjs it keeps that commit's plugins
// and migrations together.
const Module = require('node:module');
const { resolve } = require('node:path');

const checkoutRoot = resolve(__dirname, '../..');
const resolveFilename = Module._resolveFilename;

Module._resolveFilename = function resolveSuiteFromCheckout(
  request,
  parent,
  isMain,
  options,
) {
  if (request.startsWith('@datamesh-governance/') && !options?.paths) {
    return resolveFilename.call(this, request, parent, isMain, {
      ...options,
      paths: [checkoutRoot],
    });
  }
  return resolveFilename.call(this, request, parent, isMain, options);
};
