export { AccessTab } from './AccessTab';
