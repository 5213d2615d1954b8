export { ProducedDataProductsCard } from './ProducedDataProductsCard';
