export { DataProductSearchResultListItem } from './DataProductSearchResultListItem';
