export { MarketplacePage, MarketplacePageContent } from './MarketplacePage';
