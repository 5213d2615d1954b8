export { DataProductDetailsCard } from './DataProductDetailsCard';
