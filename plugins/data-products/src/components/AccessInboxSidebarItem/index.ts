export { AccessInboxSidebarItem } from './AccessInboxSidebarItem';
