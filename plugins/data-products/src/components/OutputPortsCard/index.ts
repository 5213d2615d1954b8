export { OutputPortsCard } from './OutputPortsCard';
